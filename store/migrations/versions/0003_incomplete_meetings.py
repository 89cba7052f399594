"""Meetings without a date or council, and attendance of only some paragraphs.

`meeting.body_id` and `meeting.date` may be empty (the protocol did not say);
`attendance` gets `paragraphs` (as written) and `paragraph_numbers` (ranges).
SQLite cannot drop a NOT NULL in place: batch mode rebuilds `meeting`, which
store/schema.py does with foreign keys off, so its attendance stays.

Revision ID: 0003_incomplete_meetings
Revises: 0002_identity
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_incomplete_meetings"
down_revision = "0002_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade the schema."""
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paragraphs", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("paragraph_numbers", sa.String(), nullable=True))

    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.alter_column("body_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.alter_column("date", existing_type=sa.DATE(), nullable=True)


def downgrade() -> None:
    """Downgrade the schema (fails while a meeting lacks its date or council)."""
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.alter_column("date", existing_type=sa.DATE(), nullable=False)
        batch_op.alter_column("body_id", existing_type=sa.INTEGER(), nullable=False)

    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_column("paragraph_numbers")
        batch_op.drop_column("paragraphs")
