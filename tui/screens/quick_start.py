"""The meetings view's first screen in plain SQL, before the store is loaded: mixed into it.

On an SQLite file (`ProtokollApp(database=...)`) the first page and the newest
meeting are read with `store.first_screen`, without SQLAlchemy; once shown, the
app loads the store in the background (`tui.store_loading`). Until the engine
is made, a meeting the cursor moves to is read the same way.

Handlers are plain methods (not `@on`), as in the other mixins of the screen.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from tui.widgets.meeting_table import MeetingTable

if TYPE_CHECKING:
    from store.first_screen import FirstScreen
    from store.rows import MeetingDetail


class QuickStart:
    """Mixed into the meetings screen: its first screen and early details without the ORM."""

    plain_sql: Path | None = None
    """The SQLite file the first screen came from; None when it came through the engine."""

    def start_quickly(self) -> bool:
        """Start the plain-SQL read of the first screen; False when the app has no SQLite file."""
        path = self.app.first_screen_file  # type: ignore[attr-defined]
        if path is None:
            return False
        self.read_first_screen(path)
        return True

    @work(thread=True, exclusive=True, exit_on_error=False, group="version")
    def read_first_screen(self, path: Path) -> None:
        """The newest meetings and the newest one's detail, without the ORM."""
        from store import first_screen

        try:
            first = first_screen.read_sqlite(path) if first_screen.at_head(path) else None
        except sqlite3.Error:  # locked past the busy timeout, say: the engine's way tells why
            first = None
        if first is None:
            self.deliver(self.check_version)  # type: ignore[attr-defined]  # an upgrade, or a refusal
        else:
            self.deliver(self._show_first, first, path)  # type: ignore[attr-defined]

    def _show_first(self, first: FirstScreen, path: Path) -> None:
        self.plain_sql = path
        self.version = first.version
        table = self.query_one(MeetingTable)  # type: ignore[attr-defined]
        if first.detail is not None:
            self.requested = first.detail.id  # the cursor's first highlight asks for no more
        table.show_page(first.page)
        if first.page.rows:
            table.move_cursor(row=0)
        if first.detail is not None:
            self.show_detail(first.detail)  # type: ignore[attr-defined]
        self.show_status(first.total)  # type: ignore[attr-defined]
        self.app.call_after_refresh(self.app.load_store)  # type: ignore[attr-defined]

    def quick_detail(self, meeting_id: int) -> MeetingDetail | None:
        """In a worker, while the store loads: a meeting read as the first screen was.

        None when the engine is made (or the first screen came through it): ask the store.
        """
        if self.plain_sql is None or self.app.store.made:  # type: ignore[attr-defined]
            return None
        from store.first_screen import read_meeting

        try:
            return read_meeting(self.plain_sql, meeting_id)
        except sqlite3.Error:
            return None
