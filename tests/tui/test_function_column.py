"""The attendance list shows what each person does at the meeting, and it can be corrected."""

from __future__ import annotations

from pilot_helpers import WIDE, wait_for
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from store.models import Attendance
from tui.app import ProtokollApp
from tui.screens.form import FormScreen
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable
from tui.widgets.record_table import RecordTable


async def test_the_function_has_a_column_and_is_edited_and_undone(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        await wait_for(pilot, lambda: screen.query_one(MeetingTable).row_count and screen.detail)
        first = screen.detail.attendance[0]
        with Session(sample_copy) as session:  # as an import of `Namn (S), ordförande` stores it
            session.exec(
                update(Attendance).where(Attendance.id == first.id).values(function="ordförande")
            )  # type: ignore[call-overload]
            session.commit()
        await pilot.press("down", "up")  # the meeting is read again
        await wait_for(pilot, lambda: screen.detail.attendance[0].function == "ordförande")
        await pilot.press("enter", "right_square_bracket")
        table = screen.query_one("#attendance-table", RecordTable)
        await wait_for(pilot, lambda: app.focused is table)
        column = [c.key for c in table.spec].index("function")
        assert str(table.ordered_columns[column].label) == "Uppdrag"
        assert str(table.get_cell_at((0, column))) == "ordförande"

        table.move_cursor(row=0, column=column)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("ctrl+u", *"vice ordförande", "enter")
        await wait_for(pilot, lambda: screen.detail.attendance[0].function == "vice ordförande")
        with Session(sample_copy) as session:
            assert session.get(Attendance, first.id).function == "vice ordförande"  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: screen.detail.attendance[0].function == "ordförande")
        assert str(table.get_cell_at((0, column))) == "ordförande"
