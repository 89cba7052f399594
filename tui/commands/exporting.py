"""`protokoll export`: write meetings, attendance, agenda items or people as CSV."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from store.export import TABLE_NAMES, export_all, export_table
from tui.commands.state import state_of
from tui.i18n import plural, t
from tui.terminal_text import TerminalSafeWriter, echo

ExcelOption = Annotated[
    bool,
    typer.Option("--excel", help="cli.export.excel"),
]
OutFileOption = Annotated[
    str | None,
    typer.Option("--out", "-o", help="cli.export.out", metavar="FILE|FOLDER"),
]

export_app = typer.Typer(help="cli.export", no_args_is_help=True, rich_markup_mode=None)


def register(app: typer.Typer) -> None:
    """Add the `export` command group to `app`."""
    app.add_typer(export_app, name="export", help="cli.export")


def _table_command(name: str) -> Callable[..., None]:
    def command(ctx: typer.Context, out: OutFileOption = None, excel: ExcelOption = False) -> None:
        _export_one(ctx, name, out, excel)

    return command


for _name in TABLE_NAMES:
    export_app.command(_name, help=f"cli.export.{_name}")(_table_command(_name))


@export_app.command("all", help="cli.export.all")
def export_everything(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="cli.export.all.out", metavar="FOLDER", show_default=False
        ),
    ],
    excel: ExcelOption = False,
) -> None:
    """Export every table, each to its own file in one folder."""
    try:
        paths = export_all(state_of(ctx).engine(), out, excel=excel)
    except OSError as error:
        _fail(t("cli.export.cannot_write", path=out, why=error.strerror or error))
    names = ", ".join(p.name for p in paths.values())
    echo(t("cli.export.wrote_all", names=names, folder=out), err=True)


def _export_one(ctx: typer.Context, name: str, written: str | None, excel: bool) -> None:
    engine = state_of(ctx).engine()
    if written is None:
        # Bytes, not the text stream: the export is UTF-8 whatever the terminal's encoding.
        stream = io.TextIOWrapper(typer.get_binary_stream("stdout"), encoding="utf-8", newline="")
        try:
            # Cells may hold controls (an older database): a terminal must not obey them.
            export_table(engine, name, TerminalSafeWriter(stream), excel=excel)  # type: ignore[arg-type]
        finally:
            stream.flush()
            stream.detach()
        return
    out = file_for(written, name)
    try:
        with out.open("w", encoding="utf-8", newline="") as stream:
            count = export_table(engine, name, stream, excel=excel)
    except OSError as error:
        _fail(t("cli.export.cannot_write", path=out, why=error.strerror or error))
    echo(plural(count, "cli.export.wrote.one", "cli.export.wrote", path=out), err=True)


def file_for(written: str, name: str) -> Path:
    """`--out exports/` (an existing folder, or ending in /) means `exports/<name>.csv`."""
    out = Path(written).expanduser()
    if out.is_dir() or written.endswith(("/", "\\")):
        out.mkdir(parents=True, exist_ok=True)
        return out / f"{name}.csv"
    return out


def _fail(message: str) -> None:
    echo(message, err=True)
    raise typer.Exit(1)
