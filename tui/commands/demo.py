"""`protokoll demo`: the app on a copy of `sample.db`, so the committed sample never changes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import typer
from platformdirs import user_data_dir

from tui.i18n import language, t

SAMPLE_DB = Path(__file__).resolve().parents[2] / "sample.db"
"""The sample database beside the source tree (an editable install, or a clone)."""
DEMO_NAME = "demo.db"


def register(app: typer.Typer) -> None:
    """Add the `demo` command to `app`."""
    app.command("demo", help="cli.demo")(demo_command)


def demo_path() -> Path:
    """Where the demo copy lives: the user's data directory."""
    return Path(user_data_dir("protokoll")) / DEMO_NAME


def demo_copy(*, fresh: bool = False, sample: Path = SAMPLE_DB) -> Path:
    """The demo copy of `sample`, made on first use (or again with `fresh`)."""
    target = demo_path()
    if target.exists() and not fresh:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # A byte copy only reads the sample: opening it with SQLite could leave a -wal beside it.
    shutil.copyfile(sample, target)
    return target


def demo_command(
    fresh: Annotated[bool, typer.Option("--fresh", help="cli.demo.fresh")] = False,
    path_only: Annotated[bool, typer.Option("--path", help="cli.demo.path")] = False,
) -> None:
    """Open the app on the demo copy of the sample database."""
    if not SAMPLE_DB.exists():
        typer.echo(t("cli.demo.no_sample", path=SAMPLE_DB), err=True)
        raise typer.Exit(1)
    copy = demo_copy(fresh=fresh)
    if path_only:
        typer.echo(str(copy))
        return
    typer.echo(t("cli.demo.opening", path=copy), err=True)
    from tui.commands.state import CliState

    CliState(given=str(copy)).make_app(language()).run()
