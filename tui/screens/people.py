"""The people screen: search as you type, then a person's meetings."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from store import queries
from store.ranking import search_people
from store.rows import PersonDetail
from store.search import PeopleIndex, PersonHit
from tui.i18n import plural, t
from tui.messages import DataChanged, MeetingChosen, PersonChosen
from tui.screens.base import StoreScreen
from tui.terminal_text import safe_text
from tui.widgets.mode_bar import ModeBar
from tui.widgets.name_input import NameInput
from tui.widgets.people_tables import PeopleTable, PersonMeetingsTable
from tui.widgets.person_summary import person_summary

RESULTS = 50


class PeopleScreen(StoreScreen):
    """Find a person by any spelling, typos and all, and see where they took part.

    | Key | Action |
    | :- | :- |
    | / | Search. |
    | escape | From the search field or a person's meetings to the results. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "key.search", tooltip="tip.search"),
        Binding("escape", "back", "key.back_results", show=False, tooltip="tip.back_results"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index: PeopleIndex | None = None
        self.index_version: tuple[int, ...] = ()
        self.query_text = ""

    def compose(self) -> ComposeResult:
        """Mode bar, search field, results, the chosen person's meetings, footer."""
        yield ModeBar("people")
        yield NameInput(placeholder=t("people.placeholder"), id="people-search")
        with Vertical(id="people-main"):
            yield Static(Text(t("people.loading"), style="dim"), id="people-status")
            yield PeopleTable(id="people-results")
            yield Static(Text(""), id="person-title")
            yield Static(Text(""), id="person-summary")
            yield PersonMeetingsTable(id="person-meetings")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Start in the search field."""
        self.query_one("#people-search", Input).focus()

    def on_screen_resume(self) -> None:
        """(Re)build the index: imports and merges change who is who."""
        self.build_index()

    def on_data_changed(self, message: DataChanged) -> None:
        """An undo or redo may have merged or split people: rebuild if anything moved."""
        self.build_index()

    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def build_index(self) -> None:
        """Take the app's people index (built now if the data moved), unless it is the one shown."""
        index, version = self.app.people_index.get()  # type: ignore[attr-defined]
        if index is self.index:
            return
        self.deliver(self._index_ready, index, version)

    def _index_ready(self, index: PeopleIndex, version: tuple[int, ...]) -> None:
        self.index = index
        self.index_version = version
        self._status(plural(len(index), "people.count.one", "people.count"))
        self.search(self.query_text)

    @on(Input.Changed, "#people-search")
    def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._clear_person()
        if self.index is not None:
            self.search(event.value)

    @on(Input.Submitted, "#people-search")
    def _submitted(self) -> None:
        self.query_one(PeopleTable).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def search(self, text: str) -> None:
        """Search the index for one keystroke's worth of text."""
        assert self.index is not None
        hits = search_people(self.index, text, limit=RESULTS)
        self.deliver(self._show_hits, text, hits)

    def _show_hits(self, text: str, hits: list[PersonHit]) -> None:
        if text != self.query_text:
            return
        self.query_one(PeopleTable).show_hits(hits)
        found = (
            plural(len(hits), "people.found.one", "people.found")
            if text.strip()
            else plural(len(self.index or ()), "people.count.one", "people.count")
        )
        self._status(found + (t("people.enter_hint") if hits else ""))

    def _clear_person(self) -> None:
        """A new search: the person shown below belongs to the old one."""
        self.query_one("#person-title", Static).update(Text(""))
        self.query_one("#person-summary", Static).update(Text(""))
        self.query_one(PersonMeetingsTable).clear()

    def _status(self, text: str) -> None:
        self.query_one("#people-status", Static).update(Text(text, style="dim"))

    @on(PersonChosen)
    def _person_chosen(self, message: PersonChosen) -> None:
        self.load_person(message.person_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="person")
    def load_person(self, person_id: int) -> None:
        """Load the meetings one person took part in."""
        person = queries.person_detail(self.engine, person_id)
        if person is not None:
            self.deliver(self._show_person, person)

    def _show_person(self, person: PersonDetail) -> None:
        count = len({m.meeting_id for m in person.meetings})
        title = safe_text(plural(count, "person.title.one", "person.title", name=person.name))
        title.stylize("bold")
        self.query_one("#person-title", Static).update(title)
        self.query_one("#person-summary", Static).update(person_summary(person))
        table = self.query_one(PersonMeetingsTable)
        table.show_person(person)
        table.focus()

    @on(MeetingChosen)
    async def _meeting_chosen(self, message: MeetingChosen) -> None:
        await self.app.open_meeting(message.meeting_id, message.person_id)  # type: ignore[attr-defined]

    def action_focus_search(self) -> None:
        """Type to search."""
        self.query_one("#people-search", Input).focus()

    def action_back(self) -> None:
        """Leave the search field or a person's meetings for the results; from there, search."""
        results = self.query_one(PeopleTable)
        target = self.query_one("#people-search") if results.has_focus else results
        target.focus()

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """This screen's actions for the command palette."""
        return [(t("palette.search"), t("tip.search"), self.action_focus_search)]
