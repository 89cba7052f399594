"""Many rows into one table through the driver's own `executemany`, as plain tuples.

SQLAlchemy's per-row parameter processing costs more than SQLite's insert
itself; child rows of a protocol (tens a file, hundreds of thousands a run)
need none of it: their values are already what the driver takes (str, int,
bool, None). The same statement runs on SQLite (`?`) and PostgreSQL (`%s`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect

_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_rows(
    conn: Connection, table: Table, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert `rows` (tuples of `columns`' values, in order) into `table` in one executemany."""
    if not rows:
        return
    placeholder = _PLACEHOLDERS.get(conn.dialect.paramstyle)
    if placeholder is None:  # a driver of another style: SQLAlchemy binds the values
        conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    conn.exec_driver_sql(_statement(conn.dialect, table.name, columns, placeholder), rows)


@lru_cache(maxsize=64)
def _statement(dialect: Dialect, table: str, columns: tuple[str, ...], placeholder: str) -> str:
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(placeholder for _ in columns)
    return f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"
