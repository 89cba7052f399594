"""Attendance keeps the function written after a name (`Anna Berg (S), vice ordförande`).

The parser read it before; only the chair, secretary and adjusters it names were
stored (as officers). Meetings imported earlier keep an empty function: their
files are unchanged, so importing them again skips them by their hash.

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


def upgrade() -> None:
    """Upgrade the schema."""
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("function", sa.String(), nullable=True))


def downgrade() -> None:
    """Downgrade the schema (the functions are lost)."""
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_column("function")
