"""Everything a database holds, in a comparable form, for tests that undo and redo."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

HISTORY_TABLES = frozenset({"historybatch", "editlog"})


def db_state(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the history's, in id order, every column (uids too)."""
    state: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in HISTORY_TABLES:
                continue
            rows = conn.execute(select(table).order_by(table.c.id))
            state[table.name] = [tuple(row) for row in rows]
    return state
