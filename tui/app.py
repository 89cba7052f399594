"""The protokoll app: meetings, people and reconciliation, all at the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from sqlalchemy.engine import Engine
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from store import edits
from tui.messages import DataChanged
from tui.screens.help import HelpScreen
from tui.screens.meetings import MeetingsScreen
from tui.screens.people import PeopleScreen
from tui.screens.transfer import ExportScreen, ImportScreen
from tui.terminal_text import terminal_safe


def reconcile_screen() -> Screen:
    """The Reconcile view, imported when first shown: most sessions never need its scoring."""
    from tui.screens.reconcile import ReconcileScreen

    return ReconcileScreen()


class ProtokollApp(App):
    """Review and fix imported meetings, look people up, import and export.

    | Key | Action |
    | :- | :- |
    | 1 / 2 / 3 | Meetings / People / Reconcile. |
    | i / x | Import / export. |
    | ctrl+z / ctrl+y | Undo / redo (across sessions: from the edit log). |
    | ? | Every key. |
    | q | Quit. |
    """

    TITLE = "protokoll"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        "meetings": MeetingsScreen,
        "people": PeopleScreen,
        "reconcile": reconcile_screen,
    }
    DEFAULT_MODE = "meetings"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "1", "switch_mode('meetings')", "Meetings", show=False, tooltip="Show the meetings"
        ),
        Binding("2", "switch_mode('people')", "People", show=False, tooltip="Search people"),
        Binding(
            "3",
            "switch_mode('reconcile')",
            "Reconcile",
            show=False,
            tooltip="Reconcile people and organisations",
        ),
        Binding(
            "ctrl+z", "undo", "Undo", tooltip="Undo the last change, even from an earlier session"
        ),
        Binding("ctrl+y", "redo", "Redo", show=False, tooltip="Redo the last undone change"),
        Binding("i", "import", "Import", tooltip="Import protocol files or a folder"),
        Binding("x", "export", "Export", tooltip="Export the four CSVs to a folder"),
        Binding("question_mark", "help", "Help", tooltip="This list of keys"),
        Binding("q", "quit", "Quit", tooltip="Quit (every change is already saved)"),
    ]

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    def action_import(self) -> None:
        """Open the import dialog; after an import, the list starts from the newest meeting."""
        self.push_screen(ImportScreen(), self._imported)

    def _imported(self, changed: bool | None) -> None:
        if changed:
            self.screen.post_message(DataChanged(from_top=True))

    def action_export(self) -> None:
        """Open the export dialog."""
        self.push_screen(ExportScreen())

    def action_help(self) -> None:
        """Show every key."""
        self.push_screen(HelpScreen())

    @work(thread=True, exclusive=False, exit_on_error=False, group="undo")
    def action_undo(self) -> None:
        """Undo the newest change still in effect, from the history."""
        self.call_from_thread(self._undone, edits.undo(self.engine), "Nothing to undo.")

    @work(thread=True, exclusive=False, exit_on_error=False, group="undo")
    def action_redo(self) -> None:
        """Redo the change undone most recently."""
        self.call_from_thread(self._undone, edits.redo(self.engine), "Nothing to redo.")

    def _undone(self, what: str | None, nothing: str) -> None:
        self.notify(what or nothing, markup=False)
        if what:
            self.screen.post_message(DataChanged())

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        """Notify; names and file names in the message are shown, never obeyed as controls."""
        super().notify(terminal_safe(message), title=terminal_safe(title), **options)

    async def open_meeting(self, meeting_id: int) -> None:
        """Switch to the meetings view and show one meeting."""
        await self.switch_mode("meetings")
        screen = self.screen
        if isinstance(screen, MeetingsScreen):
            screen.open_meeting(meeting_id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed undo or redo becomes a message; the app stays open."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(
                str(event.worker.error), title="Could not finish", severity="error", markup=False
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action by name in the command palette, the shown screen's too."""
        yield from super().get_system_commands(screen)
        for key, title, help_text in (
            ("meetings", "Meetings", "Show the meetings (1)"),
            ("people", "People", "Search people (2)"),
            ("reconcile", "Reconcile", "Reconcile people and organisations (3)"),
        ):
            yield SystemCommand(title, help_text, lambda key=key: self.switch_mode(key))
        yield SystemCommand("Import protocols", "Import files or a folder (i)", self.action_import)
        yield SystemCommand(
            "Export CSV", "Export the four CSVs to a folder (x)", self.action_export
        )
        yield SystemCommand("Undo", "Undo the last change (ctrl+z)", self.action_undo)
        yield SystemCommand("Redo", "Redo the last undone change (ctrl+y)", self.action_redo)
        yield SystemCommand("Help: keys", "Every key (?)", self.action_help)
        for title, help_text, callback in getattr(screen, "palette_commands", list)():
            yield SystemCommand(title, help_text, callback)
