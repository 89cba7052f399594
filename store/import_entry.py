"""The history entry of one imported file, written in two statements once the file is stored.

An import's entry says the same as any other (see `store.history`): the rows it
inserted by uid, the meeting it added and the one it replaced, whole. It is
only written differently: its changes are kept here while the file is stored,
then the entry and all its changes go in at the end, one INSERT and one
`executemany` on the driver (`store.bulk`), inside the file's savepoint.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, bindparam, insert, update

from store.bulk import Driver, Statement
from store.history import ACTIONS
from store.identities import TREE, WHOLE_ROW, Identities, tree_snapshot
from store.models import EditLog, HistoryBatch, utc_now

_BATCH: Table = HistoryBatch.__table__  # type: ignore[attr-defined]
_LOG: Table = EditLog.__table__  # type: ignore[attr-defined]
_ENTRY_COLUMNS = (
    "at", "action", "summary", "meeting_id", "meeting_uid", "meeting_label", "person_label",
    "undone", "discarded",
)  # fmt: skip
_LOG_COLUMNS = ("batch", "table_name", "row_uid", "field", "old_value", "new_value")
_DISCARD = Statement(
    update(_BATCH).where(_BATCH.c.undone, ~_BATCH.c.discarded).values(discarded=True)
)
_NEW_ENTRY = Statement(
    insert(_BATCH).values({name: bindparam(name) for name in _ENTRY_COLUMNS}), returns_id=_BATCH
)

Change = tuple[str, str, str, str | None, str | None]
"""table, row uid, field, old value, new value: one `EditLog` row without its entry."""


class ImportEntry:
    """The entry of one file's import or re-import, gathered while the file is stored."""

    def __init__(self, driver: Driver, action: str) -> None:
        """`action` is "import" or "reimport"."""
        if action not in ACTIONS:
            raise ValueError(f"unknown history action {action!r}")
        self.driver = driver
        self.action = action
        self.changes: list[Change] = []

    def inserted(self, table_name: str, uids: Iterable[str]) -> None:
        """Rows inserted into `table_name`, by uid; undo takes them as they are then."""
        self.changes.extend((table_name, uid, WHOLE_ROW, None, None) for uid in uids)

    def meeting_removed(self, meeting_uid: str) -> None:
        """A meeting about to be removed, snapshotted whole now, so undo can put it back."""
        snapshot = tree_snapshot(Identities(self.driver.conn), meeting_uid)
        self.changes.append(("meeting", meeting_uid, TREE, snapshot, None))

    def meeting_added(self, meeting_uid: str) -> None:
        """The imported meeting, with its rows and source, just inserted."""
        self.changes.append(("meeting", meeting_uid, TREE, None, None))

    def finish(self, summary: str, meeting: tuple[int, str, str], *, discard: bool) -> None:
        """Write the entry: `meeting` is (id, uid, label); `discard` ends what could be redone.

        `discard` may be False only when an earlier entry of the same transaction
        discarded it already: nothing can be undone between the two.
        """
        if discard:
            self.driver.execute(_DISCARD, {})
        values: dict[str, Any] = {
            "at": utc_now(),
            "action": self.action,
            "summary": summary,
            "meeting_id": meeting[0],
            "meeting_uid": meeting[1],
            "meeting_label": meeting[2],
            "person_label": None,
            "undone": False,
            "discarded": False,
        }
        entry_id = self.driver.insert(_NEW_ENTRY, values)
        rows = [(entry_id, *change) for change in self.changes]
        self.driver.insert_rows(_LOG, _LOG_COLUMNS, rows)
