"""A table whose Home and End go to the first and last row (DataTable's scroll sideways)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class KeyedTable(DataTable):
    """A `DataTable` where Home and End move the cursor to the first and last row.

    | Key | Action |
    | :- | :- |
    | home | First row. |
    | end | Last row. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first_row", "key.first", show=False, tooltip="tip.first"),
        Binding("end", "last_row", "key.last", show=False, tooltip="tip.last"),
    ]

    def action_first_row(self) -> None:
        """To the first row."""
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """To the last row (of those loaded)."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
