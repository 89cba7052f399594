"""The store, loaded after the first screen: the engine, and the modules the views import.

SQLAlchemy, SQLModel and the store take about 0.3 s to import, more than the
rest of the app's start together. On an SQLite file the meetings view reads its
first screen without them (`store.first_screen`); then the app calls `load` in a
worker thread, which makes the engine and imports what the other views and
dialogs need, so that switching to them later imports nothing on the UI thread.
Every worker asks `engine()`, which waits while the engine is being made.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

PRELOADED = (
    "store.queries",
    "store.meeting_list",
    "store.edits",
    "store.paragraphs",
    "importers.swedish_dates",
    "tui.people_index",
    "tui.screens.people",
    "tui.screens.history",
    "tui.screens.transfer",
    "tui.screens.help",
)
"""Imported by `load` once the engine is made: what views and dialogs import when first shown."""


class StoreLoader:
    """The app's one engine, given, or made from `database` by whichever thread asks first."""

    def __init__(self, engine: Engine | None = None, database: str | None = None) -> None:
        if (engine is None) == (database is None):
            raise ValueError("give either an engine or a database")
        self.database = database
        self._engine = engine
        self._lock = threading.Lock()

    def engine(self) -> Engine:
        """The engine, made now if it is not yet (call it from a worker thread, not the UI's).

        Raises what `store.db.make_engine` raises (a `SchemaError`), again at the next call.
        """
        with self._lock:
            if self._engine is None:
                from store.db import make_engine

                assert self.database is not None
                self._engine = make_engine(self.database)
            return self._engine

    @property
    def made(self) -> bool:
        """Whether the engine exists (given, or made)."""
        return self._engine is not None

    def load(self) -> None:
        """Make the engine, then import the modules the other views need (in a worker thread)."""
        self.engine()
        for name in PRELOADED:
            importlib.import_module(name)
