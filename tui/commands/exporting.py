"""`protokoll export`: write meetings, attendance, agenda items or people as CSV."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from store.export import TABLE_NAMES, export_all, export_table
from tui.commands.state import state_of
from tui.terminal_text import TerminalSafeWriter, echo

TABLE_HELP = {
    "meetings": "Export one row per meeting: body, date, times, place, officers, source file.",
    "attendance": "Export one row per attendee per meeting: name as written and canonical, "
    "party, organisation, role, present, paragraphs attended (when not all).",
    "agenda": "Export one row per agenda item: number, title, decisions and attachments.",
    "people": "Export one row per person: spellings, parties, organisations, meetings attended.",
}
"""The help text of each table's command."""

ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="Write for Swedish Excel: semicolon-separated, UTF-8 with a byte-order mark.",
    ),
]
OutFileOption = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="Write to this file instead of standard output.", dir_okay=False
    ),
]

export_app = typer.Typer(
    help="Export the database as CSV (comma-separated UTF-8, or --excel).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    """Add the `export` command group to `app`."""
    app.add_typer(export_app, name="export")


def _table_command(name: str) -> Callable[..., None]:
    def command(ctx: typer.Context, out: OutFileOption = None, excel: ExcelOption = False) -> None:
        _export_one(ctx, name, out, excel)

    command.__doc__ = TABLE_HELP[name]
    return command


for _name in TABLE_NAMES:
    export_app.command(_name, help=TABLE_HELP[_name])(_table_command(_name))


@export_app.command("all")
def export_everything(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write meetings.csv, attendance.csv, agenda.csv and "
            "people.csv into (made if missing).",
            file_okay=False,
            show_default=False,
        ),
    ],
    excel: ExcelOption = False,
) -> None:
    """Export every table, each to its own file in one folder."""
    try:
        paths = export_all(state_of(ctx).engine(), out, excel=excel)
    except OSError as error:
        _fail(f"Cannot write to {out}: {error.strerror or error}")
    echo(f"Wrote {', '.join(p.name for p in paths.values())} to {out}", err=True)


def _export_one(ctx: typer.Context, name: str, out: Path | None, excel: bool) -> None:
    engine = state_of(ctx).engine()
    if out is None:
        # Bytes, not the text stream: the export is UTF-8 whatever the terminal's encoding.
        stream = io.TextIOWrapper(typer.get_binary_stream("stdout"), encoding="utf-8", newline="")
        try:
            # Cells may hold controls (an older database): a terminal must not obey them.
            export_table(engine, name, TerminalSafeWriter(stream), excel=excel)  # type: ignore[arg-type]
        finally:
            stream.flush()
            stream.detach()
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as stream:
            count = export_table(engine, name, stream, excel=excel)
    except OSError as error:
        _fail(f"Cannot write {out}: {error.strerror or error}")
    echo(f"Wrote {count} {name} row{'' if count == 1 else 's'} to {out}", err=True)


def _fail(message: str) -> None:
    echo(message, err=True)
    raise typer.Exit(1)
