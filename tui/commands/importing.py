"""`protokoll import`: load protocol files into the database, one transaction per file."""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from tui.commands.state import state_of
from tui.i18n import t
from tui.store_words import told
from tui.terminal_text import terminal_safe

if TYPE_CHECKING:  # the loader (and the whole importer) loads only when an import runs
    from store.loading import FileOutcome, ImportSummary

STATUSES = ("imported", "replaced", "unchanged", "refused", "failed")
"""Every outcome a file can have, in the order the summary line lists them."""

Report = Callable[[int, int, "FileOutcome"], None]
INTERRUPTED_STATUS = 130
"""The shell's status for a command ended by Ctrl-C (128 + SIGINT)."""
REDRAW_SECONDS = 0.1


def register(app: typer.Typer) -> None:
    """Add the `import` command to `app`."""
    app.command("import", help="cli.import")(import_command)


def import_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(help="cli.import.paths", metavar="PATH", show_default=False),
    ],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="cli.import.replace"),
    ] = False,
) -> None:
    """Import protocols into the database, each file all or nothing.

    A file already imported with the same text is left unchanged; a changed file
    replaces its meeting unless that meeting was reviewed or edited. Prints a line
    per file that failed, was refused or has warnings, then a summary. Exits with
    status 1 if any file failed or no protocol file was found. Ctrl-C stops after
    the file being stored (status 130); a second Ctrl-C stops at once.
    """
    state = state_of(ctx)
    engine = state.engine(create=True)
    try:
        with _progress_reporter() as report, _stop_on_interrupt() as stop_requested:
            from store.loading import import_paths

            summary = import_paths(
                engine, paths, replace=replace, on_progress=report, should_stop=stop_requested
            )
    except KeyboardInterrupt:  # a second Ctrl-C: the file being stored was rolled back
        typer.echo(t("cli.import.interrupted"), err=True)
        raise typer.Exit(INTERRUPTED_STATUS) from None
    typer.echo(summary_line(summary))
    typer.echo(t("cli.import.database", database=state.shown()))
    if summary.stopped:
        typer.echo(stopped_line(summary), err=True)
        raise typer.Exit(INTERRUPTED_STATUS)
    if not summary.outcomes:
        typer.echo(t("cli.import.none_found"), err=True)
        raise typer.Exit(1)
    if summary.count("failed"):
        raise typer.Exit(1)


def summary_line(summary: ImportSummary) -> str:
    """`5 filer: 3 importerade, 0 ersatta, 1 oförändrade, 0 vägrade, 1 misslyckade`."""
    files = len(summary.outcomes)
    counts = ", ".join(t(f"status.{s}.count", count=summary.count(s)) for s in STATUSES)
    return t("cli.import.files.one" if files == 1 else "cli.import.files", count=files) + counts


def stopped_line(summary: ImportSummary) -> str:
    """What an import stopped by Ctrl-C did and did not do."""
    done = len(summary.outcomes)
    left = (summary.total or done) - done
    return t("cli.import.stopped", done=done, total=summary.total, left=left)


@contextmanager
def _stop_on_interrupt() -> Iterator[Callable[[], bool]]:
    """While importing, the first Ctrl-C asks the import to stop after the current file.

    A second Ctrl-C interrupts at once (the file being stored is rolled back).
    Yields the question the import asks between files: "was Ctrl-C pressed?".
    """
    pressed = threading.Event()

    def on_interrupt(_signum: int, _frame: object) -> None:
        pressed.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    if threading.current_thread() is not threading.main_thread():
        yield pressed.is_set  # signals reach the main thread only: nothing to install
        return
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


def problem_lines(outcome: FileOutcome) -> list[str]:
    """What to tell about one file: its failure or refusal, and each warning, as `file:line: …`."""
    lines = [told(outcome.message)] if outcome.message else []
    for warning in outcome.warnings:
        where = f"{outcome.path}:{warning.line}" if warning.line else outcome.path
        lines.append(t("cli.import.warning", where=where, message=told(warning.message)))
    return [terminal_safe(line, newlines=False) for line in lines]


@contextmanager
def _progress_reporter() -> Iterator[Report]:
    """A progress callback: a bar on stderr when it is a terminal, else plain lines.

    The bar and the warnings since the last redraw are drawn from the callback
    (at most ten times a second, and at the end), not by rich's refresh thread:
    with no second thread, the import may fork its parsing workers, which start
    in milliseconds instead of a second.
    """
    if not sys.stderr.isatty():
        yield _plain_report
        return
    console = Console(stderr=True)
    columns = (
        TextColumn(t("cli.importing")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()
    )  # fmt: skip
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("import", total=None)
        drawn_at = 0.0
        waiting: list[str] = []  # warnings printed with the next redraw, all in one go

        def draw() -> None:
            nonlocal drawn_at
            if waiting:
                # Document text is data, never markup: a name like "[/x]" must print as is.
                progress.console.print(Text("\n".join(waiting)), soft_wrap=True)
                waiting.clear()
            progress.refresh()
            drawn_at = time.monotonic()

        def report(done: int, total: int, outcome: FileOutcome) -> None:
            progress.update(task, completed=done, total=total)
            waiting.extend(problem_lines(outcome))
            if time.monotonic() - drawn_at >= REDRAW_SECONDS or done == total:
                draw()

        try:
            yield report
        finally:
            if waiting:
                draw()


def _plain_report(_done: int, _total: int, outcome: FileOutcome) -> None:
    for line in problem_lines(outcome):
        typer.echo(line, err=True)
