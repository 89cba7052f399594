"""The meetings list: one row per meeting, newest first, loaded a page at a time."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from store.queries import Cursor, MeetingPage, MeetingRow
from tui.messages import MeetingHighlighted, MoreMeetingsWanted
from tui.terminal_text import safe_text

LOAD_AHEAD = 30
"""Ask for the next page when the cursor is this close to the last loaded row."""
NO_DATE = "no date"
NO_BODY = "no council: fill it in"
"""Shown for a meeting whose protocol gave no date or named no council."""


class MeetingTable(DataTable):
    """Meetings with date, attendees, open warnings, reviewed and body.

    | Key | Action |
    | :- | :- |
    | enter | Open the meeting's detail (posts `DataTable.RowSelected`). |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", tooltip="Move into the meeting's detail")
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.next_cursor: Cursor | None = None
        """Where the next page starts; None when every row is loaded."""
        self.first_cursor: Cursor | None = None
        """The first loaded row: a reload starts there, so the list keeps its place."""

    def on_mount(self) -> None:
        """Set up the columns, each with a key."""
        self.add_column("Date", key="date", width=10)
        self.add_column("Att.", key="attendees", width=4)
        self.add_column("Warn", key="warnings", width=4)
        self.add_column("Rev", key="reviewed", width=3)
        self.add_column("Body", key="body")

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

    def update_meeting(self, row: MeetingRow) -> None:
        """Redraw one meeting's row, if it is loaded."""
        if str(row.id) not in self.rows:
            return
        for column, cell in zip(
            ("date", "attendees", "warnings", "reviewed", "body"), self._cells(row), strict=True
        ):
            self.update_cell(str(row.id), column, cell)

    @staticmethod
    def _cells(row: MeetingRow) -> tuple[Text, ...]:
        return (
            Text(row.date.isoformat()) if row.date else Text(NO_DATE, style="dim"),
            Text(str(row.attendees), justify="right"),
            Text(str(row.warnings or ""), justify="right", style="bold" if row.warnings else ""),
            Text("✓" if row.reviewed else "·", justify="center"),
            safe_text(row.body, no_wrap=True, overflow="ellipsis")
            if row.body
            else Text(NO_BODY, style="dim italic"),
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
        if self.next_cursor is not None and event.cursor_row >= self.row_count - LOAD_AHEAD:
            self.post_message(MoreMeetingsWanted())
