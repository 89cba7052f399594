"""The meetings list as a data tool: sorting (key and click), facets with counts, clearing."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from pilot_helpers import WIDE, wait_for
from sqlalchemy.engine import Engine
from textual.widgets import Input, OptionList, Static

from store.db import make_engine
from store.meeting_list import ListFilter, ListSort, facet_counts, position_of, sorted_page
from tui.app import ProtokollApp
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable

BIG = 10_000


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple]]:
    """10,000 meetings of 7 councils over 20 years, some reviewed, some warned, some doubled."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    engine = make_engine(str(path))
    rng = random.Random(7)
    meetings = []
    for m in range(1, BIG + 1):
        day = date(2001, 1, 1) + timedelta(days=rng.randrange(7300))
        meetings.append((m, rng.randint(1, 7), day, m % 3 == 0, m % 7 == 0))
    meetings[-1] = (BIG, meetings[-2][1], meetings[-2][2], False, False)  # a duplicate day
    raw = engine.raw_connection()
    cursor = raw.cursor()
    councils = [(i, f"body-{i}", f"Råd {i}") for i in range(1, 8)]
    cursor.executemany("INSERT INTO body (id, uid, name) VALUES (?, ?, ?)", councils)
    cursor.executemany(
        "INSERT INTO meeting (id, uid, body_id, date, reviewed, imported_at)"
        " VALUES (?, ?, ?, ?, ?, '2024-01-01')",
        [(m, f"m-{m}", body, day.isoformat(), rev) for m, body, day, rev, _ in meetings],
    )
    cursor.executemany(
        "INSERT INTO importwarning (uid, meeting_id, message, resolved)"
        " VALUES (?, ?, 'udda rad', 0)",
        [(f"w-{m}", m) for m, *_, warned in meetings if warned],
    )
    raw.commit()
    raw.close()
    engine.dispose()
    return path, meetings


def test_facet_counts_on_ten_thousand_meetings(big: tuple[Path, list[tuple]]) -> None:
    path, meetings = big
    engine = make_engine(str(path))
    facets = facet_counts(engine, ListFilter())
    assert facets.total == BIG
    assert {body_id: n for body_id, _, n in facets.councils} == Counter(m[1] for m in meetings)
    assert dict(facets.years) == Counter(m[2].year for m in meetings)
    reviewed = sum(m[3] for m in meetings)
    assert facets.flags["reviewed"] == (reviewed, BIG - reviewed)
    warned = sum(m[4] for m in meetings)
    assert facets.flags["warnings"] == (warned, BIG - warned)
    attention = sum(not m[3] or m[4] for m in meetings)
    assert facets.flags["attention"] == (attention, BIG - attention)
    days = Counter((m[1], m[2]) for m in meetings)
    doubled = sum(n for n in days.values() if n > 1)
    assert facets.flags["duplicate"] == (doubled, BIG - doubled) and doubled >= 2
    in_2010 = facet_counts(engine, ListFilter(year=2010, reviewed=False))
    expected = Counter(m[1] for m in meetings if m[2].year == 2010 and not m[3])
    assert {body_id: n for body_id, _, n in in_2010.councils} == expected
    assert in_2010.total == sum(expected.values())
    # Its own facet is counted without itself: every year still offers its count.
    assert dict(in_2010.years) == Counter(m[2].year for m in meetings if not m[3])


def test_sorted_pages_run_through_every_meeting_in_order(big: tuple[Path, list[tuple]]) -> None:
    path, meetings = big
    engine = make_engine(str(path))
    wanted = ListFilter(council=3)
    seen, offset = [], 0
    while offset is not None:
        page = sorted_page(engine, wanted, ListSort("date", False), offset=offset)
        seen += page.rows
        offset = page.next_offset
    ours = sorted((m for m in meetings if m[1] == 3), key=lambda m: (m[2], -m[0]))
    assert [row.id for row in seen] == [m[0] for m in ours]
    assert position_of(engine, wanted, ListSort("date", False), ours[250][0]) == 250


async def test_sort_by_key_and_by_clicking_a_heading(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        rows = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: rows.row_count == 5)

        def column(key: str) -> list[str]:
            index = rows.get_column_index(key)
            return [str(rows.get_cell_at((i, index))) for i in range(rows.row_count)]

        await pilot.press("o")  # the council, A to Ö
        await wait_for(pilot, lambda: column("body")[0].startswith("Regionalt"))
        assert str(rows.columns["body"].label) == "Organ ▲"
        before = rows.ordered_columns[: rows.get_column_index("attendees")]
        x = sum(c.get_render_width(rows) for c in before) + 2
        await pilot.click(MeetingTable, offset=(x, 0))  # the heading of the attendees
        await wait_for(pilot, lambda: column("attendees") == ["50", "17", "17", "16", "15"])
        await pilot.press("O")
        await wait_for(pilot, lambda: column("attendees") == ["15", "16", "17", "17", "50"])
        status = str(screen.query_one("#list-status", Static).render())
        assert "sorterat på närv. ▲" in status


async def test_facets_combine_with_the_text_filter_and_clear_with_one_key(
    sample_copy: Engine,
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        rows = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: rows.row_count == 5)
        await pilot.press("f")
        await wait_for(pilot, lambda: app.screen.query_one(OptionList).option_count)
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "  År 2022  2" in labels and "  Med öppna varningar  2" in labels
        assert "  Organ: Regionalt samverkansråd  2" in labels
        options.highlighted = labels.index("  Med öppna varningar  2")
        await pilot.press("enter")
        await wait_for(pilot, lambda: rows.row_count == 2)
        await pilot.press("slash", *"2022", "enter")
        await wait_for(pilot, lambda: rows.row_count == 1)
        status = str(screen.query_one("#list-status", Static).render())
        assert status.startswith("1 möte") and "Med öppna varningar" in status and "2022" in status
        await pilot.press("c")
        await wait_for(pilot, lambda: rows.row_count == 5)
        assert screen.query_one("#meeting-filter", Input).value == ""
        assert str(screen.query_one("#list-status", Static).render()) == "5 möten"


async def test_a_faceted_list_of_ten_thousand_stays_paged(big: tuple[Path, list[tuple]]) -> None:
    path, meetings = big
    app = ProtokollApp(engine=make_engine(str(path)))
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        rows = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: rows.row_count == 200)
        await pilot.press("f")
        await wait_for(pilot, lambda: app.screen.query_one(OptionList).option_count)
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        options.highlighted = next(i for i, label in enumerate(labels) if "Inte granskade" in label)
        await pilot.press("enter")
        unreviewed = sum(not m[3] for m in meetings)
        status = screen.query_one("#list-status", Static)
        await wait_for(pilot, lambda: str(status.render()).startswith(f"{unreviewed} möten"))
        assert rows.row_count == 200 and rows.next_offset == 200
        rows.focus()
        rows.move_cursor(row=rows.row_count - 1)
        await wait_for(pilot, lambda: rows.row_count == 400)


async def test_end_and_home_go_to_the_oldest_and_newest_of_a_paged_list(
    big: tuple[Path, list[tuple]],
) -> None:
    path, meetings = big
    app = ProtokollApp(engine=make_engine(str(path)))
    oldest = min(meetings, key=lambda m: (m[2], m[0]))[0]
    newest = max(meetings, key=lambda m: (m[2], m[0]))[0]
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        rows = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: rows.row_count == 200)
        rows.focus()
        await pilot.press("end")
        await wait_for(pilot, lambda: rows.meeting_id == oldest and screen.detail.id == oldest)
        assert rows.cursor_row == rows.row_count - 1
        await pilot.press("home")
        await wait_for(pilot, lambda: rows.meeting_id == newest and screen.detail.id == newest)
        assert rows.cursor_row == 0
