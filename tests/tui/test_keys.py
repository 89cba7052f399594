"""Keys: the help screen lists every binding, the palette holds every action, 1/2/3 switch views."""

from __future__ import annotations

import io

from pilot_helpers import WIDE, wait_for
from rich.console import Console
from sqlalchemy.engine import Engine
from textual.binding import Binding
from textual.widgets import Static

from tui.app import ProtokollApp
from tui.screens.help import HelpScreen, key_label, sections
from tui.screens.meetings import MeetingsScreen
from tui.screens.people import PeopleScreen
from tui.widgets.meeting_table import MeetingTable

REQUIRED = {"1", "2", "3", "/", "enter", "e", "ctrl+z", "ctrl+y", "r", "n", "i", "x", "?", "q"}


def test_help_covers_every_key_the_issue_asks_for() -> None:
    keys = set()
    for _title, bindings in sections():
        for binding in bindings:
            assert isinstance(binding, Binding) and binding.description, binding
            keys.update(key_label(binding.key).split(" / "))
    assert keys >= REQUIRED


async def test_question_mark_opens_help_and_q_closes_it(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-keys").query_one(Static).content)
        text = console.export_text()
        assert "Markera mötet som granskat" in text and "Mötet (översikt" in text
        assert "ctrl+z" in text and "Samordna" in text
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        assert app.is_running


async def test_number_keys_switch_views(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen))
        await pilot.press("escape", "3")
        await wait_for(pilot, lambda: app.current_mode == "reconcile")
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await wait_for(pilot, lambda: app.screen.query_one(MeetingTable).row_count == 5)


async def test_palette_holds_every_action(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await wait_for(pilot, lambda: app.screen.detail)
        titles = {command.title for command in app.get_system_commands(app.screen)}
    assert {
        "Möten",
        "Personer",
        "Samordna",
        "Importera protokoll",
        "Exportera CSV",
        "Ångra",
        "Gör om",
        "Hjälp: tangenter",
        "Filtrera möten",
        "Granskad eller inte",
        "Nästa som behöver åtgärd",
        "Ändra fält",
        "Lägg till rad",
        "Ta bort rad",
        "Visa källtexten",
    } <= titles
