"""One history by stable identities: a `uid` on every row, entries in `historybatch`.

Every row gets a fresh uid. The old edit log (one row per change, naming rows by
id, with its batch number, time, action and undone flag) becomes one
`historybatch` per batch and `editlog` rows naming rows by uid, with references
(`person_id`, a declared-different pair's ids) logged as uids and whole-row
snapshots carrying the row's uid, as store/identities.py expects. A row the old
log deleted gets a uid of its own, shared by every change of that batch that
names it. An undone batch older than one still in effect can no longer be
redone (`discarded`), as in the new history.

Revision ID: 0004_history
Revises: 0003_incomplete_meetings
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004_history"
down_revision = "0003_incomplete_meetings"
branch_labels = None
depends_on = None

TABLES = (
    "body",
    "organization",
    "organizationalias",
    "person",
    "personalias",
    "sourcedocument",
    "meeting",
    "attendance",
    "officer",
    "agendaitem",
    "importwarning",
    "distinctpair",
)
REFERENCES = {
    ("organizationalias", "organization_id"): "organization",
    ("personalias", "person_id"): "person",
    ("meeting", "body_id"): "body",
    ("meeting", "source_id"): "sourcedocument",
    ("attendance", "meeting_id"): "meeting",
    ("attendance", "person_id"): "person",
    ("attendance", "organization_id"): "organization",
    ("officer", "meeting_id"): "meeting",
    ("officer", "person_id"): "person",
    ("agendaitem", "meeting_id"): "meeting",
    ("importwarning", "meeting_id"): "meeting",
    ("importwarning", "source_id"): "sourcedocument",
}
"""Which column points at which table, as the schema stood at 0003."""
WHOLE_ROW = "*"


def upgrade() -> None:
    """Give every row a uid, then turn the old edit log into the new history."""
    conn = op.get_bind()
    for table in TABLES:
        _add_uids(conn, table)
    old_log = [dict(row._mapping) for row in conn.execute(sa.text(_OLD_LOG))]
    op.drop_table("editlog")
    _create_history_tables()
    _write_history(conn, old_log)


def downgrade() -> None:
    """Not supported: the old edit log cannot name rows a re-import has given new ids."""
    raise NotImplementedError("protokoll's history cannot be turned back into the old edit log")


def _add_uids(conn: sa.Connection, table: str) -> None:
    with op.batch_alter_table(table) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(32), nullable=True))
    ids = [row[0] for row in conn.execute(sa.text(f"SELECT id FROM {table}"))]
    if ids:
        conn.execute(
            sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
            [{"uid": _new_uid(), "id": row_id} for row_id in ids],
        )
    with op.batch_alter_table(table) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(32), nullable=False)
        batch_op.create_unique_constraint(f"uq_{table}_uid", ["uid"])


def _new_uid() -> str:
    return os.urandom(16).hex()


_OLD_LOG = (
    "SELECT id, batch, at, action, table_name, row_id, field, old_value, new_value,"
    " meeting_id, undone FROM editlog ORDER BY id"
)


def _create_history_tables() -> None:
    op.create_table(
        "historybatch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("meeting_uid", sa.String(), nullable=True),
        sa.Column("meeting_label", sa.String(), nullable=True),
        sa.Column("person_label", sa.String(), nullable=True),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.Column("discarded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_historybatch_meeting_id", "historybatch", ["meeting_id"])
    op.create_index("ix_historybatch_meeting_uid", "historybatch", ["meeting_uid"])
    op.create_index("ix_historybatch_undone", "historybatch", ["undone", "discarded"])
    op.create_table(
        "editlog",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("row_uid", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["batch"], ["historybatch.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_editlog_batch", "editlog", ["batch"])
    op.create_index("ix_editlog_row_uid", "editlog", ["row_uid"])


def _write_history(conn: sa.Connection, old_log: list[dict[str, Any]]) -> None:
    """One entry per old batch, its changes naming rows by uid."""
    batches: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for change in old_log:
        batches[change["batch"]].append(change)
    in_effect = [b for b, changes in batches.items() if not all(c["undone"] for c in changes)]
    newest_in_effect = max(in_effect, default=0)
    uids = _Uids(conn)
    for number, changes in sorted(batches.items()):
        undone = all(bool(c["undone"]) for c in changes)
        conn.execute(_INSERT_BATCH, _batch_row(conn, number, changes, undone, newest_in_effect))
        uids.start_batch(changes)
        conn.execute(_INSERT_CHANGE, [_change_row(uids, number, c) for c in changes])


_INSERT_BATCH = sa.text(
    "INSERT INTO historybatch (id, at, action, summary, meeting_id, meeting_uid, meeting_label,"
    " person_label, undone, discarded) VALUES (:id, :at, :action, :summary, :meeting_id,"
    " :meeting_uid, :meeting_label, :person_label, :undone, :discarded)"
)
_INSERT_CHANGE = sa.text(
    "INSERT INTO editlog (batch, table_name, row_uid, field, old_value, new_value)"
    " VALUES (:batch, :table_name, :row_uid, :field, :old_value, :new_value)"
)
_MEETING = sa.text(
    "SELECT m.uid, m.date, b.name FROM meeting m LEFT JOIN body b ON b.id = m.body_id"
    " WHERE m.id = :id"
)


def _batch_row(
    conn: sa.Connection, number: int, changes: list[dict[str, Any]], undone: bool, newest: int
) -> dict[str, Any]:
    first = changes[0]
    about_people = first["action"] in _ABOUT_PEOPLE
    meeting_id = next((c["meeting_id"] for c in changes if c["meeting_id"] is not None), None)
    if about_people:  # a merge touches many meetings' rows, but is about who is who
        meeting_id = None
    meeting = conn.execute(_MEETING, {"id": meeting_id}).first() if meeting_id else None
    label = None
    if meeting is not None:
        label = " ".join(str(part) for part in (meeting.date, meeting.name) if part) or None
    people = _names_in(changes) if about_people else None
    words = f"{first['action']} of {label or people}" if label or people else first["action"]
    return {
        "id": number,
        "at": first["at"],
        "action": first["action"],
        "summary": f"{words} (recorded by an earlier protokoll)",
        "meeting_id": meeting_id,
        "meeting_uid": meeting.uid if meeting is not None else None,
        "meeting_label": label,
        "person_label": people,
        "undone": undone,
        "discarded": undone and number < newest,
    }


_ABOUT_PEOPLE = ("merge", "split", "different")


def _names_in(changes: list[dict[str, Any]]) -> str | None:
    """The people or organisations a batch added or removed whole, by name."""
    names = []
    for change in changes:
        if change["field"] == WHOLE_ROW and change["table_name"] in ("person", "organization"):
            row = _loads(change["old_value"]) or _loads(change["new_value"]) or {}
            if row.get("name"):
                names.append(row["name"])
    return ", ".join(dict.fromkeys(names)) or None


def _change_row(uids: _Uids, number: int, change: dict[str, Any]) -> dict[str, Any]:
    table, field = change["table_name"], change["field"]
    old, new = _loads(change["old_value"]), _loads(change["new_value"])
    if field == WHOLE_ROW:
        old, new = uids.snapshot(table, old), uids.snapshot(table, new)
    else:
        old, new = uids.value(table, field, old, {}), uids.value(table, field, new, {})
    return {
        "batch": number,
        "table_name": table,
        "row_uid": uids.of(table, change["row_id"]),
        "field": field,
        "old_value": _dumps(old),
        "new_value": _dumps(new),
    }


class _Uids:
    """The uid an old log's row id stands for: the row's own, or one made for a deleted row."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.missing: dict[tuple[str, int], str] = {}
        self.deleted_here: dict[tuple[str, int], str] = {}

    def start_batch(self, changes: list[dict[str, Any]]) -> None:
        """Rows this batch deleted for good are not the rows that may hold their ids now."""
        self.deleted_here = {
            (c["table_name"], c["row_id"]): _new_uid()
            for c in changes
            if c["field"] == WHOLE_ROW and c["old_value"] is not None and not c["undone"]
        }

    def of(self, table: str, row_id: int) -> str:
        key = (table, row_id)
        if key in self.deleted_here:
            return self.deleted_here[key]
        found = self.conn.execute(
            sa.text(f"SELECT uid FROM {table} WHERE id = :id"), {"id": row_id}
        ).scalar()
        if found is None:
            found = self.missing.setdefault(key, _new_uid())
        return found

    def value(self, table: str, field: str, value: Any, row: dict[str, Any]) -> Any:
        """A logged value, a reference turned into the uid of the row it points at."""
        target = REFERENCES.get((table, field))
        if table == "distinctpair" and field in ("first_id", "second_id"):
            target = row.get("kind")
        if target is None or value is None:
            return value
        return self.of(target, value)

    def snapshot(self, table: str, row: dict[str, Any] | None) -> dict[str, Any] | None:
        if row is None:
            return None
        converted = {field: self.value(table, field, v, row) for field, v in row.items()}
        converted["uid"] = self.of(table, row["id"])
        return converted


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)
