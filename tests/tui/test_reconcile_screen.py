"""The reconcile view, driven with Pilot on a copy of the seeds.

Most tests host the screen alone (the whole app takes seconds to settle its
other views); the tests of key `3` and of undo run the real `ProtokollApp`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.text import Text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from store.db import make_engine
from store.merging import find
from store.models import Attendance, Body, DistinctPair, Meeting, Person, PersonAlias
from store.names import alias_key
from tui.app import ProtokollApp
from tui.screens.reconcile import ReconcileScreen

SEEDS = Path(__file__).parents[2] / "samples" / "protocols"


@pytest.fixture
def engine(seeded_engine: Engine) -> Engine:
    """A fresh copy of the seeds database (tests/conftest.py), for tests that change it."""
    return seeded_engine


class Host(App):
    """Just the reconcile screen, on an engine, with the app's styles."""

    CSS_PATH = str(Path(__file__).parents[2] / "tui" / "app.tcss")

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    def on_mount(self) -> None:
        self.push_screen(ReconcileScreen())


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and its results reach the screen (twice: a write reloads)."""
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_reconcile(pilot: Pilot) -> ReconcileScreen:
    if isinstance(pilot.app, ProtokollApp):
        await pilot.press("3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReconcileScreen)
    return screen


def groups_of(screen: ReconcileScreen) -> list[str]:
    table = screen.query_one("#reconcile-groups", DataTable)
    return [str(table.get_row_at(n)[2]) for n in range(table.row_count)]


def members_of(screen: ReconcileScreen) -> list[list[str]]:
    table = screen.query_one("#reconcile-members", DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_groups_best_first_with_spellings_side_by_side(engine: Engine) -> None:
    async with Host(engine).run_test(size=(160, 50)) as pilot:
        screen = await open_reconcile(pilot)
        groups = groups_of(screen)
        assert len(groups) == 9
        assert groups[0] == "Anna Nordqvist" and groups[-1] == "Eva Sund"
        ticked, kept, spelling, meetings, party, org, years = members_of(screen)[0]
        assert (ticked, kept, spelling) == ("✓", "★ Anna Nordqvist", "Anna Nordqvist (2)")
        assert (meetings, party, org, years) == ("2", "M", "Degerfors kommun", "2020–2021")
        assert members_of(screen)[1][2] == "Anna Nordkvist (1)"
        reasons = str(screen.query_one("#reconcile-reasons", Static).render())
        assert "samma parti M, samma organisation Degerfors kommun, qv/kv" in reasons


async def test_merge_takes_the_group_off_at_once_and_merges(engine: Engine) -> None:
    async with ProtokollApp(engine).run_test(size=(160, 50)) as pilot:
        screen = await open_reconcile(pilot)
        await pilot.press("m", "y")
        assert groups_of(screen)[0] == "Irén Lejegren"  # before the worker has finished
        await settle(pilot)
        assert find(engine, "Anna Nordkvist") == find(engine, "Anna Nordqvist")
        assert len(groups_of(screen)) == 8


async def test_choose_the_canonical_spelling_then_merge(engine: Engine) -> None:
    async with Host(engine).run_test(size=(160, 50)) as pilot:
        screen = await open_reconcile(pilot)
        await pilot.press("down")  # Irén Lejegren / Irén Lejgren
        await pilot.press("tab", "down", "c")
        assert members_of(screen)[1][1] == "★ Irén Lejgren"
        await pilot.press("m", "y")
        await settle(pilot)
        with Session(engine) as session:
            person = session.get(Person, find(engine, "Irén Lejegren"))
        assert person is not None and person.name == "Irén Lejgren"


async def test_untick_skip_and_different(engine: Engine) -> None:
    async with ProtokollApp(engine).run_test(size=(160, 50)) as pilot:
        screen = await open_reconcile(pilot)
        await pilot.press("tab", "space")  # untick Anna Nordqvist
        assert [row[0] for row in members_of(screen)] == ["·", "✓"]
        await pilot.press("m")  # one ticked spelling is nothing to merge
        assert len(groups_of(screen)) == 9
        await pilot.press("s")
        assert groups_of(screen)[0] == "Irén Lejegren"
        groups = screen.query_one("#reconcile-groups", DataTable)
        groups.focus()
        groups.move_cursor(row=groups.row_count - 1)  # Eva Sund / Ewa Sundkvist
        await pilot.pause()
        await pilot.press("d", "y")
        await settle(pilot)
        with Session(engine) as session:
            assert len(session.exec(select(DistinctPair)).all()) == 1
        assert "Eva Sund" not in groups_of(screen)
        assert "Anna Nordqvist" not in groups_of(screen)  # skipped stays skipped
        await pilot.press("ctrl+z")  # undo "different": the pair is suggested again
        await settle(pilot)
        assert "Eva Sund" in groups_of(screen)


async def test_names_are_shown_as_text_never_markup(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "markup.db"))
    with Session(engine) as session:
        body = Body(name="[b]Rådet[/x]")
        session.add(body)
        session.flush()
        for day, name in ((1, "[/x] Eva Sund"), (2, "[/x] Ewa Sund")):
            meeting, person = Meeting(body_id=body.id, date=date(2020, 1, day)), Person(name=name)
            session.add_all([meeting, person])
            session.flush()
            session.add(PersonAlias(person_id=person.id, spelling=name, key=alias_key(name)))
            session.add(
                Attendance(meeting_id=meeting.id, person_id=person.id, name_as_written=name)
            )
        session.commit()
    async with Host(engine).run_test(size=(160, 50)) as pilot:
        screen = await open_reconcile(pilot)
        assert groups_of(screen) == ["[/x] Eva Sund"]
        cell = screen.query_one("#reconcile-members", DataTable).get_row_at(0)[2]
        assert isinstance(cell, Text) and cell.plain == "[/x] Eva Sund (1)"


async def test_organisations_on_o(engine: Engine) -> None:
    async with Host(engine).run_test(size=(160, 50)) as pilot:
        screen = await open_reconcile(pilot)
        await pilot.press("o")
        await settle(pilot)
        status = str(screen.query_one("#reconcile-status", Static).render())
        assert status.startswith("0 föreslagna grupper av organisationer")
