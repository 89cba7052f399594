"""The meetings list: one row per meeting, newest first, loaded a page at a time."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from store.rows import Cursor, MeetingPage, MeetingRow
from tui.i18n import t
from tui.messages import ListEndWanted, MeetingHighlighted, MoreMeetingsWanted
from tui.terminal_text import safe_text
from tui.widgets.keyed_table import KeyedTable

LOAD_AHEAD = 30
"""Ask for the next page when the cursor is this close to the last loaded row."""
COLUMNS = (("date", 10), ("body", None), ("attendees", 5), ("warnings", 5), ("reviewed", 4))
"""Each column's key and width; the body takes what the others leave."""
MIN_BODY = 12


class MeetingTable(KeyedTable):
    """Meetings with date, attendees, open warnings, reviewed and body.

    | Key | Action |
    | :- | :- |
    | enter | Open the meeting's detail (posts `DataTable.RowSelected`). |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "key.open", tooltip="tip.open")
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.next_cursor: Cursor | None = None
        """Where the next page starts; None when every row is loaded."""
        self.next_offset: int | None = None
        """Where the next page starts in a sorted or faceted list; None when all are loaded."""
        self.first_cursor: Cursor | None = None
        """The first loaded row: a reload starts there, so the list keeps its place."""

    def on_mount(self) -> None:
        """Set up the columns, each with a key."""
        for key, width in COLUMNS:
            self.add_column(t(f"list.{key}"), key=key, width=width or MIN_BODY)

    def show_sort(self, column: str, descending: bool) -> None:
        """Mark the sorted column's heading with ▼ or ▲ (none for the default: newest first)."""
        default = column == "date" and descending
        for key, _ in COLUMNS:
            label = t(f"list.{key}")
            if key == column and not default:
                label += " ▼" if descending else " ▲"
            self.columns[key].label = Text(label)
        self._require_update_dimensions = True
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Give the body what the other columns leave, so it shows even in a narrow list."""
        others = sum((width or 0) + 2 * self.cell_padding for _, width in COLUMNS)
        body = self.columns["body"]
        body.width = max(MIN_BODY, event.size.width - others - 2 * self.cell_padding - 1)
        self._require_update_dimensions = True
        self.refresh()

    def show_page(self, page: MeetingPage, *, append: bool = False) -> None:
        """Show a page of meetings, replacing the rows or after them.

        Refilling moves the cursor to the first row without the person moving it:
        that highlight is not posted (the screen says which meeting is shown).
        """
        with self.prevent(DataTable.RowHighlighted):
            if not append:
                self.clear()
                self.first_cursor = page.rows[0].cursor if page.rows else None
            for row in page.rows:
                self.add_row(*self._cells(row), key=str(row.id))
        self.next_cursor = page.next_cursor
        self.next_offset = getattr(page, "next_offset", None)

    def action_first_row(self) -> None:
        """To the newest meeting: the list's first page may not be the one loaded."""
        self.post_message(ListEndWanted(first=True))

    def action_last_row(self) -> None:
        """To the oldest meeting: the last row when all is loaded, else the list's last page."""
        if self.next_cursor is None and self.next_offset is None:
            super().action_last_row()
        else:
            self.post_message(ListEndWanted(first=False))

    def update_meeting(self, row: MeetingRow) -> None:
        """Redraw one meeting's row, if it is loaded."""
        if str(row.id) not in self.rows:
            return
        for (column, _), cell in zip(COLUMNS, self._cells(row), strict=True):
            self.update_cell(str(row.id), column, cell)

    @staticmethod
    def _cells(row: MeetingRow) -> tuple[Text, ...]:
        return (
            # A protocol may give no date or name no council: say so, in the list's words.
            Text(row.date.isoformat()) if row.date else Text(t("list.no_date"), style="dim"),
            safe_text(row.body, no_wrap=True, overflow="ellipsis")
            if row.body
            else Text(t("list.no_body"), style="dim italic"),
            Text(str(row.attendees), justify="right"),
            Text(str(row.warnings or ""), justify="right", style="bold" if row.warnings else ""),
            Text("✓" if row.reviewed else "·", justify="center"),
        )

    @property
    def meeting_id(self) -> int | None:
        """The meeting under the cursor."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def select_meeting(self, meeting_id: int) -> bool:
        """Move the cursor to a meeting; False if it is not loaded."""
        if str(meeting_id) not in self.rows:
            return False
        self.move_cursor(row=self.get_row_index(str(meeting_id)))
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Say which meeting is under the cursor, and ask for more rows near the end."""
        event.stop()
        if event.row_key.value is not None:
            self.post_message(MeetingHighlighted(int(event.row_key.value)))
        more = self.next_cursor is not None or self.next_offset is not None
        if more and event.cursor_row >= self.row_count - LOAD_AHEAD:
            self.post_message(MoreMeetingsWanted())
