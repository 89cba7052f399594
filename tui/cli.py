"""The `protokoll` command: opens the app, or runs one command on a database."""

from __future__ import annotations

from typing import Annotated

import typer

from store.db import DB_ENV_VAR, default_database
from tui.commands import exporting, history, importing, orgs, people
from tui.commands.state import CliState, state_of

app = typer.Typer(
    name="protokoll",
    help="Turn council protocols into a clean database: import, review, reconcile, export.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)
importing.register(app)
exporting.register(app)
people.register(app)
orgs.register(app)
history.register(app)


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help=f"Database file or SQLAlchemy URL (default: ${DB_ENV_VAR}, else your data dir).",
        ),
    ] = None,
) -> None:
    """Open the app when no command is given."""
    ctx.obj = CliState(database=db or default_database())
    if ctx.invoked_subcommand is None:
        open_app(ctx)


@app.command("tui")
def open_app(ctx: typer.Context) -> None:
    """Open the interactive app on the database."""
    from tui.app import ProtokollApp  # imported here: the CLI's other commands need no Textual

    ProtokollApp(engine=state_of(ctx).engine()).run()


def main() -> None:
    """Console-script entry point."""
    app()
