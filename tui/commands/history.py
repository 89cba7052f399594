"""`protokoll history`, `protokoll undo`, `protokoll redo`: the one history, from the shell.

The same history the app's ctrl+z and ctrl+y walk: every edit, merge, import
and `reconcile --auto` is one entry, so any of them can be taken back here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from tui import history_words
from tui.commands.state import state_of
from tui.i18n import t
from tui.store_words import told
from tui.terminal_text import echo

if TYPE_CHECKING:  # the store loads only when a command runs: `protokoll --help` stays quick
    from store.history import HistoryEntry


def register(app: typer.Typer) -> None:
    """Add the `history`, `undo` and `redo` commands to `app`."""
    app.command("history", help="cli.history")(history_command)
    app.command("undo", help="cli.undo")(undo_command)
    app.command("redo", help="cli.redo")(redo_command)


def history_command(
    ctx: typer.Context,
    meeting: Annotated[
        int | None,
        typer.Option("--meeting", help="cli.history.meeting", metavar="ID"),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", help="cli.history.limit", min=1, metavar="N")
    ] = 50,
) -> None:
    """Every change, newest first: when, what, which meeting or person, in words."""
    from store.history import list_history

    entries = list_history(state_of(ctx).engine(), meeting_id=meeting, limit=limit)
    if not entries:
        echo(t("cli.history.none") if meeting is None else t("cli.history.none_for", id=meeting))
    for entry in entries:
        echo(history_line(entry))


def history_line(entry: HistoryEntry) -> str:
    """`2026-12-01 19:07  edit       Location of the meeting 2022-04-26 …: 'A' → 'B'  (undone)`."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    about = entry.meeting_label or entry.person_label
    which = f"{history_words.label(about)}: " if about and about not in entry.summary else ""
    state = ""
    if entry.undone:
        state = t("history.undone.redo") if entry.can_redo else t("history.undone")
    action = t(f"history.action.{entry.action}")
    return f"{when}  {action:<9}  {which}{told(entry.summary)}{state}"


def undo_command(ctx: typer.Context) -> None:
    """Take back the newest change still in effect (an edit, a merge, an import, …)."""
    from store.history import undo

    _run(lambda: undo(state_of(ctx).engine()), t("undo.nothing"))


def redo_command(ctx: typer.Context) -> None:
    """Put back the change undone most recently, unless a change made since discarded it."""
    from store.history import redo

    _run(lambda: redo(state_of(ctx).engine()), t("redo.nothing"))


def _run(step: Callable[[], str | None], nothing: str) -> None:
    from store.history import HistoryError

    try:
        done = step()
    except HistoryError as error:
        echo(t("cli.error", message=told(str(error))), err=True)
        raise typer.Exit(1) from None
    echo(told(done) if done else nothing)
