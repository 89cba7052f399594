"""What every CLI command shares: the database it was pointed at."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tui.i18n import t

if TYPE_CHECKING:  # the store (and SQLAlchemy) load only when a command opens the database
    from sqlalchemy.engine import Engine

    from tui.app import ProtokollApp


@dataclass
class CliState:
    """The global options, resolved once by the top-level callback."""

    given: str | None = None
    """`--db` as typed, if it was."""
    _engine: Engine | None = field(default=None, repr=False)

    @cached_property
    def database(self) -> str:
        """`--db`, else the default database (looked up only when a command needs one)."""
        from store.location import default_database

        return self.given or default_database()

    def engine(self, *, create: bool = False) -> Engine:
        """The engine for `database`, made on first use (one per process).

        Only `create=True` (an import) may make a new database file: a command
        that reads, pointed at a file that is not there, says so and exits 1.
        An upgrade of an older database is announced on stderr; a database that
        cannot be made current ends the command with its message and status 1.
        """
        if self._engine is None:
            from store.db import make_engine
            from store.schema import SchemaError

            if not create and self.missing():
                typer.echo(t("cli.no_database", path=self.database), err=True)
                raise typer.Exit(1)
            try:
                self._engine = make_engine(self.database, on_upgrade=_tell)
            except SchemaError as error:
                typer.echo(f"protokoll: {error}", err=True)
                raise typer.Exit(1) from None
        return self._engine

    def make_app(self, lang: str) -> ProtokollApp:
        """The app on `database`, in `lang` (`protokoll` runs it; the start benchmark too).

        On an SQLite file at the current schema the app starts at once and
        makes its engine after the first screen. Otherwise the engine comes
        first: an upgrade is announced, and a missing file or a schema that
        cannot be made current ends the command with its message.
        """
        from store.first_screen import at_head
        from store.location import sqlite_file
        from tui.app import ProtokollApp  # here: the CLI's other commands need no Textual

        path = sqlite_file(self.database)
        if path is not None and at_head(path):
            return ProtokollApp(database=str(path), lang=lang)
        return ProtokollApp(engine=self.engine(), lang=lang)

    def missing(self) -> bool:
        """Whether the database is a file path with no file there."""
        return "://" not in self.database and not Path(self.database).expanduser().exists()

    def shown(self) -> str:
        """The database as the user should read it: the path, or the URL without password."""
        if "://" in self.database:
            from sqlalchemy.engine.url import make_url

            return make_url(self.database).render_as_string(hide_password=True)
        return str(Path(self.database).expanduser().resolve())


def _tell(message: str) -> None:
    typer.echo(message, err=True)


def state_of(ctx: typer.Context) -> CliState:
    """The `CliState` the top-level callback put on the context."""
    root = ctx.find_root()
    assert isinstance(root.obj, CliState), "the protokoll callback sets the state"
    return root.obj
