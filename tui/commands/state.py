"""What every CLI command shares: the database it was pointed at."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import typer
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url

from store.db import make_engine
from store.schema import SchemaError
from tui.i18n import t


@dataclass
class CliState:
    """The global options, resolved once by the top-level callback."""

    database: str
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self, *, create: bool = False) -> Engine:
        """The engine for `database`, made on first use (one per process).

        Only `create=True` (an import) may make a new database file: a command
        that reads, pointed at a file that is not there, says so and exits 1.
        An upgrade of an older database is announced on stderr; a database that
        cannot be made current ends the command with its message and status 1.
        """
        if self._engine is None:
            if not create and self.missing():
                typer.echo(t("cli.no_database", path=self.database), err=True)
                raise typer.Exit(1)
            try:
                self._engine = make_engine(self.database, on_upgrade=_tell)
            except SchemaError as error:
                typer.echo(f"protokoll: {error}", err=True)
                raise typer.Exit(1) from None
        return self._engine

    def missing(self) -> bool:
        """Whether the database is a file path with no file there."""
        return "://" not in self.database and not Path(self.database).expanduser().exists()

    def shown(self) -> str:
        """The database as the user should read it: the path, or the URL without password."""
        if "://" in self.database:
            return make_url(self.database).render_as_string(hide_password=True)
        return str(Path(self.database).expanduser().resolve())


def _tell(message: str) -> None:
    typer.echo(message, err=True)


def state_of(ctx: typer.Context) -> CliState:
    """The `CliState` the top-level callback put on the context."""
    root = ctx.find_root()
    assert isinstance(root.obj, CliState), "the protokoll callback sets the state"
    return root.obj
