"""Rows by identity: every row has a `uid` that no other row is ever given.

The history refers to rows only by uid. A column that points at another row
(`person_id`, `meeting_id`, a declared-different pair's ids) is logged as the uid
of the row it points at, and turned back into that row's id, whatever it is by
then, when the change is undone or redone. Here: reading, snapshotting,
restoring and deleting rows by uid, one row or a whole imported meeting.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from store.values import plain, table_of, typed

WHOLE_ROW = "*"
"""The `field` of a logged change that inserted or deleted a whole row."""
TREE = "**"
"""The `field` of a logged change that added or removed an imported meeting, all its rows."""
TREE_TABLES = ("sourcedocument", "meeting", "attendance", "officer", "agendaitem", "importwarning")
"""The tables of an imported meeting, in the order they are restored (references first)."""
_PAIR_IDS = frozenset({"first_id", "second_id"})


class RowMissing(LookupError):
    """A row the history refers to is not there (or, for an insert, is there already)."""

    def __init__(self, table_name: str, uid: str, *, present: bool = False) -> None:
        super().__init__(f"{table_name} {uid} {'is already there' if present else 'is missing'}")
        self.table_name = table_name
        self.uid = uid
        self.present = present


class RowChanged(LookupError):
    """A row's field no longer holds what the history expects it to."""

    def __init__(self, table_name: str, field: str) -> None:
        super().__init__(f"{table_name}.{field} has changed")
        self.table_name = table_name
        self.field = field


def reference_target(table_name: str, field: str, row: Mapping[str, Any]) -> str | None:
    """The table whose row `table_name.field` points at, or None for a plain value."""
    if table_name == "distinctpair" and field in _PAIR_IDS:
        return str(row["kind"])
    column = table_of(table_name).c.get(field)
    if column is None or not column.foreign_keys:
        return None
    return next(iter(column.foreign_keys)).column.table.name


class Identities:
    """Id-to-uid lookups within one transaction, remembered (a merge meets the same few)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._uids: dict[tuple[str, int], str] = {}
        self._ids: dict[tuple[str, str], int] = {}

    def uid_of(self, table_name: str, row_id: int) -> str:
        """The uid of the row `row_id` of `table_name`."""
        found = self._uids.get((table_name, row_id))
        if found is None:
            table = table_of(table_name)
            found = self.conn.execute(select(table.c.uid).where(table.c.id == row_id)).scalar()
            if found is None:
                raise RowMissing(table_name, f"id {row_id}")
            self.remember(table_name, row_id, found)
        return found

    def id_of(self, table_name: str, uid: str) -> int:
        """The id the row with `uid` has now; `RowMissing` when there is none."""
        found = self._ids.get((table_name, uid))
        if found is None:
            table = table_of(table_name)
            found = self.conn.execute(select(table.c.id).where(table.c.uid == uid)).scalar()
            if found is None:
                raise RowMissing(table_name, uid)
            self.remember(table_name, found, uid)
        return found

    def remember(self, table_name: str, row_id: int, uid: str) -> None:
        """Note that the row `row_id` of `table_name` has `uid`."""
        self._uids[(table_name, row_id)] = uid
        self._ids[(table_name, uid)] = row_id

    def forget(self) -> None:
        """Forget every lookup (rows were deleted)."""
        self._uids.clear()
        self._ids.clear()

    # -- values as logged ------------------------------------------------------------------

    def logged(self, table_name: str, field: str, value: Any, row: Mapping[str, Any]) -> Any:
        """`value` of `table_name.field` as the history keeps it: a reference as a uid."""
        target = reference_target(table_name, field, row)
        if target is not None and value is not None:
            return self.uid_of(target, value)
        return plain(value)

    def stored(self, table_name: str, field: str, value: Any, row: Mapping[str, Any]) -> Any:
        """A logged value of `table_name.field` as the database holds it now."""
        target = reference_target(table_name, field, row)
        if target is not None and value is not None:
            return self.id_of(target, value)
        return typed(table_of(table_name), field, value)

    # -- whole rows --------------------------------------------------------------------------

    def snapshot(self, table_name: str, row: Mapping[str, Any]) -> dict[str, Any]:
        """Every column of a row, JSON-ready, references as uids (the id kept as a hint)."""
        table = table_of(table_name)
        return {c.name: self.logged(table_name, c.name, row[c.name], row) for c in table.c}

    def restore(self, table_name: str, snapshot: Mapping[str, Any]) -> None:
        """Insert a snapshotted row again: under its old id when that is free, else a new one."""
        table = table_of(table_name)
        values = {
            name: self.stored(table_name, name, value, snapshot)
            for name, value in snapshot.items()
            if name in table.c and name != "id"
        }
        if read_row(self.conn, table_name, values["uid"]) is not None:
            raise RowMissing(table_name, values["uid"], present=True)
        taken = self.conn.execute(select(table.c.id).where(table.c.id == snapshot["id"])).first()
        if taken is None:
            values["id"] = snapshot["id"]
        new_id = self.conn.execute(insert(table).values(values)).inserted_primary_key[0]
        self.remember(table_name, new_id, values["uid"])


def read_row(conn: Connection, table_name: str, uid: str) -> Mapping[str, Any] | None:
    """The row of `table_name` with `uid`, as a mapping, or None."""
    table = table_of(table_name)
    found = conn.execute(select(table).where(table.c.uid == uid)).first()
    return None if found is None else found._mapping


def delete_row(conn: Connection, table_name: str, uid: str) -> None:
    """Delete the row of `table_name` with `uid`."""
    table = table_of(table_name)
    conn.execute(delete(table).where(table.c.uid == uid))


def row_values(row: Any) -> dict[str, Any]:
    """An ORM row's columns as a mapping."""
    table = table_of(row.__tablename__)
    return {c.name: getattr(row, c.name) for c in table.c}


# --- an imported meeting, whole ---------------------------------------------------------------


def tree_snapshot(ids: Identities, meeting_uid: str) -> str:
    """The meeting with `meeting_uid`, its rows and its source document, as JSON."""
    meeting = read_row(ids.conn, "meeting", meeting_uid)
    if meeting is None:
        raise RowMissing("meeting", meeting_uid)
    tree: dict[str, list[dict[str, Any]]] = {name: [] for name in TREE_TABLES}
    tree["meeting"].append(ids.snapshot("meeting", meeting))
    for name in TREE_TABLES[2:]:
        table = table_of(name)
        query = select(table).where(table.c.meeting_id == meeting["id"]).order_by(table.c.id)
        tree[name] = [ids.snapshot(name, r._mapping) for r in ids.conn.execute(query)]
    if meeting["source_id"] is not None:
        source = table_of("sourcedocument")
        query = select(source).where(source.c.id == meeting["source_id"])
        tree["sourcedocument"] = [
            ids.snapshot("sourcedocument", r._mapping) for r in ids.conn.execute(query)
        ]
    return json.dumps(tree, ensure_ascii=False)


def restore_tree(ids: Identities, snapshot: str) -> None:
    """Insert a meeting snapshotted by `tree_snapshot` again, every row of it."""
    tree = json.loads(snapshot)
    for name in TREE_TABLES:
        for row in tree.get(name, []):
            ids.restore(name, row)


def delete_tree(ids: Identities, meeting_uid: str) -> None:
    """Delete the meeting with `meeting_uid`, its rows, its warnings and its source document."""
    meeting = read_row(ids.conn, "meeting", meeting_uid)
    if meeting is None:
        raise RowMissing("meeting", meeting_uid)
    for name in reversed(TREE_TABLES[2:]):
        table = table_of(name)
        ids.conn.execute(delete(table).where(table.c.meeting_id == meeting["id"]))
    ids.conn.execute(delete(table_of("meeting")).where(table_of("meeting").c.uid == meeting_uid))
    if meeting["source_id"] is not None:
        warning, source = table_of("importwarning"), table_of("sourcedocument")
        ids.conn.execute(delete(warning).where(warning.c.source_id == meeting["source_id"]))
        ids.conn.execute(delete(source).where(source.c.id == meeting["source_id"]))
    ids.forget()
