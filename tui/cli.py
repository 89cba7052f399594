"""The `protokoll` command: opens the app, or runs one command on a database."""

from __future__ import annotations

from typing import Annotated

import typer

from tui import cli_language
from tui.commands import demo, exporting, history, importing, orgs, people
from tui.commands.state import CliState, state_of
from tui.i18n import LANG_ENV_VAR, LANGUAGES, choose_language, language, set_language, t

cli_language.install()
app = typer.Typer(
    name="protokoll",
    cls=cli_language.LocalizedGroup,
    help="cli.help",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)
importing.register(app)
exporting.register(app)
people.register(app)
orgs.register(app)
history.register(app)
demo.register(app)


def _show_version(wanted: bool) -> None:
    """`--version`: the installed package's version, then exit (nothing else is loaded)."""
    if wanted:
        from importlib.metadata import PackageNotFoundError, version

        try:
            shown = version("protokoll")
        except PackageNotFoundError:  # run from a clone that was never installed
            shown = "0+unknown"
        typer.echo(f"protokoll {shown}")
        raise typer.Exit()


def _check_lang(value: str | None) -> str | None:
    if value is not None and value.strip().lower()[:2] not in LANGUAGES:
        raise typer.BadParameter(t("cli.bad_lang", lang=value, known=", ".join(LANGUAGES)))
    return value


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", help="cli.option.db", metavar="FILE|URL", show_default=False),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="cli.option.lang",
            metavar="sv|en",
            envvar=LANG_ENV_VAR,
            callback=_check_lang,
            show_default=False,
            show_envvar=False,
        ),
    ] = None,
    show_version: Annotated[
        bool,
        typer.Option("--version", help="cli.option.version", callback=_show_version, is_eager=True),
    ] = False,
) -> None:
    """Open the app when no command is given."""
    set_language(choose_language(lang))
    ctx.obj = CliState(given=db)  # `protokoll people --help` needs no store
    if ctx.invoked_subcommand is None:
        open_app(ctx)


@app.command("tui", help="cli.tui")
def open_app(ctx: typer.Context) -> None:
    """Open the interactive app on the database."""
    state_of(ctx).make_app(language()).run()


def main() -> None:
    """Console-script entry point."""
    app()
