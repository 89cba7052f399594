"""The meetings screen: the list on one side, the chosen meeting's detail on the other."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Input

from store import edits, queries
from store.queries import Cursor, MeetingDetail, MeetingPage
from tui.messages import DataChanged, MeetingHighlighted, MoreMeetingsWanted
from tui.screens.base import StoreScreen
from tui.screens.meeting_edits import EditFlow
from tui.widgets.meeting_detail import MeetingDetailView
from tui.widgets.meeting_table import MeetingTable
from tui.widgets.mode_bar import ModeBar

MAX_RELOAD = 2000
"""At most this many rows are reloaded in place after a change made elsewhere."""
NARROW = 110
"""Below this many columns the list sits above the detail instead of beside it."""


class MeetingsScreen(EditFlow, StoreScreen):
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
        Binding("slash", "focus_filter", "Filter", tooltip="Filter by body, date, place or title"),
        Binding("r", "toggle_reviewed", "Reviewed", tooltip="Mark the meeting reviewed, or not"),
        Binding(
            "n",
            "next_attention",
            "Next",
            tooltip="Next meeting not reviewed, with an open warning, or without date or council",
        ),
        Binding("escape", "focus_list", "Back to the list", show=False),
        Binding("left_square_bracket", "tab(-1)", "Previous tab", show=False),
        Binding("right_square_bracket", "tab(1)", "Next tab", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.detail: MeetingDetail | None = None
        self.filter_text = ""
        self.loading_more = False
        self.wanted: int | None = None
        """A meeting asked for from another view, until it is shown."""
        self.requested: int | None = None
        """The meeting whose detail was asked for last."""

    def compose(self) -> ComposeResult:
        """Mode bar and filter, list and detail, footer."""
        yield ModeBar("meetings")
        yield Input(
            placeholder="/ filter: body, date (2020-02), place or agenda title", id="meeting-filter"
        )
        with Horizontal(id="meetings-main"):
            yield MeetingTable(id="meeting-list")
            yield MeetingDetailView(id="meeting-detail")
        yield Footer()

    def on_mount(self) -> None:
        """Load the first page and start in the list."""
        self.query_one(MeetingTable).focus()

    def on_screen_resume(self) -> None:
        """Reload: another screen (people, reconcile, undo) may have changed the data."""
        self.reload()

    def on_resize(self) -> None:
        """Stack list and detail in a narrow terminal."""
        self.set_class(self.size.width < NARROW, "-narrow")

    def reload(self, *, from_top: bool = False) -> None:
        """Reload the rows and the shown meeting (or the one asked for), keeping the place."""
        if self.wanted is not None:
            self.load_detail(self.wanted, then=self._jump_to)
            return
        table = self.query_one(MeetingTable)
        limit = min(max(table.row_count, queries.PAGE_SIZE), MAX_RELOAD)
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
        limit: int = queries.PAGE_SIZE,
    ) -> None:
        """Load the first page of meetings matching `text` (starting `at` a meeting).

        A `keep` meeting that an edit moved above `at` (a date filled in) is
        started at instead, so it stays the one shown.
        """
        page = queries.meeting_page(self.engine, text, at=at, limit=limit)
        if keep is not None and at is not None and all(row.id != keep for row in page.rows):
            # Read after the page: a save committing meanwhile (the dialog's
            # reload races it) is then seen here, never only in the page.
            kept = queries.meeting_row(self.engine, keep)
            if kept is not None and queries.list_key(kept.cursor) < queries.list_key(at):
                page = queries.meeting_page(self.engine, text, at=kept.cursor, limit=limit)
        self.deliver(self._show_page, page, keep)

    def _show_page(self, page: MeetingPage, keep: int | None) -> None:
        table = self.query_one(MeetingTable)
        table.show_page(page)
        self.loading_more = False
        if keep is not None and table.select_meeting(keep):
            return
        if page.rows and (self.detail is None or keep is None):
            table.move_cursor(row=0)
            self.load_detail(page.rows[0].id)

    @on(MoreMeetingsWanted)
    def _more_wanted(self) -> None:
        table = self.query_one(MeetingTable)
        if not self.loading_more and table.next_cursor is not None:
            self.loading_more = True
            self.load_more(self.filter_text, table.next_cursor)

    @work(thread=True, exclusive=True, exit_on_error=False, group="more")
    def load_more(self, text: str, after: Cursor) -> None:
        """Load the page after `after`."""
        page = queries.meeting_page(self.engine, text, after=after)
        self.deliver(self._append_page, page, text)

    def _append_page(self, page: MeetingPage, text: str) -> None:
        self.loading_more = False
        if text == self.filter_text:
            self.query_one(MeetingTable).show_page(page, append=True)

    @on(Input.Changed, "#meeting-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if event.value != self.filter_text:
            self.filter_text = event.value
            self.load_page(event.value)

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
            verb = "not reviewed" if detail.reviewed else "reviewed"
            self.save(
                lambda engine: edits.set_reviewed(engine, detail.id, not detail.reviewed),
                f"Marked {verb}",
            )

    @work(thread=True, exclusive=True, exit_on_error=False, group="attention")
    def action_next_attention(self) -> None:
        """Jump to the next meeting that is not reviewed or has an open warning."""
        after = self.detail.cursor if self.detail else None
        found = queries.next_needing_attention(self.engine, after)
        detail = queries.meeting_detail(self.engine, found) if found is not None else None
        self.deliver(self._jump_to, detail)

    def _jump_to(self, detail: MeetingDetail | None) -> None:
        self.wanted = None
        if detail is None:
            self.notify("Every meeting is reviewed and has no open warning.")
            return
        self.show_detail(detail)
        if not self.query_one(MeetingTable).select_meeting(detail.id):
            self.filter_text = ""
            self.query_one("#meeting-filter", Input).value = ""
            self.load_page("", at=detail.cursor, keep=detail.id)
        view = self.query_one(MeetingDetailView)
        if any(not w.resolved for w in detail.warnings):
            view.show_tab("warnings")

    def open_meeting(self, meeting_id: int) -> None:
        """Show one meeting's attendance, wherever it is in the list (used from People)."""
        self.wanted = meeting_id
        self.query_one(MeetingDetailView).show_tab("attendance")
        self.load_detail(meeting_id, then=self._jump_to)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """This screen's actions for the command palette."""
        return [
            (
                "Filter meetings",
                "Type to filter by body, date, place or agenda title",
                self.action_focus_filter,
            ),
            (
                "Toggle reviewed",
                "Mark the shown meeting reviewed or not (r)",
                self.action_toggle_reviewed,
            ),
            (
                "Next needing attention",
                "Jump to the next unreviewed meeting or open warning (n)",
                self.action_next_attention,
            ),
            ("Edit field", "Edit the field under the cursor (e)", self.edit_current),
            ("Add row", "Add a row to the shown table (a)", self.add_current),
            ("Delete row", "Delete the row under the cursor (d)", self.delete_current),
            (
                "Show source",
                "Show the source lines of the row under the cursor (s)",
                self.source_current,
            ),
        ]
