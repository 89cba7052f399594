"""The meetings view, driven with Pilot on a copy of sample.db: open, edit, undo, review, filter."""

from __future__ import annotations

from pilot_helpers import WIDE, wait_for
from rich.text import Text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from textual.widgets import Input, TabbedContent

from store import edits
from store.models import Attendance, Meeting
from tui.app import ProtokollApp
from tui.screens.form import ConfirmScreen, FormScreen
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable
from tui.widgets.record_table import RecordTable


def _meeting(engine: Engine, meeting_id: int) -> Meeting:
    with Session(engine) as session:
        return session.get(Meeting, meeting_id)


def _newest_id(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(Meeting).order_by(Meeting.date.desc())).first().id


async def _opened(pilot, app: ProtokollApp) -> MeetingsScreen:
    """Wait for the list and the first meeting's detail, then move into the detail."""
    screen = app.screen
    assert isinstance(screen, MeetingsScreen)
    await wait_for(pilot, lambda: screen.query_one(MeetingTable).row_count and screen.detail)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.focused, RecordTable))
    return screen


async def test_open_edit_store_and_undo(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    newest = _newest_id(sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _opened(pilot, app)
        assert screen.detail.id == newest
        table = app.focused
        table.move_cursor(row=table.get_row_index("location"))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("ctrl+u", *"Almen [bold] [/x]", "enter")
        await wait_for(pilot, lambda: screen.detail.location == "Almen [bold] [/x]")
        assert _meeting(sample_copy, newest).location == "Almen [bold] [/x]"
        assert table.get_row("location")[1] == Text("Almen [bold] [/x]")
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: screen.detail.location != "Almen [bold] [/x]")
        assert _meeting(sample_copy, newest).location == "Eken, Eklundavägen 1, Örebro"
        await pilot.press("ctrl+y")
        await wait_for(pilot, lambda: screen.detail.location == "Almen [bold] [/x]")


async def test_a_bad_date_is_refused_while_typed(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _opened(pilot, app)
        app.focused.move_cursor(row=app.focused.get_row_index("date"))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("ctrl+u", *"2022-13-01")
        error = app.screen.query_one("#error-date")
        assert "inget datum" in str(error.render())
        await pilot.press("enter")
        assert isinstance(app.screen, FormScreen)  # still open: nothing saved
        await pilot.press("escape")
        assert _meeting(sample_copy, screen.detail.id).date.isoformat() == "2022-09-29"


async def test_r_marks_reviewed_and_back(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _opened(pilot, app)
        meeting_id = screen.detail.id
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.detail.reviewed)
        assert _meeting(sample_copy, meeting_id).reviewed is True
        rows = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: str(rows.get_cell(str(meeting_id), "reviewed")) == "✓")
        await pilot.press("r")
        await wait_for(pilot, lambda: not screen.detail.reviewed)
        assert _meeting(sample_copy, meeting_id).reviewed is False


async def test_filter_as_you_type(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        rows = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: rows.row_count == 5)
        await pilot.press("slash", *"regionalt")
        assert isinstance(app.focused, Input)
        await wait_for(pilot, lambda: rows.row_count == 2)
        await pilot.press("ctrl+u", *"2022")
        await wait_for(pilot, lambda: rows.row_count == 2)
        dates = [str(rows.get_cell_at((i, 0))) for i in range(rows.row_count)]
        assert dates == ["2022-09-29", "2022-04-26"]
        await pilot.press("ctrl+u")
        await wait_for(pilot, lambda: rows.row_count == 5)


async def test_document_text_is_never_markup(sample_copy: Engine) -> None:
    newest = _newest_id(sample_copy)
    edits.add_attendee(sample_copy, newest, "[/x]", party="S")
    edits.add_attendee(sample_copy, newest, "[bold]Kalle[/]", organization=None)
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _opened(pilot, app)
        await pilot.press("right_square_bracket")
        tabs = screen.query_one(TabbedContent)
        await wait_for(pilot, lambda: tabs.active == "attendance")
        table = screen.query_one("#attendance-table", RecordTable)
        names = [str(table.get_cell_at((i, 0))) for i in range(table.row_count)]
        assert "[/x]" in names and "[bold]Kalle[/]" in names
        table.move_cursor(row=names.index("[/x]"))
        await pilot.pause()
        assert "[/x]" in app.export_screenshot()


async def test_add_and_delete_an_attendee(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _opened(pilot, app)
        await pilot.press("right_square_bracket")
        table = screen.query_one("#attendance-table", RecordTable)
        await wait_for(pilot, lambda: app.focused is table)
        count = table.row_count
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press(*"Ny Person", "tab", "tab", "tab", *"zz")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))  # ZZ is a new party
        await pilot.press("y")
        await wait_for(pilot, lambda: table.row_count == count + 1)
        with Session(sample_copy) as session:
            row = session.exec(
                select(Attendance).where(Attendance.name_as_written == "Ny Person")
            ).one()
            assert row.party == "ZZ"
        table.move_cursor(row=count)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: table.row_count == count)


async def test_n_jumps_to_the_next_meeting_needing_attention(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _opened(pilot, app)
        first = screen.detail.id
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.detail.reviewed)
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.detail.id != first)
        assert screen.query_one(MeetingTable).meeting_id == screen.detail.id
        assert not screen.detail.reviewed


async def test_a_database_error_is_shown_and_the_app_stays(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _opened(pilot, app)
        with sample_copy.begin() as connection:
            connection.exec_driver_sql("DROP TABLE editlog")
        await pilot.press("r")
        await wait_for(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        assert app.is_running and app.screen is screen


async def test_usable_at_80_by_24(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _opened(pilot, app)
        assert screen.has_class("-narrow")
        for widget_id in ("#meeting-list", "#overview-table"):
            region = screen.query_one(widget_id).region
            assert region.width >= 70 and region.height >= 3
        assert "Plats" in app.export_screenshot()
