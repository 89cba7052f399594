"""A person's page: roles, parties and organisations over the years, attendance per year."""

from __future__ import annotations

from datetime import date

from pilot_helpers import WIDE, wait_for
from sqlalchemy.engine import Engine

from store.queries import PersonDetail, PersonMeeting
from tui.app import ProtokollApp
from tui.screens.people import PeopleScreen
from tui.widgets.people_tables import PersonMeetingsTable
from tui.widgets.person_summary import BAR, person_summary, year_bars


def _row(meeting: int, day: date, role: str, present: bool, party: str | None) -> PersonMeeting:
    return PersonMeeting(meeting, day, "Rådet", role, present, "Eva Sund", party, "Nora kommun")


def test_a_bar_per_year_counts_meetings_attended_of_those_listed() -> None:
    rows = (
        _row(1, date(2020, 2, 1), "member", True, "S"),
        _row(1, date(2020, 2, 1), "chair", True, None),  # one meeting, two rows
        _row(2, date(2020, 9, 1), "member", False, "S"),
        _row(3, date(2022, 3, 1), "substitute", True, "V"),
        _row(4, date(2022, 5, 1), "substitute", True, "V"),
    )
    lines = year_bars(rows).plain.splitlines()
    assert lines == [
        "  2020  " + "█" * (BAR // 2) + "·" * (BAR // 2) + "  1 av 2",
        "  2022  " + "█" * BAR + "  2 av 2",
    ]
    page = person_summary(PersonDetail(9, "Eva Sund", rows)).plain
    assert "Roller: ledamot 2  ·  ersättare 2  ·  ordförande 1" in page
    assert "Partier: S 2020  ·  V 2022" in page
    assert "Organisationer: Nora kommun 2020–2022" in page


async def test_the_person_page_shows_when_a_person_is_opened(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
        people = app.screen
        await pilot.press(*"lejegren", "enter", "enter")
        await wait_for(pilot, lambda: people.query_one(PersonMeetingsTable).row_count)
        page = str(people.query_one("#person-summary").render())
        assert "Roller: ordförande 2  ·  ledamot 2" in page
        assert "Partier: S 2020–2021" in page and "Region Örebro län 2020–2021" in page
        assert "2020  " + "█" * BAR + "  1 av 1" in page
        assert "2021  " + "█" * BAR + "  1 av 1" in page
