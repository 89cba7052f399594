"""The protokoll app: meetings, people and reconciliation, all at the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from store.location import sqlite_file
from tui.i18n import choose_language, set_language, t
from tui.localized import localize_bindings
from tui.messages import DataChanged
from tui.people_index import WARM_SECONDS, SharedPeopleIndex
from tui.screens.meetings import MeetingsScreen
from tui.store_loading import StoreLoader
from tui.store_words import told
from tui.terminal_text import terminal_safe

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


# The views and dialogs not on the first screen are imported when first shown (usually
# already imported in the background by `StoreLoader.load`, so the UI thread waits for none).


def localized_screen(make: Callable[[], Screen]) -> Screen:
    """A screen whose class may have been imported after the app translated the key bindings."""
    localize_bindings()
    return make()


def people_screen() -> Screen:
    """The People view."""
    from tui.screens.people import PeopleScreen

    return localized_screen(PeopleScreen)


def reconcile_screen() -> Screen:
    """The Reconcile view: most sessions never need its scoring."""
    from tui.screens.reconcile import ReconcileScreen

    return localized_screen(ReconcileScreen)


def history_screen() -> Screen:
    """The History view."""
    from tui.screens.history import HistoryScreen

    return localized_screen(HistoryScreen)


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
        "people": people_screen,
        "reconcile": reconcile_screen,
        "history": history_screen,
    }
    DEFAULT_MODE = "meetings"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_mode('meetings')", "mode.meetings", show=False, tooltip="tip.1"),
        Binding("2", "switch_mode('people')", "mode.people", show=False, tooltip="tip.2"),
        Binding("3", "switch_mode('reconcile')", "mode.reconcile", show=False, tooltip="tip.3"),
        Binding("4", "switch_mode('history')", "mode.history", show=False, tooltip="tip.4"),
        Binding("ctrl+z", "undo", "key.undo", show=False, tooltip="tip.undo"),
        Binding("ctrl+y", "redo", "key.redo", show=False, tooltip="tip.redo"),
        Binding("i", "import", "key.import", show=False, tooltip="tip.import"),
        Binding("x", "export", "key.export", show=False, tooltip="tip.export"),
        Binding("question_mark", "help", "key.help", tooltip="tip.help"),
        Binding("q", "quit", "key.quit", tooltip="tip.quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "key.palette",
            show=False,
            priority=True,
            tooltip="tip.palette",
        ),
    ]

    def __init__(
        self, engine: Engine | None = None, lang: str | None = None, *, database: str | None = None
    ) -> None:
        """Open on an `engine`, or on a `database` (a path or URL) whose engine is made later.

        On an SQLite file given as `database`, the first screen is read with plain
        SQL, and the store is imported and the engine made after it is shown.
        """
        set_language(choose_language(lang))
        localize_bindings()  # before any widget copies its class's bindings
        super().__init__()
        self.store = StoreLoader(engine=engine, database=database)
        self.first_screen_file: Path | None = sqlite_file(database) if database else None
        """The SQLite file the meetings view reads its first screen from, without the ORM."""
        self.people_index = SharedPeopleIndex(self.store.engine)
        self._store_loading = False

    @property
    def engine(self) -> Engine:
        """The one engine of the app; from a worker thread (it may wait while it is made)."""
        return self.store.engine()

    def load_store(self) -> None:
        """Make the engine and import the other views, in a thread; once, after the first screen."""
        if not self._store_loading:
            self._store_loading = True
            self.run_worker(self.store.load, thread=True, group="store", exit_on_error=False)

    def on_mount(self) -> None:
        """Build the people index in the background once the first screen has had its turn."""
        self.set_timer(WARM_SECONDS, self._warm_people_index)

    def _warm_people_index(self) -> None:
        self.run_worker(
            self.people_index.warm, thread=True, group="people-index", exit_on_error=False
        )

    def action_import(self) -> None:
        """Open the import dialog; after an import, the list starts from the newest meeting."""
        from tui.screens.transfer import ImportScreen

        self.push_screen(localized_screen(ImportScreen), self._imported)

    def _imported(self, changed: bool | None) -> None:
        if changed:
            self.screen.post_message(DataChanged(from_top=True))

    def action_command_palette(self) -> None:
        """The command palette, its search field in the user's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = t("palette.placeholder")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def action_export(self) -> None:
        """Open the export dialog."""
        from tui.screens.transfer import ExportScreen

        self.push_screen(localized_screen(ExportScreen))

    def action_help(self) -> None:
        """Show every key."""
        from tui.screens.help import HelpScreen

        self.push_screen(localized_screen(HelpScreen))

    @work(thread=True, exclusive=False, exit_on_error=False, group="undo")
    def action_undo(self) -> None:
        """Undo the newest change still in effect, from the history."""
        from store import edits

        self.call_from_thread(self._undone, edits.undo(self.engine), t("undo.nothing"))

    @work(thread=True, exclusive=False, exit_on_error=False, group="undo")
    def action_redo(self) -> None:
        """Redo the change undone most recently."""
        from store import edits

        self.call_from_thread(self._undone, edits.redo(self.engine), t("redo.nothing"))

    def _undone(self, what: str | None, nothing: str) -> None:
        self.notify(told(what) if what else nothing, markup=False)
        if what:
            self.screen.post_message(DataChanged())

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        """Notify; names and file names in the message are shown, never obeyed as controls."""
        super().notify(terminal_safe(message), title=terminal_safe(title), **options)

    async def open_meeting(self, meeting_id: int, person_id: int | None = None) -> None:
        """Switch to the meetings view and show one meeting (at one person's row, if given)."""
        await self.switch_mode("meetings")
        screen = self.screen
        if isinstance(screen, MeetingsScreen):
            screen.open_meeting(meeting_id, person_id)

    async def show_history(self, meeting_id: int | None) -> None:
        """Switch to the history, of one meeting (None: of everything)."""
        from tui.screens.history import HistoryScreen

        await self.switch_mode("history")
        screen = self.screen
        if isinstance(screen, HistoryScreen):
            screen.show_meeting(meeting_id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed undo or redo becomes a message; the app stays open."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            message = told(str(event.worker.error))  # a refused undo, in the user's language
            self.notify(message, title=t("error.title"), severity="error", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action by name in the command palette, the shown screen's too."""
        for key in ("meetings", "people", "reconcile", "history"):
            yield SystemCommand(
                t(f"mode.{key}"), t(f"palette.{key}"), lambda key=key: self.switch_mode(key)
            )
        yield SystemCommand(t("palette.import"), t("palette.import.help"), self.action_import)
        yield SystemCommand(t("palette.export"), t("palette.export.help"), self.action_export)
        yield SystemCommand(t("key.undo"), t("palette.undo.help"), self.action_undo)
        yield SystemCommand(t("key.redo"), t("palette.redo.help"), self.action_redo)
        yield SystemCommand(t("palette.help"), t("palette.help.help"), self.action_help)
        yield SystemCommand(t("palette.theme"), t("palette.theme.help"), self.action_change_theme)
        yield SystemCommand(t("key.quit"), t("tip.quit"), self.action_quit)
        for title, help_text, callback in getattr(screen, "palette_commands", list)():
            yield SystemCommand(title, help_text, callback)
