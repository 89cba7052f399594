"""What every CLI command shares: the database it was pointed at."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer
from sqlalchemy.engine import Engine

from store.db import make_engine
from store.schema import SchemaError


@dataclass
class CliState:
    """The global options, resolved once by the top-level callback."""

    database: str
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self) -> Engine:
        """The engine for `database`, made on first use (one per process).

        An upgrade of an older database is announced on stderr; a database that
        cannot be made current ends the command with its message and status 1.
        """
        if self._engine is None:
            try:
                self._engine = make_engine(self.database, on_upgrade=_tell)
            except SchemaError as error:
                typer.echo(f"protokoll: {error}", err=True)
                raise typer.Exit(1) from None
        return self._engine


def _tell(message: str) -> None:
    typer.echo(message, err=True)


def state_of(ctx: typer.Context) -> CliState:
    """The `CliState` the top-level callback put on the context."""
    root = ctx.find_root()
    assert isinstance(root.obj, CliState), "the protokoll callback sets the state"
    return root.obj
