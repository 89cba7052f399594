"""The help screen: every key, read from the bindings themselves so it cannot go stale."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
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


def key_table() -> Group:
    """Every key of every section, one small table per section."""
    tables = []
    for title, bindings in sections():
        table = _section_table(title)
        for binding in bindings:
            if isinstance(binding, Binding):
                what = binding.tooltip or binding.description or binding.action
                table.add_row(Text(key_label(binding.key)), Text(what))
        tables.append(table)
    more = _section_table("Anywhere else")
    more.add_row(Text("tab / shift+tab"), Text("Move between the list, the tabs and the tables"))
    more.add_row(Text("ctrl+p"), Text("Command palette: every action by name"))
    return Group(*tables, more)


def _section_table(title: str) -> Table:
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=None,
        show_header=False,
        padding=(0, 2, 0, 1),
        expand=True,
    )
    table.add_column("key", style="bold", no_wrap=True, width=16)
    table.add_column("what")
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
