"""Engines and sessions: where the database lives and how we talk to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import create_engine

from store import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from store.location import database_url, default_database

BUSY_TIMEOUT_MS = 10_000
WRITER_LOCK = 0x70726F74
"""PostgreSQL advisory lock key ("prot") that writers which decide-then-write take."""
SCHEMA_LOCK = WRITER_LOCK + 1
"""PostgreSQL advisory lock key held while the schema is created or upgraded."""


def make_engine(
    database: str | None = None,
    *,
    create: bool = True,
    on_upgrade: Callable[[str], None] | None = None,
) -> Engine:
    """Open the database at a path or URL, by default creating or upgrading its schema.

    SQLite gets WAL mode, foreign keys and a busy timeout; an in-memory SQLite
    database gets one shared connection, so worker threads see the same data.
    A database written by an earlier protokoll is upgraded in place (see
    `store.schema`); `on_upgrade` is told so in a sentence. Raises
    `store.schema.SchemaError` when the schema cannot be made current.
    """
    url = database_url(database or default_database())
    if url.startswith("sqlite"):
        engine = _make_sqlite_engine(url)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if create:
        from store.schema import ensure_schema  # store.schema needs this module

        ensure_schema(engine, on_upgrade=on_upgrade)
    return engine


@contextmanager
def write_transaction(engine: Engine, lock: int = WRITER_LOCK) -> Iterator[Connection]:
    """A transaction that holds the write lock from its first statement to its commit.

    What it reads is what it writes over: SQLite starts it with `BEGIN
    IMMEDIATE` (other writers wait for the busy timeout); PostgreSQL takes the
    advisory lock `lock` for the transaction. Two importers deciding "already
    imported?" and then inserting therefore take turns instead of both inserting.
    """
    with engine.connect() as conn, write_transaction_on(conn, lock):
        yield conn


@contextmanager
def write_transaction_on(conn: Connection, lock: int = WRITER_LOCK) -> Iterator[Connection]:
    """`write_transaction` on a connection the caller keeps (one with no transaction open)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock})
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _make_sqlite_engine(url: str) -> Engine:
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    if not in_memory:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        poolclass=StaticPool if in_memory else None,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection settings: WAL, foreign keys, a busy timeout."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
