"""The app on what issue 7's importer gives: paragraphs attended, meetings without date/council."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pilot_helpers import WIDE, wait_for
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

import importers
from store.loading import load_protocol
from store.models import Attendance, Body, ImportWarning, Meeting
from tui.app import ProtokollApp
from tui.screens.form import FormScreen
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable
from tui.widgets.record_table import RecordTable

SEEDS = Path(__file__).parents[2] / "samples" / "protocols"


def _undated_copy_of_a_seed(engine: Engine) -> int:
    """A seed protocol imported again as if its date and council could not be found."""
    seed = importers.parse_file(sorted(SEEDS.iterdir())[3])
    protocol = dataclasses.replace(seed.protocol, date=None, body=None)
    source = dataclasses.replace(seed.source, path="arkiv/utan-datum.txt", content_hash="other")
    outcome = load_protocol(engine, dataclasses.replace(seed, source=source, protocol=protocol))
    assert outcome.status == "imported"
    return outcome.meeting_id


async def _in_detail(pilot, app: ProtokollApp) -> MeetingsScreen:
    screen = app.screen
    assert isinstance(screen, MeetingsScreen)
    await wait_for(pilot, lambda: screen.query_one(MeetingTable).row_count and screen.detail)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.focused, RecordTable))
    return screen


async def _settled(pilot) -> None:
    """Let every worker finish and what it delivered (and posted) be handled."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _edit_cell(pilot, app: ProtokollApp, typed: str) -> None:
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
    await pilot.press("ctrl+u", *typed)


async def test_paragraphs_show_in_a_column_and_are_edited_as_a_range_list(
    sample_copy: Engine,
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _in_detail(pilot, app)
        await pilot.press("right_square_bracket")
        table = screen.query_one("#attendance-table", RecordTable)
        await wait_for(pilot, lambda: app.focused is table)
        column = [c.key for c in table.spec].index("paragraphs")
        assert str(table.ordered_columns[column].label) == "§§"
        table.move_cursor(row=0, column=column)
        first = screen.detail.attendance[0]
        await _edit_cell(pilot, app, "34-9")
        assert "går baklänges" in str(app.screen.query_one("#error-paragraphs").render())
        await pilot.press("enter")
        assert isinstance(app.screen, FormScreen)  # refused: still open
        await pilot.press("ctrl+u", *"1-6, 9-34", "enter")
        await wait_for(pilot, lambda: screen.detail.attendance[0].paragraph_numbers == "1-6,9-34")
        with Session(sample_copy) as session:
            row = session.get(Attendance, first.id)
            assert (row.paragraphs, row.paragraph_numbers) == ("1-6, 9-34", "1-6,9-34")
        assert str(table.get_cell_at((0, column))) == "1-6,9-34"
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: screen.detail.attendance[0].paragraphs is None)
        assert str(table.get_cell_at((0, column))) == ""


async def test_a_meeting_without_date_or_council_is_last_and_filled_in(
    sample_copy: Engine,
) -> None:
    undated = _undated_copy_of_a_seed(sample_copy)
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _in_detail(pilot, app)
        rows = screen.query_one(MeetingTable)
        await pilot.press("escape")
        rows.move_cursor(row=rows.row_count - 1)
        assert rows.meeting_id == undated
        assert str(rows.get_cell(str(undated), "date")) == "utan datum"
        assert str(rows.get_cell(str(undated), "body")) == "organ saknas: fyll i"
        await wait_for(pilot, lambda: screen.detail.id == undated)
        await pilot.press("enter")
        overview = screen.query_one("#overview-table", RecordTable)
        await wait_for(pilot, lambda: app.focused is overview)
        overview.move_cursor(row=overview.get_row_index("date"))
        await _edit_cell(pilot, app, "2023-01-12")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: screen.detail.id == undated and screen.detail.date is not None
        )
        await _settled(pilot)  # the list reloads: the edited meeting must stay the one shown
        assert (screen.detail.id, rows.meeting_id) == (undated, undated)
        assert rows.get_row_index(str(undated)) == 0  # now the newest meeting
        overview.move_cursor(row=overview.get_row_index("body"))
        await _edit_cell(pilot, app, "Regionalt samverkansråd")
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: screen.detail.id == undated and screen.detail.body == "Regionalt samverkansråd",
        )
        await _settled(pilot)
        assert (screen.detail.id, rows.meeting_id) == (undated, undated)
        with Session(sample_copy) as session:
            meeting = session.get(Meeting, undated)
            body = session.get(Body, meeting.body_id)
            assert (meeting.date.isoformat(), body.name) == (
                "2023-01-12",
                "Regionalt samverkansråd",
            )
        await wait_for(pilot, lambda: str(rows.get_cell(str(undated), "date")) == "2023-01-12")


async def test_n_goes_to_a_reviewed_meeting_that_still_lacks_a_date(sample_copy: Engine) -> None:
    undated = _undated_copy_of_a_seed(sample_copy)
    with sample_copy.begin() as connection:  # everything else is done
        connection.execute(update(Meeting).values(reviewed=True))
        connection.execute(update(ImportWarning).values(resolved=True))
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _in_detail(pilot, app)
        assert screen.detail.id != undated
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.detail.id == undated)
        assert screen.query_one(MeetingTable).meeting_id == undated
        with Session(sample_copy) as session:
            assert session.exec(select(Meeting.reviewed).where(Meeting.id == undated)).one()
