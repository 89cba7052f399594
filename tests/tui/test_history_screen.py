"""The history view (key 4, and h from a meeting): the changes in words, undo and redo there."""

from __future__ import annotations

from pilot_helpers import WIDE, wait_for
from sqlalchemy.engine import Engine
from textual.widgets import DataTable, Static

from tui.app import ProtokollApp
from tui.screens.history import HistoryScreen
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable


def _rows(screen: HistoryScreen) -> list[list[str]]:
    table = screen.query_one("#history-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_history_in_words_with_undo_redo_and_a_meeting_filter(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        meetings = app.screen
        assert isinstance(meetings, MeetingsScreen)
        rows = meetings.query_one(MeetingTable)
        await wait_for(pilot, lambda: rows.row_count == 5 and meetings.detail)
        await pilot.press("r")
        await wait_for(pilot, lambda: meetings.detail.reviewed)
        rows.move_cursor(row=1)
        await wait_for(pilot, lambda: meetings.detail.id == rows.meeting_id)
        second = meetings.detail
        await pilot.press("r")
        await wait_for(pilot, lambda: meetings.detail.reviewed)
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        history = app.screen
        await wait_for(pilot, lambda: [r[1] for r in _rows(history)][:2] == ["granskning"] * 2)
        everything = len(_rows(history))  # sample.db's own imports are in the history too
        newest = _rows(history)[0]
        assert newest[3] == f"{second.date.isoformat()} {second.body}" and newest[2] == ""
        label = f"{second.date.isoformat()} {second.body}"
        assert newest[4] == f"Markerade mötet {label} som granskat", "the summary in Swedish"
        assert all(r[4].startswith("Importerade ") for r in _rows(history)[2:])
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: _rows(history)[0][2] == "kan göras om")
        await pilot.press("ctrl+y")
        await wait_for(pilot, lambda: _rows(history)[0][2] == "")
        await pilot.press("1", "h")  # the shown meeting's history only
        await wait_for(pilot, lambda: app.screen is history and len(_rows(history)) < everything)
        assert {r[3] for r in _rows(history)} == {f"{second.date.isoformat()} {second.body}"}
        status = str(history.query_one("#history-status", Static).render())
        assert f"av {second.date.isoformat()} {second.body}" in status
        await pilot.press("m")
        await wait_for(pilot, lambda: len(_rows(history)) == everything)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await wait_for(pilot, lambda: meetings.detail.id != second.id)
