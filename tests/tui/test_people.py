"""The people view: search as you type, a person's meetings, and the jump to a meeting."""

from __future__ import annotations

from pilot_helpers import WIDE, wait_for
from sqlalchemy.engine import Engine
from textual.widgets import Static

from tui.app import ProtokollApp
from tui.screens.meetings import MeetingsScreen
from tui.screens.people import PeopleScreen
from tui.widgets.people_tables import PeopleTable, PersonMeetingsTable


def _names(table: PeopleTable) -> list[str]:
    return [str(table.get_cell_at((i, 0))) for i in range(table.row_count)]


async def test_lejgren_finds_irén_lejegren_and_her_meetings(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
        screen = app.screen
        await pilot.press(*"lejgren")
        results = screen.query_one(PeopleTable)
        await wait_for(pilot, lambda: "Irén Lejegren" in _names(results))
        results.move_cursor(row=_names(results).index("Irén Lejegren"))
        results.focus()
        await pilot.press("enter")
        meetings = screen.query_one(PersonMeetingsTable)
        await wait_for(pilot, lambda: meetings.row_count > 0 and app.focused is meetings)
        role = meetings.get_column_index("role")
        roles = {str(meetings.get_cell_at((i, role))) for i in range(meetings.row_count)}
        assert "ordförande" in roles
        date = str(meetings.get_cell_at((0, 0)))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen) and app.screen.detail)
        await wait_for(pilot, lambda: app.screen.detail.date.isoformat() == date)


async def test_a_typo_still_finds_the_person(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
        await pilot.press(*"siw lunandr")
        results = app.screen.query_one(PeopleTable)
        await wait_for(pilot, lambda: _names(results)[:1] == ["Siw Lunander"])


async def test_one_hit_is_counted_in_the_singular(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
        status = app.screen.query_one("#people-status", Static)
        await pilot.press(*"lejeg")
        await wait_for(pilot, lambda: str(status.render()).startswith("1 träff "))
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "a")
        await wait_for(pilot, lambda: "träffar" in str(status.render()))
