"""Identity the database enforces: a document once by its content, a meeting once per document.

Databases written before this may hold the same document twice (two imports
that ran at once). Before the unique indexes are made, each set of copies is
cut to one: the copy someone reviewed or edited, else the first imported.

Revision ID: 0002_identity
Revises: 0001_release_0_1_0
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0002_identity"
down_revision = "0001_release_0_1_0"
branch_labels = None
depends_on = None

_COPIES = sa.text(
    "SELECT s.id AS source_id, s.content_hash, m.id AS meeting_id, m.reviewed"
    " FROM sourcedocument s LEFT JOIN meeting m ON m.source_id = s.id"
    " WHERE s.content_hash IN"
    " (SELECT content_hash FROM sourcedocument GROUP BY content_hash HAVING count(*) > 1)"
    " ORDER BY s.content_hash, s.id"
)
_EDITED = sa.text("SELECT DISTINCT meeting_id FROM editlog WHERE meeting_id IS NOT NULL")
_MEETING_CHILDREN = ("attendance", "officer", "agendaitem", "importwarning")


def upgrade() -> None:
    """Drop duplicate documents, then make content hash and meeting source unique."""
    _drop_duplicate_documents(op.get_bind())
    with op.batch_alter_table("sourcedocument") as batch_op:
        batch_op.drop_index("ix_sourcedocument_content_hash")
        batch_op.create_index("ix_sourcedocument_content_hash", ["content_hash"], unique=True)
    with op.batch_alter_table("meeting") as batch_op:
        batch_op.drop_index("ix_meeting_source_id")
        batch_op.create_index("ix_meeting_source_id", ["source_id"], unique=True)


def downgrade() -> None:
    """Back to plain indexes (the copies dropped on upgrade stay dropped)."""
    with op.batch_alter_table("meeting") as batch_op:
        batch_op.drop_index("ix_meeting_source_id")
        batch_op.create_index("ix_meeting_source_id", ["source_id"], unique=False)
    with op.batch_alter_table("sourcedocument") as batch_op:
        batch_op.drop_index("ix_sourcedocument_content_hash")
        batch_op.create_index("ix_sourcedocument_content_hash", ["content_hash"], unique=False)


def _drop_duplicate_documents(conn: sa.Connection) -> None:
    """Keep one copy of each document: reviewed or edited first, else the oldest."""
    copies = conn.execute(_COPIES).all()
    if not copies:
        return
    edited = {row[0] for row in conn.execute(_EDITED)}
    groups = defaultdict(list)
    for row in copies:
        groups[row.content_hash].append(row)
    for rows in groups.values():
        keep = max(rows, key=lambda r: (bool(r.reviewed), r.meeting_id in edited, -r.source_id))
        for row in rows:
            if row is not keep:
                _delete_copy(conn, row.source_id, row.meeting_id)


def _delete_copy(conn: sa.Connection, source_id: int, meeting_id: int | None) -> None:
    """One copy with its meeting and every row of it (foreign keys are off while migrating)."""
    if meeting_id is not None:
        for table in _MEETING_CHILDREN:
            conn.execute(sa.text(f"DELETE FROM {table} WHERE meeting_id = :id"), {"id": meeting_id})
        conn.execute(sa.text("DELETE FROM meeting WHERE id = :id"), {"id": meeting_id})
    conn.execute(sa.text("DELETE FROM importwarning WHERE source_id = :id"), {"id": source_id})
    conn.execute(sa.text("DELETE FROM sourcedocument WHERE id = :id"), {"id": source_id})
