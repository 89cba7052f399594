"""The app's one people index: built once per change of the data, by whoever asks first.

At 100,000 people building the index takes most of a second. The app starts
building it in the background shortly after its first screen (`WARM_SECONDS`),
so the People view usually finds it ready; a view that asks while it is being
built waits for that build instead of starting a second one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from store.search import PeopleIndex

WARM_SECONDS = 1.0
"""Seconds after start before the background build: the first screen's queries go first."""


class SharedPeopleIndex:
    """The current `PeopleIndex` of one database, with the data version it was built at."""

    def __init__(self, engine: Callable[[], Engine]) -> None:
        self._engine = engine
        """Gives the engine (waiting while the app makes it: see `tui.store_loading`)."""
        self._lock = threading.Lock()
        self._built: tuple[PeopleIndex, tuple[int, ...]] | None = None

    def get(self) -> tuple[PeopleIndex, tuple[int, ...]]:
        """The index for the data as it is now, rebuilt (in the calling thread) if it moved."""
        from store import queries
        from store.search import PeopleIndex

        with self._lock:
            engine = self._engine()
            version = queries.data_version(engine)
            if self._built is None or self._built[1] != version:
                self._built = (PeopleIndex.load(engine), version)
            return self._built

    def warm(self) -> None:
        """`get`, in the background: a failure is left for the People view to report when opened."""
        try:
            self.get()
        except Exception:  # nothing was asked for yet: the view asks again, and reports it
            return
