"""What every CLI command shares: the database it was pointed at."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer
from sqlalchemy.engine import Engine

from store.db import make_engine


@dataclass
class CliState:
    """The global options, resolved once by the top-level callback."""

    database: str
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self) -> Engine:
        """The engine for `database`, made on first use (one per process)."""
        if self._engine is None:
            self._engine = make_engine(self.database)
        return self._engine


def state_of(ctx: typer.Context) -> CliState:
    """The `CliState` the top-level callback put on the context."""
    root = ctx.find_root()
    assert isinstance(root.obj, CliState), "the protokoll callback sets the state"
    return root.obj
