"""Attendance keeps the function written after a name (`Anna Berg (S), vice ordförande`).

The parser read it before; only the chair, secretary and adjusters it names were
stored (as officers). Meetings imported earlier have their stored text read
again for it (importing their unchanged files again would skip them by hash):
a row gets the function the parser finds at its position only while it still
carries the name the parser read there, so rows added, removed or renamed since
are left empty.

Revision ID: 0005_attendance_function
Revises: 0004_history
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_attendance_function"
down_revision = "0004_history"
branch_labels = None
depends_on = None


MEETINGS_AT_ONCE = 200
"""Meetings whose texts are read into memory at a time."""


def upgrade() -> None:
    """Upgrade the schema."""
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("function", sa.String(), nullable=True))
    fill_in_functions(op.get_bind())


def fill_in_functions(conn: sa.Connection) -> None:
    """Read each stored meeting's text again for the functions its attendance list names."""
    from importers import parse_text  # the parser, only for an upgrade

    meetings = sa.text(
        "SELECT m.id, s.file_name, s.text FROM meeting m JOIN sourcedocument s"
        " ON s.id = m.source_id WHERE m.id > :after ORDER BY m.id LIMIT :limit"
    )
    rows = sa.text("SELECT id, position, name_as_written FROM attendance WHERE meeting_id = :id")
    fill = sa.text("UPDATE attendance SET function = :function WHERE id = :id")
    after = 0
    while batch := conn.execute(meetings, {"after": after, "limit": MEETINGS_AT_ONCE}).all():
        for meeting_id, file_name, text in batch:
            try:
                attendees = parse_text(text, file_name).attendees
            except Exception:  # a text the parser cannot read now: its rows stay empty
                continue
            if not any(a.function for a in attendees):
                continue  # most meetings: no need to read their rows
            stored = {
                position: (row_id, name)
                for row_id, position, name in conn.execute(rows, {"id": meeting_id})
            }
            found = [
                {"id": stored[i][0], "function": a.function}
                for i, a in enumerate(attendees)
                if a.function and i in stored and stored[i][1] == a.name
            ]
            if found:
                conn.execute(fill, found)
        after = batch[-1][0]


def downgrade() -> None:
    """Downgrade the schema (the functions are lost)."""
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_column("function")
