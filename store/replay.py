"""Putting one history entry's row changes back into effect, or taking them back.

Each change is checked before it is applied: the row it names (by uid) must be
there, and hold what the change left in it (undo) or found in it (redo). A
change that does not fit raises `RowMissing` or `RowChanged`, and the caller
rolls the whole entry back, so nothing is half undone and no other row is
touched.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select, update

from store.identities import (
    TREE,
    WHOLE_ROW,
    Identities,
    RowChanged,
    RowMissing,
    delete_row,
    delete_tree,
    read_row,
    restore_tree,
    tree_snapshot,
)
from store.models import EditLog
from store.values import table_of

_LOG = table_of("editlog")


def apply_batch(conn: Connection, batch_id: int, *, forward: bool) -> None:
    """Redo (`forward`) or undo every change of one entry, in order or in reverse."""
    query = select(_LOG).where(_LOG.c.batch == batch_id).order_by(_LOG.c.id)
    changes = [row._mapping for row in conn.execute(query)]
    ids = Identities(conn)
    for change in changes if forward else reversed(changes):
        if change["field"] == TREE:
            _apply_tree(ids, change, forward)
        elif change["field"] == WHOLE_ROW:
            _apply_row(ids, change, forward)
        else:
            _apply_field(ids, change, forward)


def _apply_field(ids: Identities, change: Any, forward: bool) -> None:
    table_name, field, uid = change["table_name"], change["field"], change["row_uid"]
    row = read_row(ids.conn, table_name, uid)
    if row is None:
        raise RowMissing(table_name, uid)
    found, wanted = (
        (change["old_value"], change["new_value"])
        if forward
        else (change["new_value"], change["old_value"])
    )
    if ids.logged(table_name, field, row[field], row) != _loads(found):
        raise RowChanged(table_name, field)
    value = ids.stored(table_name, field, _loads(wanted), row)
    table = table_of(table_name)
    ids.conn.execute(update(table).where(table.c.uid == uid).values({field: value}))


def _apply_row(ids: Identities, change: Any, forward: bool) -> None:
    """A whole row: an insert (no old value) or a delete (its old value is the row)."""
    table_name, uid = change["table_name"], change["row_uid"]
    inserting = (change["old_value"] is None) == forward
    if inserting:
        snapshot = change["new_value"] if forward else change["old_value"]
        if snapshot is None:  # an insert never undone has nothing to make again from
            raise RowMissing(table_name, uid)
        ids.restore(table_name, json.loads(snapshot))
        return
    row = read_row(ids.conn, table_name, uid)
    if row is None:
        raise RowMissing(table_name, uid)
    if change["old_value"] is None:  # an insert taken back: keep the row for its redo
        _keep(ids.conn, change, json.dumps(ids.snapshot(table_name, row), ensure_ascii=False))
    delete_row(ids.conn, table_name, uid)
    ids.forget()


def _apply_tree(ids: Identities, change: Any, forward: bool) -> None:
    """A whole imported meeting: added (no old value) or removed by a re-import."""
    uid = change["row_uid"]
    adding = (change["old_value"] is None) == forward
    if adding:
        snapshot = change["new_value"] if forward else change["old_value"]
        if snapshot is None:
            raise RowMissing("meeting", uid)
        restore_tree(ids, snapshot)
        return
    if change["old_value"] is None:
        _keep(ids.conn, change, tree_snapshot(ids, uid))
    delete_tree(ids, uid)


def _keep(conn: Connection, change: Any, snapshot: str) -> None:
    """Store what an insert made, taken as it is undone, so that redo can make it again."""
    log = EditLog.__table__  # type: ignore[attr-defined]
    conn.execute(update(log).where(log.c.id == change["id"]).values(new_value=snapshot))


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)
