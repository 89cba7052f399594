"""The meetings screen: the list on one side, the chosen meeting's detail on the other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Input, Static

from store.rows import PAGE_SIZE, Cursor, ListPage, MeetingDetail, MeetingPage, list_key
from tui.i18n import meeting_label, t
from tui.messages import DataChanged, ListEndWanted, MeetingHighlighted, MoreMeetingsWanted
from tui.screens.base import StoreScreen
from tui.screens.list_controls import ListControls
from tui.screens.meeting_edits import EditFlow, edits_module
from tui.screens.quick_start import QuickStart
from tui.widgets.meeting_detail import MeetingDetailView
from tui.widgets.meeting_table import MeetingTable
from tui.widgets.mode_bar import ModeBar

MAX_RELOAD = 2000
"""At most this many rows are reloaded in place after a change made elsewhere."""
NARROW = 110
"""Below this many columns the list sits above the detail instead of beside it."""
AnyPage = MeetingPage | ListPage
LIST_ONLY_KEYS = ("slash", "n", "f", "o")
"""Keys the footer lists only while the list has the focus (the detail needs the room)."""


class MeetingsScreen(QuickStart, EditFlow, ListControls, StoreScreen):
    """Meetings, newest first, filtered as you type; the detail of the one under the cursor.

    | Key | Action |
    | :- | :- |
    | / | Filter the meetings. |
    | r | Mark the meeting reviewed (or not). |
    | n | Next meeting needing attention. |
    | escape | Back to the list. |
    | [ / ] | Previous / next tab of the detail. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "key.filter", tooltip="tip.filter"),
        Binding("f", "facets", "key.facets", tooltip="tip.facets"),
        Binding("o", "sort_next", "key.sort", tooltip="tip.sort"),
        Binding("O", "sort_reverse", "key.sort_reverse", show=False, tooltip="tip.sort_reverse"),
        Binding("c", "clear_filter", "key.clear", show=False, tooltip="tip.clear"),
        Binding("r", "toggle_reviewed", "key.reviewed", tooltip="tip.reviewed"),
        Binding("h", "meeting_history", "key.history", show=False, tooltip="tip.history"),
        Binding("n", "next_attention", "key.next", tooltip="tip.next"),
        Binding("escape", "focus_list", "key.back_list", show=False, tooltip="tip.back_list"),
        Binding(
            "left_square_bracket", "tab(-1)", "key.prev_tab", show=False, tooltip="tip.prev_tab"
        ),
        Binding(
            "right_square_bracket", "tab(1)", "key.next_tab", show=False, tooltip="tip.next_tab"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.detail: MeetingDetail | None = None
        self.filter_text = ""
        self.init_list_controls()
        self.loading_more = False
        self.wanted: int | None = None
        """A meeting asked for from another view, until it is shown."""
        self.requested: int | None = None
        """The meeting whose detail was asked for last."""
        self.version: tuple[int, ...] = ()
        """`data_version` when the list was last loaded."""
        self.wanted_person: int | None = None
        """A person whose attendance row the cursor goes to when the wanted meeting shows."""

    def compose(self) -> ComposeResult:
        """Mode bar and filter, list and detail, footer."""
        yield ModeBar("meetings")
        yield Input(placeholder=t("meetings.filter.placeholder"), id="meeting-filter")
        yield Static(id="list-status")
        with Horizontal(id="meetings-main"):
            yield MeetingTable(id="meeting-list")
            yield MeetingDetailView(id="meeting-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Load the first page and start in the list."""
        self.query_one(MeetingTable).focus()

    def on_screen_resume(self) -> None:
        """Reload: another view (an import, an undo, a merge) may have changed the data.

        The first time, on an SQLite file, the first screen is read with plain
        SQL while the store (SQLAlchemy and all) is still to be imported.
        """
        if self.version or not self.start_quickly():
            self.check_version()

    @work(thread=True, exclusive=True, exit_on_error=False, group="version")
    def check_version(self) -> None:
        """Reload in place; from the newest meeting when meetings came or went meanwhile."""
        from store import queries

        version = queries.data_version(self.engine)
        self.deliver(self._version_checked, version)

    def _version_checked(self, version: tuple[int, ...]) -> None:
        meetings_moved = version[2:4] != self.version[2:4]
        self.version = version
        self.reload(from_top=meetings_moved)
        self.count_rows(self.current_filter())

    def on_resize(self) -> None:
        """Stack list and detail in a narrow terminal; the mode bar names ctrl+p there."""
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        self.query_one(Footer).show_command_palette = not narrow

    def reload(self, *, from_top: bool = False) -> None:
        """Reload the rows and the shown meeting (or the one asked for), keeping the place."""
        if self.wanted is not None:
            self.load_detail(self.wanted, then=self._jump_to)
            return
        table = self.query_one(MeetingTable)
        limit = min(max(table.row_count, PAGE_SIZE), MAX_RELOAD)
        keep = self.detail.id if self.detail else None
        at = None if from_top else table.first_cursor
        self.load_page(self.filter_text, at=at, keep=keep, limit=limit)
        if self.detail is not None:
            self.load_detail(self.detail.id)

    # --- list ----------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="page")
    def load_page(
        self,
        text: str,
        *,
        at: Cursor | None = None,
        keep: int | None = None,
        limit: int = PAGE_SIZE,
    ) -> None:
        """Load the first page of meetings matching `text` (starting `at` a meeting).

        A `keep` meeting that an edit moved above `at` (a date filled in) is
        started at instead, so it stays the one shown.
        """
        from store import meeting_list, queries

        version = queries.data_version(self.engine)
        if not self.keyset():
            page = meeting_list.sorted_page(
                self.engine, replace(self.facets, text=text), self.sort, limit=limit
            )
            self.deliver(self._show_page, page, keep, version)
            return
        page = queries.meeting_page(self.engine, text, at=at, limit=limit)
        if keep is not None and at is not None and all(row.id != keep for row in page.rows):
            # Read after the page: a save committing meanwhile (the dialog's
            # reload races it) is then seen here, never only in the page.
            kept = queries.meeting_row(self.engine, keep)
            if kept is not None and list_key(kept.cursor) < list_key(at):
                page = queries.meeting_page(self.engine, text, at=kept.cursor, limit=limit)
        self.deliver(self._show_page, page, keep, version)

    def _show_page(self, page: AnyPage, keep: int | None, version: tuple[int, ...]) -> None:
        self.version = version
        table = self.query_one(MeetingTable)
        table.show_page(page)
        self.loading_more = False
        self.app.call_after_refresh(self.app.load_store)  # type: ignore[attr-defined]
        if keep is not None and table.select_meeting(keep):
            return
        if page.rows and (self.detail is None or keep is None):
            table.move_cursor(row=0)
            self.load_detail(page.rows[0].id)

    @on(ListEndWanted)
    def _end_wanted(self, message: ListEndWanted) -> None:
        if message.first:
            self.load_page(self.filter_text)
        else:
            self.load_last_page(self.filter_text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="page")
    def load_last_page(self, text: str) -> None:
        """The list's last page (its oldest meetings), for End in a list not all loaded."""
        from store import meeting_list, queries

        version = queries.data_version(self.engine)
        wanted = replace(self.facets, text=text)
        total = meeting_list.count(self.engine, wanted)
        start = max(0, total - PAGE_SIZE)
        page = meeting_list.sorted_page(self.engine, wanted, self.sort, offset=start)
        self.deliver(self._show_last_page, page, version)

    def _show_last_page(self, page: AnyPage, version: tuple[int, ...]) -> None:
        self.version = version
        table = self.query_one(MeetingTable)
        table.show_page(page)
        self.loading_more = False
        if page.rows:
            table.move_cursor(row=table.row_count - 1)
            self.load_detail(page.rows[-1].id)

    @on(MoreMeetingsWanted)
    def _more_wanted(self) -> None:
        table = self.query_one(MeetingTable)
        if self.loading_more:
            return
        if table.next_cursor is not None or table.next_offset is not None:
            self.loading_more = True
            self.load_more(self.filter_text, table.next_cursor, table.next_offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="more")
    def load_more(self, text: str, after: Cursor | None, offset: int | None = None) -> None:
        """Load the page after `after` (by key), or from `offset` (sorted or faceted)."""
        from store import meeting_list, queries

        if offset is not None:
            wanted = replace(self.facets, text=text)
            page: AnyPage = meeting_list.sorted_page(self.engine, wanted, self.sort, offset=offset)
        else:
            page = queries.meeting_page(self.engine, text, after=after)
        self.deliver(self._append_page, page, text)

    def _append_page(self, page: AnyPage, text: str) -> None:
        self.loading_more = False
        if text == self.filter_text:
            self.query_one(MeetingTable).show_page(page, append=True)

    @on(Input.Changed, "#meeting-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if event.value != self.filter_text:
            self.filter_text = event.value
            self.list_changed()

    @on(Input.Submitted, "#meeting-filter")
    def _filter_done(self) -> None:
        self.action_focus_list()

    # --- detail --------------------------------------------------------------

    @on(MeetingHighlighted)
    def _highlighted(self, message: MeetingHighlighted) -> None:
        # Compare with the last request, not the shown meeting: a stale highlight
        # (from rows being refilled) may be followed by the one that counts.
        if message.meeting_id != self.requested:
            self.load_detail(message.meeting_id)

    def load_detail(
        self, meeting_id: int, then: Callable[[MeetingDetail], None] | None = None
    ) -> None:
        """Load one meeting's detail and show it (the newest request wins)."""
        self.requested = meeting_id
        self.fetch_detail(meeting_id, then)

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def fetch_detail(
        self, meeting_id: int, then: Callable[[MeetingDetail], None] | None = None
    ) -> None:
        """Read one meeting's detail in a thread and hand it to the UI."""
        detail = self.quick_detail(meeting_id)
        if detail is None:
            from store import queries

            detail = queries.meeting_detail(self.engine, meeting_id)
        if detail is not None:
            self.deliver(self.show_detail, detail, then)

    def show_detail(
        self, detail: MeetingDetail, then: Callable[[MeetingDetail], None] | None = None
    ) -> None:
        """Show a meeting (from a worker)."""
        self.detail = detail
        self.query_one(MeetingDetailView).show(detail)
        if then is not None:
            then(detail)

    @on(DataTable.RowSelected, "#meeting-list")
    def action_focus_detail(self) -> None:
        """Move into the detail of the meeting under the cursor."""
        self.query_one(MeetingDetailView).focus_active()

    def action_tab(self, step: int) -> None:
        """Show the previous or next tab of the detail."""
        self.query_one(MeetingDetailView).action_tab(step)

    def on_descendant_focus(self) -> None:
        """Give the detail more room while it has the focus."""
        detail = self.query_one(MeetingDetailView)
        self.set_class(detail.has_focus_within, "-detail-focus")
        self._show_list_keys(not detail.has_focus_within)

    def _show_list_keys(self, shown: bool) -> None:
        """Keep the footer to one line in the detail: `/` and `n` still work, unlisted."""
        changed = False
        for key in LIST_ONLY_KEYS:
            bindings = self._bindings.key_to_bindings.get(key, [])
            if bindings and bindings[0].show != shown:
                self._bindings.key_to_bindings[key] = [replace(b, show=shown) for b in bindings]
                changed = True
        if changed:
            self.refresh_bindings()

    async def action_meeting_history(self) -> None:
        """The history of the shown meeting."""
        if self.detail is not None:
            await self.app.show_history(self.detail.id)  # type: ignore[attr-defined]

    def action_focus_list(self) -> None:
        """Back to the meetings list."""
        self.query_one(MeetingTable).focus()

    def action_focus_filter(self) -> None:
        """Type to filter the meetings."""
        self.query_one("#meeting-filter", Input).focus()

    @on(DataChanged)
    def _data_changed(self, message: DataChanged) -> None:
        self.reload(from_top=message.from_top)

    # --- review --------------------------------------------------------------

    def action_toggle_reviewed(self) -> None:
        """Mark the shown meeting reviewed, or not reviewed again."""
        if self.detail is not None:
            detail = self.detail
            done = t(
                "saved.unreviewed" if detail.reviewed else "saved.reviewed",
                meeting=meeting_label(detail.date, detail.body),
            )
            reviewed = not detail.reviewed
            self.save(lambda engine: edits_module().set_reviewed(engine, detail.id, reviewed), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="attention")
    def action_next_attention(self) -> None:
        """Jump to the next meeting that is not reviewed or has an open warning."""
        from store import queries

        after = self.detail.cursor if self.detail else None
        found = queries.next_needing_attention(self.engine, after)
        detail = queries.meeting_detail(self.engine, found) if found is not None else None
        self.deliver(self._jump_to, detail)

    def _jump_to(self, detail: MeetingDetail | None) -> None:
        self.wanted = None
        if detail is None:
            self.notify(t("attention.none"))
            return
        self.show_detail(detail)
        if not self.query_one(MeetingTable).select_meeting(detail.id):
            # Not in the list as it is narrowed: show it in the whole list, newest first.
            self.filter_text = ""
            self.init_list_controls()
            self.query_one("#meeting-filter", Input).value = ""
            self.query_one(MeetingTable).show_sort(self.sort.column, self.sort.descending)
            self.load_page("", at=detail.cursor, keep=detail.id)
            self.count_rows(self.current_filter())
        view = self.query_one(MeetingDetailView)
        person, self.wanted_person = self.wanted_person, None
        if person is not None:
            view.show_person(person)
        elif any(not w.resolved for w in detail.warnings):
            view.show_tab("warnings")

    def open_meeting(self, meeting_id: int, person_id: int | None = None) -> None:
        """Show one meeting's attendance, wherever it is in the list (used from People).

        With `person_id`, the cursor goes to that person's row.
        """
        self.wanted = meeting_id
        self.wanted_person = person_id
        self.query_one(MeetingDetailView).show_tab("attendance")
        self.load_detail(meeting_id, then=self._jump_to)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """This screen's actions for the command palette."""
        return [
            (t("palette.filter"), t("tip.filter"), self.action_focus_filter),
            (t("palette.reviewed"), t("tip.reviewed"), self.action_toggle_reviewed),
            (t("palette.next"), t("tip.next"), self.action_next_attention),
            (t("palette.edit"), t("tip.edit"), self.edit_current),
            (t("palette.add"), t("tip.add"), self.add_current),
            (t("palette.delete"), t("tip.delete"), self.delete_current),
            (t("palette.source"), t("tip.source"), self.source_current),
        ]
