"""The help screen: every key, read from the bindings themselves so it cannot go stale."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def key_label(keys: str) -> str:
    """`e,enter` -> `e / enter`, with symbols shown as typed."""
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def sections() -> list[tuple[str, list[BindingType]]]:
    """Where each group of keys works, with its bindings."""
    from tui.app import ProtokollApp
    from tui.screens.form import FormScreen
    from tui.screens.meetings import MeetingsScreen
    from tui.screens.people import PeopleScreen
    from tui.widgets.meeting_detail import WarningTable
    from tui.widgets.meeting_table import MeetingTable
    from tui.widgets.people_tables import PeopleTable, PersonMeetingsTable
    from tui.widgets.record_table import RecordTable

    return [
        ("Everywhere", ProtokollApp.BINDINGS),
        ("Meetings", [*MeetingsScreen.BINDINGS, *MeetingTable.BINDINGS]),
        (
            "Meeting detail (overview, attendance, agenda)",
            RecordTable.BINDINGS,
        ),
        ("Warnings tab", WarningTable.BINDINGS),
        ("People", [*PeopleScreen.BINDINGS, *PeopleTable.BINDINGS, *PersonMeetingsTable.BINDINGS]),
        ("Edit dialogs", FormScreen.BINDINGS),
    ]


def key_table() -> Table:
    """Every key of every section as one table."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("key", style="bold", no_wrap=True, width=22)
    table.add_column("what")
    for title, bindings in sections():
        table.add_row(Text(title, style="bold underline"), "")
        for binding in bindings:
            if isinstance(binding, Binding):
                table.add_row(
                    Text(key_label(binding.key)), Text(binding.description or binding.action)
                )
        table.add_row("", "")
    table.add_row(Text("tab / shift+tab"), Text("Move between the list, the tabs and the table"))
    table.add_row(Text("ctrl+p"), Text("Command palette: every action by name"))
    return table


class HelpScreen(ModalScreen[None]):
    """Every key the app knows. Any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        """A scrollable table of keys."""
        with Vertical(classes="dialog wide help"):
            yield Label(Text("Keys"), classes="dialog-title")
            with VerticalScroll(id="help-keys"):
                yield Static(key_table())

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
