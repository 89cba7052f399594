"""Alembic's environment: always run on a connection store/schema.py hands over.

store/schema.py takes the write lock (SQLite `BEGIN IMMEDIATE`, a PostgreSQL
advisory lock) and passes its connection in `config.attributes["connection"]`,
so the whole upgrade is one transaction under that lock. Batch mode makes
SQLite `ALTER`s copy-and-rename tables, as SQLite needs.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

from store import models  # noqa: F401  (registers the tables on SQLModel.metadata)


def render_item(kind: str, item: Any, _context: Any) -> str | bool:
    """Write SQLModel's column types as plain SQLAlchemy ones, so revisions import no SQLModel."""
    if kind == "type" and isinstance(item, AutoString):
        return f"sa.String({item.length})" if item.length else "sa.String()"
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("protokoll's migrations run through store.schema, on its connection")
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
