"""A table of database rows that can be edited, added to and deleted from at the keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate

from tui.i18n import t
from tui.messages import (
    AddRequested,
    DeleteRequested,
    EditRequested,
    SourceLinesChosen,
    SourceRequested,
)
from tui.terminal_text import safe_text
from tui.widgets.keyed_table import KeyedTable


@dataclass(frozen=True)
class RowRef:
    """Which database row a table row shows, and where in the source it came from."""

    table_name: str
    row_id: int
    field: str | None = None
    """The one field this row shows (a field-per-row table); None: the column says."""
    lines: tuple[int, int] | None = None
    label: str = ""
    deletable: bool = False
    editable: bool = True


@dataclass(frozen=True)
class Column:
    """A column: its heading (a catalogue key), the field it shows, and whether it can be edited."""

    label: str
    key: str
    width: int | None = None
    editable: bool = True


def cell(value: object, **style: object) -> Text:
    """A cell from any value: document text stays text, never markup."""
    if value is None:
        return Text("")
    if isinstance(value, bool):
        return Text(t("yes") if value else t("no"))
    return safe_text(value, no_wrap=True, overflow="ellipsis", **style)


class RecordTable(KeyedTable):
    """Rows of one kind, each tied to a database row by a `RowRef`.

    | Key | Action |
    | :- | :- |
    | e, enter | Edit the field under the cursor. |
    | a | Add a row. |
    | d, delete | Delete the row (asks first). |
    | s | Show the row in the source text. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e,enter", "edit", "key.edit", tooltip="tip.edit"),
        Binding("a", "add", "key.add", tooltip="tip.add"),
        Binding("d,delete", "delete", "key.delete", tooltip="tip.delete"),
        Binding("s", "source", "key.source", show=False, tooltip="tip.source"),
    ]

    def __init__(
        self, columns: list[Column], *, add_table: str | None = None, **kwargs: object
    ) -> None:
        super().__init__(zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.spec = columns
        self.add_table = add_table
        """The table `a` adds a row to; None: this table cannot grow."""
        self.refs: dict[str, RowRef] = {}
        self._keys_shown: tuple[bool, bool] = (False, False)

    def on_mount(self) -> None:
        """Columns keyed by the field they show."""
        for column in self.spec:
            self.add_column(t(column.label), key=column.key, width=column.width)

    def show_rows(self, rows: list[tuple[str, RowRef, list[Text]]]) -> None:
        """Replace the rows, keeping the cursor where it was as far as possible."""
        where = self.cursor_coordinate
        self.clear()
        self._measure(rows)
        self.refs = {}
        for key, ref, cells in rows:
            self.refs[key] = ref
            self.add_row(*cells, key=key)
        if self.row_count:
            self.cursor_coordinate = Coordinate(min(where.row, self.row_count - 1), where.column)

    def _measure(self, rows: list[tuple[str, RowRef, list[Text]]]) -> None:
        """Size auto-width columns from the rows before they are added.

        DataTable otherwise measures new rows later, on idle; in a real terminal
        the first paint then sometimes kept columns only as wide as their
        header (`Regi…`), until the table was filled again.
        """
        for index, column in enumerate(self.ordered_columns):
            if column.auto_width:
                widths = (cells[index].cell_len for _, _, cells in rows if index < len(cells))
                column.content_width = max([column.content_width, *widths])

    @property
    def current(self) -> RowRef | None:
        """The row under the cursor."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.refs.get(key or "")

    @property
    def current_column(self) -> Column:
        """The column under the cursor."""
        return self.spec[min(self.cursor_column, len(self.spec) - 1)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that work here."""
        ref = self.current
        if action == "add":
            return self.add_table is not None
        if action == "delete":
            return bool(ref and ref.deletable)
        if action == "edit":
            return bool(ref and ref.editable)
        return True

    def action_edit(self) -> None:
        """Ask to edit the field under the cursor."""
        ref = self.current
        if ref is None:
            return
        column = self.current_column
        if not ref.editable or (ref.field is None and not column.editable):
            self.notify(t("edit.not_here", field=t(column.label)), severity="warning", markup=False)
            return
        self.post_message(EditRequested(ref.table_name, ref.row_id, ref.field or column.key))

    def action_add(self) -> None:
        """Ask to add a row."""
        if self.add_table is not None:
            self.post_message(AddRequested(self.add_table))

    def action_delete(self) -> None:
        """Ask to delete the row under the cursor."""
        ref = self.current
        if ref is not None and ref.deletable:
            self.post_message(DeleteRequested(ref.table_name, ref.row_id, ref.label))

    def action_source(self) -> None:
        """Ask to see where the row came from."""
        self._announce_lines()
        self.post_message(SourceRequested())

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """Tell the detail view which source lines the row under the cursor came from."""
        super().watch_cursor_coordinate(old, new)
        self._announce_lines()
        ref = self.current
        keys = (bool(ref and ref.editable), bool(ref and ref.deletable))
        # Refreshing bindings recomposes the footer: only when the keys that work change.
        if keys != self._keys_shown and self.has_focus:
            self._keys_shown = keys
            self.refresh_bindings()

    def on_focus(self) -> None:
        """The footer is refreshed on focus: remember for which keys."""
        ref = self.current
        self._keys_shown = (bool(ref and ref.editable), bool(ref and ref.deletable))

    def _announce_lines(self) -> None:
        ref = self.current
        if ref is not None and ref.lines is not None:
            self.post_message(SourceLinesChosen(*ref.lines))
