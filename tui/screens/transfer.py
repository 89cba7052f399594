"""The import and export dialogs: the same store calls as `protokoll import` and `export`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Log, ProgressBar

from store.export import export_all
from tui.i18n import t
from tui.screens.base import StoreModal
from tui.store_words import told
from tui.terminal_text import terminal_safe
from tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:  # the loader (and the whole importer) loads only when an import runs
    from store.loading import FileOutcome, ImportSummary

STATUSES = ("imported", "replaced", "unchanged", "refused", "failed")


class SubmittingCheckbox(Checkbox):
    """A checkbox in a dialog: space ticks it, enter presses the dialog's main button.

    | Key | Action |
    | :- | :- |
    | space | Tick or untick. |
    | enter | The dialog's main button (import, export). |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.start", "key.start", show=False, tooltip="tip.start")
    ]


def summary_lines(summary: ImportSummary) -> list[str]:
    """The counts, then one line per file that was not simply imported, then every warning."""
    counts = ", ".join(
        t(f"status.{s}.count", count=summary.count(s)) for s in STATUSES if summary.count(s)
    )
    lines = [t("import.done", counts=counts or t("import.no_files"))]
    for outcome in summary.outcomes:
        if outcome.message:
            lines.append(f"{t(f'status.{outcome.status}')}: {told(outcome.message)}")
    for outcome in summary.outcomes:
        for warning in outcome.warnings:
            where = (
                f"{Path(outcome.path).name}:{warning.line}"
                if warning.line
                else Path(outcome.path).name
            )
            lines.append(t("import.warning", where=where, message=told(warning.message)))
    return lines


class ImportScreen(StoreModal):
    """Import protocol files or folders, with progress, then the summary and warnings.

    | Key | Action |
    | :- | :- |
    | enter | Import. |
    | escape | Close. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close", tooltip="tip.close")
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summary: ImportSummary | None = None
        """The outcome of the last import run in this dialog."""

    def compose(self) -> ComposeResult:
        """Paths, the replace option, progress and the log."""
        with Vertical(classes="dialog wide"):
            yield Label(Text(t("import.title")), classes="dialog-title")
            yield Label(Text(t("import.paths")), classes="field-label")
            yield Input(
                placeholder="samples/protocols",
                id="import-paths",
                suggester=PathSuggester(),
                compact=True,
            )
            yield SubmittingCheckbox(t("import.replace"), id="import-replace", compact=True)
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Log(id="import-log", highlight=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("button.import"), variant="primary", id="import-start", compact=True)
                yield Button(t("button.close"), id="import-close", compact=True)

    @on(Input.Submitted, "#import-paths")
    @on(Button.Pressed, "#import-start")
    def action_start(self) -> None:
        """Import what the field names."""
        paths = [
            p.strip() for p in self.query_one("#import-paths", Input).value.split(";") if p.strip()
        ]
        if not paths:
            self.notify(t("import.nothing"), severity="warning")
            return
        self.query_one("#import-start", Button).disabled = True
        self.query_one(Log).clear()
        self.run_import(paths, self.query_one("#import-replace", Checkbox).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def run_import(self, paths: list[str], replace: bool) -> None:
        """Import in a thread, reporting each file as it is done."""
        try:
            from store.loading import import_paths

            summary = import_paths(
                self.engine, paths, replace=replace, on_progress=self._progress_from_thread
            )
            self.deliver(self._finished, summary)
        finally:
            self.app.call_from_thread(
                setattr, self.query_one("#import-start", Button), "disabled", False
            )

    def _progress_from_thread(self, done: int, total: int, outcome: FileOutcome) -> None:
        self.app.call_from_thread(self._progress, done, total, outcome)

    def _progress(self, done: int, total: int, outcome: FileOutcome) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        status = t(f"status.{outcome.status}")
        self.query_one(Log).write_line(
            terminal_safe(f"{done}/{total} {status}: {Path(outcome.path).name}", newlines=False)
        )

    def _finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        lines = [terminal_safe(line, newlines=False) for line in summary_lines(summary)]
        self.query_one(Log).write_lines(["", *lines])

    @on(Button.Pressed, "#import-close")
    def action_close(self) -> None:
        """Close the dialog, saying whether meetings were added or replaced."""
        summary = getattr(self, "summary", None)
        changed = (
            summary is not None and (summary.count("imported") + summary.count("replaced")) > 0
        )
        self.dismiss(changed)


class ExportScreen(StoreModal):
    """Export meetings, attendance, agenda and people as CSV files into a folder.

    | Key | Action |
    | :- | :- |
    | enter | Export. |
    | escape | Close. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close", tooltip="tip.close")
    ]

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[str, Path] = {}
        """The files of the last export from this dialog."""

    def compose(self) -> ComposeResult:
        """Folder, the Excel option and the result."""
        with Vertical(classes="dialog wide"):
            yield Label(Text(t("export.title")), classes="dialog-title")
            yield Label(Text(t("export.folder")), classes="field-label")
            yield Input(
                str(Path.cwd() / "export"),
                id="export-folder",
                suggester=PathSuggester(),
                compact=True,
            )
            yield SubmittingCheckbox(t("export.excel"), id="export-excel", compact=True)
            yield Log(id="export-log", highlight=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("button.export"), variant="primary", id="export-start", compact=True)
                yield Button(t("button.close"), id="export-close", compact=True)

    @on(Input.Submitted, "#export-folder")
    @on(Button.Pressed, "#export-start")
    def action_start(self) -> None:
        """Export to the folder in the field."""
        folder = self.query_one("#export-folder", Input).value.strip()
        if not folder:
            self.notify(t("export.nothing"), severity="warning")
            return
        self.run_export(Path(folder).expanduser(), self.query_one("#export-excel", Checkbox).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def run_export(self, folder: Path, excel: bool) -> None:
        """Write the four CSVs in a thread."""
        written = export_all(self.engine, folder, excel=excel)
        self.deliver(self._finished, written)

    def _finished(self, written: dict[str, Path]) -> None:
        self.written = written
        log = self.query_one(Log)
        log.write_lines([f"{name}: {path}" for name, path in written.items()])
        log.write_line(t("export.done"))
        folder = next(iter(written.values())).parent
        self.notify(t("export.written", count=len(written), folder=folder), markup=False)

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
