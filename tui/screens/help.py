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

from tui.i18n import has, t

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
    from tui.screens.history import HistoryScreen
    from tui.screens.meetings import MeetingsScreen
    from tui.screens.people import PeopleScreen
    from tui.screens.reconcile import ReconcileScreen
    from tui.screens.transfer import SubmittingCheckbox
    from tui.widgets.keyed_table import KeyedTable
    from tui.widgets.meeting_detail import WarningTable
    from tui.widgets.meeting_table import MeetingTable
    from tui.widgets.people_tables import PeopleTable, PersonMeetingsTable
    from tui.widgets.record_table import RecordTable

    return [
        (t("help.everywhere"), ProtokollApp.BINDINGS),
        (t("help.lists"), KeyedTable.BINDINGS),
        (t("help.meetings"), [*MeetingsScreen.BINDINGS, *MeetingTable.BINDINGS]),
        (t("help.detail"), RecordTable.BINDINGS),
        (t("help.warnings"), WarningTable.BINDINGS),
        (
            t("help.people"),
            [*PeopleScreen.BINDINGS, *PeopleTable.BINDINGS, *PersonMeetingsTable.BINDINGS],
        ),
        (t("help.reconcile"), ReconcileScreen.BINDINGS),
        (t("help.history"), HistoryScreen.BINDINGS),
        (t("help.dialogs"), [*FormScreen.BINDINGS, *SubmittingCheckbox.BINDINGS]),
    ]


def key_table() -> Group:
    """Every key of every section, one small table per section."""
    tables = []
    for title, bindings in sections():
        table = _section_table(title)
        for binding in bindings:
            if isinstance(binding, Binding):
                what = binding.tooltip or binding.description or binding.action
                table.add_row(Text(key_label(binding.key)), Text(t(what) if has(what) else what))
        tables.append(table)
    more = _section_table(t("help.elsewhere"))
    more.add_row(Text("tab / shift+tab"), Text(t("help.tab")))
    more.add_row(Text(t("help.reconcile.how.key")), Text(t("help.reconcile.how")))
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

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "key.close", tooltip="tip.close")
    ]

    def compose(self) -> ComposeResult:
        """A scrollable table of keys."""
        with Vertical(classes="dialog wide help"):
            yield Label(Text(t("help.title")), classes="dialog-title")
            with VerticalScroll(id="help-keys"):
                yield Static(key_table())

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
