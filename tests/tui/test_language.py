"""Swedish by default, English on request: a walk through every screen, reading what is shown."""

from __future__ import annotations

import re

import pytest
from pilot_helpers import WIDE, screen_text, wait_for
from sqlalchemy.engine import Engine
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from tui import texts_en, texts_sv
from tui.app import ProtokollApp
from tui.i18n import choose_language
from tui.screens.form import ConfirmScreen, FormScreen
from tui.screens.help import HelpScreen
from tui.screens.meetings import MeetingsScreen
from tui.screens.people import PeopleScreen
from tui.screens.transfer import ExportScreen, ImportScreen
from tui.widgets.people_tables import PeopleTable, PersonMeetingsTable
from tui.widgets.record_table import RecordTable

ENGLISH = (
    "Meetings",
    "People",
    "Reconcile",
    "Overview",
    "Attendance",
    "Agenda",
    "Source",
    "Warnings",
    "Filter",
    "Reviewed",
    "reviewed",
    "Present",
    "Yes",
    "No (n)",
    "Open",
    "Undo",
    "Import",
    "Export",
    "Help",
    "Quit",
    "Body",
    "Date",
    "Field",
    "Value",
    "Location",
    "Start",
    "End",
    "Search",
    "Name",
    "Party",
    "Role",
    "Save",
    "Cancel",
    "Close",
    "Delete",
    "Edit",
    "Add",
    "palette",
    "commands",
    "found",
    "meetings",
    "Keep",
    "Score",
    "Merge",
    "Different",
    "Skip",
    "Title",
    "Decisions",
    "Attachments",
    "Line",
    "Warning",
    "Resolved",
    "Type",
    "Loading",
    "Next",
    "Tick",
    "member",
    "substitute",
    "chair",
    "secretary",
    "adjuster",
    "yes",
    "Folder",
    "Replace",
    "Files",
    "Everywhere",
    "Keys",
    "Spelling",
    "Years",
    "Also",
    "people",
    "suggested",
)
"""English words of the interface; none may show in the Swedish app."""
SWEDISH = ["Möten", "Personer", "Samordna", "Översikt", "Närvaro", "Ärenden", "Hjälp", "Avsluta"]


def english_words(text: str) -> set[str]:
    """The interface's English words in `text`, as whole words."""
    return {word for word in ENGLISH if re.search(rf"(?<!\w){word}(?!\w)", text)}


async def _walk(pilot: Pilot) -> list[tuple[str, str]]:
    """Every screen and dialog of the app, each as (where, what it shows)."""
    app = pilot.app
    seen: list[tuple[str, str]] = []

    async def look(where: str) -> None:
        await pilot.pause()
        seen.append((where, screen_text(app)))

    screen = app.screen
    await wait_for(pilot, lambda: isinstance(screen, MeetingsScreen) and screen.detail)
    await look("meetings")
    await pilot.press("enter")
    tabs = screen.query_one(TabbedContent)
    for tab in ("attendance", "agenda", "warnings"):  # not the source: it is the document
        screen.query_one("#meeting-detail").show_tab(tab)
        await wait_for(pilot, lambda tab=tab: tabs.active == tab)
        await look(f"meeting {tab}")
    screen.query_one("#meeting-detail").show_tab("attendance")
    await wait_for(pilot, lambda: isinstance(app.focused, RecordTable))
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
    await look("add attendee")
    await pilot.press("escape", "d")
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    await look("confirm delete")
    await pilot.press("n", "i")
    await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
    await look("import")
    await pilot.press("escape", "x")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
    await look("export")
    await pilot.press("escape", "question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
    await look("help")
    await pilot.press("escape", "2")
    await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
    people = app.screen
    await wait_for(pilot, lambda: people.query_one(PeopleTable).row_count)
    await look("people before typing")
    await pilot.press(*"lejegren", "enter", "enter")
    await wait_for(pilot, lambda: people.query_one(PersonMeetingsTable).row_count)
    await look("a person")
    await pilot.press("escape", "escape", "3")
    await wait_for(pilot, lambda: app.current_mode == "reconcile" and app.screen.groups)
    await look("reconcile")
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    await look("command palette")
    return seen


async def test_every_screen_is_swedish_by_default(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        seen = await _walk(pilot)
    assert len(seen) == 13
    for where, text in seen:
        found = english_words(text)
        assert not found, (
            where,
            found,
            [line for line in text.splitlines() if any(w in line for w in found)],
        )
    everything = "\n".join(text for _, text in seen)
    assert all(word in everything for word in SWEDISH)


async def test_english_on_request(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy, lang="en")
    async with app.run_test(size=WIDE) as pilot:
        seen = await _walk(pilot)
    everything = "\n".join(text for _, text in seen)
    assert {"Meetings", "People", "Overview", "Attendance", "Quit", "member"} <= english_words(
        everything
    )
    assert "Avsluta" not in everything


def test_the_catalogues_have_the_same_keys_and_placeholders() -> None:
    assert set(texts_sv.TEXTS) == set(texts_en.TEXTS)
    for key, swedish in texts_sv.TEXTS.items():
        fields = set(re.findall(r"{(\w+)", swedish))
        assert fields == set(re.findall(r"{(\w+)", texts_en.TEXTS[key])), key


@pytest.mark.parametrize(
    ("option", "env", "chosen"),
    [
        (None, {}, "sv"),
        (None, {"LANG": "sv_SE.UTF-8"}, "sv"),
        (None, {"LANG": "C.UTF-8"}, "sv"),
        (None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, {"PROTOKOLL_LANG": "en", "LANG": "sv_SE.UTF-8"}, "en"),
        ("sv", {"PROTOKOLL_LANG": "en"}, "sv"),
        ("EN", {}, "en"),
    ],
)
def test_language_from_option_environment_or_locale(
    option: str | None, env: dict[str, str], chosen: str
) -> None:
    assert choose_language(option, env) == chosen
