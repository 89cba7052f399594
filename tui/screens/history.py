"""The history view: every change in words, newest first; undo and redo from here."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from store.history import HistoryEntry, list_history
from tui.history_words import label
from tui.i18n import plural, t
from tui.messages import DataChanged
from tui.screens.base import StoreScreen
from tui.store_words import told
from tui.widgets.keyed_table import KeyedTable
from tui.widgets.mode_bar import ModeBar

LIMIT = 200
COLUMNS = (("at", 16), ("action", 14), ("state", 12), ("about", 36), ("summary", None))
"""The summary last: it is long, and runs off to the right rather than hide the rest."""


class HistoryScreen(StoreScreen):
    """The one history (store/history.py): when, what, which meeting or person, undone or not.

    | Key | Action |
    | :- | :- |
    | m | Only the highlighted entry's meeting (again: every entry). |
    | enter | Open the entry's meeting. |
    | ctrl+z / ctrl+y | Undo / redo (the newest change in effect / the last undone). |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "filter_meeting", "key.history_meeting", tooltip="tip.history_meeting"),
        Binding("enter", "open_meeting", "key.open_meeting", tooltip="tip.history_open"),
        Binding("ctrl+z", "app.undo", "key.undo", tooltip="tip.undo"),
        Binding("ctrl+y", "app.redo", "key.redo", tooltip="tip.redo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.meeting_id: int | None = None
        """Only this meeting's entries; None: every entry."""
        self.entries: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        """Mode bar, a status line, the entries, footer."""
        yield ModeBar("history")
        yield Static(Text(t("history.loading"), style="dim"), id="history-status")
        yield KeyedTable(cursor_type="row", zebra_stripes=True, id="history-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns, each with a key; start in the list."""
        table = self.query_one("#history-table", DataTable)
        for key, width in COLUMNS:
            table.add_column(t(f"history.col.{key}"), key=key, width=width)
        table.focus()

    def on_screen_resume(self) -> None:
        """Every change elsewhere is a new entry: read them again."""
        self.load()

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show only one meeting's entries (None: all)."""
        self.meeting_id = meeting_id
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def load(self) -> None:
        """Read the newest entries (of the chosen meeting) in a thread."""
        meeting_id = self.meeting_id
        entries = list_history(self.engine, meeting_id=meeting_id, limit=LIMIT)
        self.deliver(self._show, meeting_id, entries)

    def _show(self, meeting_id: int | None, entries: list[HistoryEntry]) -> None:
        if meeting_id != self.meeting_id:
            return
        self.entries = entries
        table = self.query_one("#history-table", DataTable)
        table.clear()
        for entry in entries:
            table.add_row(*entry_cells(entry), key=str(entry.id))
        count = plural(len(entries), "history.count.one", "history.count")
        about = next((e.meeting_label for e in entries if e.meeting_label), "")
        where = t("history.of_meeting", meeting=label(about)) if meeting_id is not None else ""
        self.query_one("#history-status", Static).update(Text(count + where, style="dim"))

    def _current(self) -> HistoryEntry | None:
        table = self.query_one("#history-table", DataTable)
        if not table.row_count:
            return None
        return self.entries[table.cursor_row] if table.cursor_row < len(self.entries) else None

    def action_filter_meeting(self) -> None:
        """Only the highlighted entry's meeting; pressed again, every entry."""
        entry = self._current()
        if self.meeting_id is not None:
            self.show_meeting(None)
        elif entry is not None and entry.meeting_id is not None:
            self.show_meeting(entry.meeting_id)

    @on(DataTable.RowSelected, "#history-table")
    async def _row_chosen(self) -> None:
        # The table's own enter selects the row; the screen's binding is its name in the help.
        await self.action_open_meeting()

    async def action_open_meeting(self) -> None:
        """Open the highlighted entry's meeting in the meetings view."""
        entry = self._current()
        if entry is not None and entry.meeting_id is not None:
            await self.app.open_meeting(entry.meeting_id)  # type: ignore[attr-defined]

    @on(DataChanged)
    def _data_changed(self) -> None:
        self.load()

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """This screen's actions for the command palette."""
        return [
            (t("palette.history_meeting"), t("tip.history_meeting"), self.action_filter_meeting)
        ]


def entry_cells(entry: HistoryEntry) -> tuple[Text, ...]:
    """When, what, about which meeting or person, the change, undone or not."""
    state = t("history.state.redo") if entry.undone and entry.can_redo else ""
    state = state or (t("history.state.undone") if entry.undone else "")
    style = "dim" if entry.undone else ""
    return (
        Text(entry.at.astimezone().strftime("%Y-%m-%d %H:%M"), style=style),
        Text(t(f"history.action.{entry.action}"), style=style),
        Text(state, style="italic"),
        Text(about_words(entry), style=style, overflow="ellipsis"),
        Text(told(entry.summary), style=style, no_wrap=True),
    )


def about_words(entry: HistoryEntry) -> str:
    """The entry's meeting (as the user's language names it) or person."""
    return label(entry.meeting_label) if entry.meeting_label else entry.person_label or ""
