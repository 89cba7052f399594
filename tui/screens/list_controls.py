"""Sorting and facets of the meetings list: mixed into the meetings screen.

Handlers are named `on_...` (not `@on`): Textual collects `@on` handlers only
from classes built by its metaclass, and this mixin is not one.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import work
from textual.widgets import DataTable, Input, Static

from store.rows import FLAGS, SORTS, Facets, ListFilter, ListSort
from tui.i18n import plural, t
from tui.screens.facets import FacetScreen
from tui.widgets.meeting_table import MeetingTable

FIRST_DESCENDING = {"date", "attendees", "warnings", "reviewed"}
"""Columns whose first sort is biggest (newest, most) first; the council sorts A to Ö."""


class ListControls:
    """Sort by any column (key `o`, `O`, or a click on its heading), facets (`f`), clear (`c`)."""

    filter_text: str
    facets: ListFilter
    sort: ListSort
    shown_total: int | None
    council_names: dict[int, str]
    """Council names by id, from the last facet counts (the status line names the chosen)."""

    def init_list_controls(self) -> None:
        """The default: newest first, no facet."""
        self.facets, self.sort, self.shown_total, self.council_names = (
            ListFilter(),
            ListSort(),
            None,
            {},
        )

    def current_filter(self) -> ListFilter:
        """The text typed and the facets chosen, together."""
        return replace(self.facets, text=self.filter_text)

    def keyset(self) -> bool:
        """Whether the list runs in its default order, unfaceted (paged by key, not offset)."""
        return self.sort.is_default() and not self.facets.facets_set()

    def list_changed(self) -> None:
        """The filter or the order changed: load the list from its top and count it."""
        self.load_page(self.filter_text)  # type: ignore[attr-defined]
        self.query_one(MeetingTable).show_sort(self.sort.column, self.sort.descending)  # type: ignore[attr-defined]
        self.count_rows(self.current_filter())

    def sort_by(self, column: str) -> None:
        """Sort by `column`; again by the same one, the other way."""
        if column == self.sort.column:
            self.sort = ListSort(column, not self.sort.descending)
        else:
            self.sort = ListSort(column, column in FIRST_DESCENDING)
        self.list_changed()

    def action_sort_next(self) -> None:
        """Sort by the next column."""
        following = SORTS[(SORTS.index(self.sort.column) + 1) % len(SORTS)]
        self.sort = ListSort(following, following in FIRST_DESCENDING)
        self.list_changed()

    def action_sort_reverse(self) -> None:
        """The same column, the other way."""
        self.sort_by(self.sort.column)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a heading of the list sorts by it."""
        if isinstance(event.data_table, MeetingTable) and event.column_key.value in SORTS:
            event.stop()
            self.sort_by(event.column_key.value)

    def action_clear_filter(self) -> None:
        """Let go of the typed filter and every facet (the order stays)."""
        self.facets = ListFilter()
        self.filter_text = ""
        self.query_one("#meeting-filter", Input).value = ""  # type: ignore[attr-defined]
        self.list_changed()

    def action_facets(self) -> None:
        """Show the facets with their counts under the current filter."""
        self.load_facets(self.current_filter())

    @work(thread=True, exclusive=True, exit_on_error=False, group="facets")
    def load_facets(self, wanted: ListFilter) -> None:
        """Count every facet value in a thread, then show the dialog."""
        from store import meeting_list

        facets = meeting_list.facet_counts(self.engine, wanted)  # type: ignore[attr-defined]
        self.deliver(self._facets_ready, facets, wanted)  # type: ignore[attr-defined]

    def _facets_ready(self, facets: Facets, wanted: ListFilter) -> None:
        self.council_names = {body_id: name for body_id, name, _ in facets.councils}
        self.app.push_screen(FacetScreen(facets, wanted), self._facet_chosen)  # type: ignore[attr-defined]

    def _facet_chosen(self, chosen: ListFilter | None) -> None:
        if chosen is not None:
            self.facets = replace(chosen, text="")
            self.list_changed()

    @work(thread=True, exclusive=True, exit_on_error=False, group="count")
    def count_rows(self, wanted: ListFilter) -> None:
        """Count the meetings the filter holds, for the status line."""
        from store import meeting_list

        total = meeting_list.count(self.engine, wanted)  # type: ignore[attr-defined]
        self.deliver(self.show_status, total)  # type: ignore[attr-defined]

    def show_status(self, total: int | None = None) -> None:
        """`12 möten · sorterat på datum ▼ · organ X · år 2022  (c rensar)`."""
        self.shown_total = total if total is not None else self.shown_total
        parts = [plural(self.shown_total or 0, "status.meetings.one", "status.meetings")]
        if not self.sort.is_default():
            arrow = "▼" if self.sort.descending else "▲"
            column = t(f"list.{self.sort.column}").lower()
            parts.append(t("status.sorted", column=column, arrow=arrow))
        parts += self.facet_words()
        if self.filter_text.strip():
            parts.append(t("status.text", text=self.filter_text.strip()))
        if self.facets.facets_set() or self.filter_text.strip():
            parts.append(t("status.clear"))
        status = self.query_one("#list-status", Static)  # type: ignore[attr-defined]
        status.update(Text("  ·  ".join(parts), style="dim"))

    def facet_words(self) -> list[str]:
        """Each chosen facet in words (the council by its name, as the list shows it)."""
        words = []
        if self.facets.council is not None:
            words.append(t("status.council", name=self.council_names.get(self.facets.council, "")))
        if self.facets.year is not None:
            words.append(t("facet.year", year=self.facets.year))
        for name in FLAGS:
            value = getattr(self.facets, name)
            if value is not None:
                words.append(t(f"facet.{name}.{'yes' if value else 'no'}"))
        return words
