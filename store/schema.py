"""The schema on open: a new database is made at head, an older one is upgraded in place.

Opening a database already at head costs one look at `alembic_version` with
plain SQL: Alembic is imported only when there is something to upgrade. The
work happens under the schema lock (SQLite `BEGIN IMMEDIATE`, a PostgreSQL
advisory lock) and is looked at again once the lock is held, so two processes
opening one empty database create it once. An SQLite file is copied with
sqlite3's backup API (WAL content included) before it is upgraded.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel

from store import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from store.db import SCHEMA_LOCK, write_transaction_on
from store.migrations import BASELINE, HEAD, LOCATION

VERSION_TABLE = "alembic_version"
_CREATE_VERSION_TABLE = (
    f"CREATE TABLE {VERSION_TABLE} (version_num VARCHAR(32) NOT NULL, "
    f"CONSTRAINT {VERSION_TABLE}_pkc PRIMARY KEY (version_num))"
)


class SchemaError(RuntimeError):
    """The database's schema cannot be made current; the message names the database."""


def ensure_schema(engine: Engine, *, on_upgrade: Callable[[str], None] | None = None) -> None:
    """Make the schema current: nothing at head, create when empty, else upgrade in place."""
    try:
        for attempt in range(_LOCKED_ATTEMPTS):
            try:
                return _make_current(engine, on_upgrade)
            except OperationalError as error:
                if attempt + 1 == _LOCKED_ATTEMPTS or "locked" not in str(error.orig):
                    raise
                time.sleep(0.05 * 2**attempt)
    except SchemaError:
        raise
    except Exception as error:  # SQLAlchemy's, Alembic's, the backup's: all end as one message
        detail = " ".join(str(getattr(error, "orig", None) or error).split())
        raise SchemaError(
            f"{_name(engine)}: could not set up or upgrade the database, nothing was changed: "
            f"{detail}"
        ) from error


_LOCKED_ATTEMPTS = 5
"""Tries when SQLite says "locked" at once. Two processes opening one new file can meet while
it is still in rollback-journal mode, where one of two would-be writers is refused without
waiting (SQLite's deadlock rule, not a timeout); nothing was changed, so it tries again."""


def _make_current(engine: Engine, on_upgrade: Callable[[str], None] | None) -> None:
    with engine.connect() as conn:
        if revision_of(conn) == HEAD:
            return
    with schema_transaction(engine) as conn:
        current = revision_of(conn)
        if current is None:
            _create_at_head(conn)
        elif current != HEAD:
            note = _upgrade(engine, conn, current)
            if on_upgrade is not None:
                on_upgrade(note)


def revision_of(conn: Connection) -> str | None:
    """The schema revision of the database: None when it holds no protokoll tables yet."""
    tables = inspect(conn)
    if tables.has_table(VERSION_TABLE):
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return BASELINE if tables.has_table("meeting") else None


@contextmanager
def schema_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction holding the schema lock; on SQLite with foreign keys off meanwhile.

    Foreign keys are checked before the commit: a change that leaves a row
    pointing nowhere raises `SchemaError`, and nothing is changed.

    SQLite rebuilds a table to alter it (drop, then rename a copy): with foreign
    keys on, dropping a meeting would cascade to its attendance.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with write_transaction_on(conn, SCHEMA_LOCK):
                yield conn
                if sqlite:
                    _check_foreign_keys(conn)
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise SchemaError(f"the upgrade would leave a row of {broken[0]} pointing nowhere")


def _create_at_head(conn: Connection) -> None:
    """Every table as the models say, stamped with the newest revision."""
    SQLModel.metadata.create_all(conn)
    conn.exec_driver_sql(_CREATE_VERSION_TABLE)
    conn.execute(text(f"INSERT INTO {VERSION_TABLE} (version_num) VALUES (:v)"), {"v": HEAD})


def _upgrade(engine: Engine, conn: Connection, current: str) -> str:
    """Run the migrations from `current` to head on `conn`; returns what to tell the user."""
    from alembic import command  # only here: most starts have nothing to upgrade
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = alembic_config(conn)
    try:
        ScriptDirectory.from_config(config).get_revision(current)
    except CommandError:
        raise SchemaError(
            f"{_name(engine)} was written by a newer protokoll (schema {current}); "
            f"this one knows schemas up to {HEAD}: upgrade protokoll to open it"
        ) from None
    backup = _backup(engine)
    if not inspect(conn).has_table(VERSION_TABLE):
        command.stamp(config, BASELINE)
    command.upgrade(config, "head")
    kept = f"; the old file is kept as {backup}" if backup else ""
    return f"{_name(engine)}: upgraded from schema {current} to {HEAD}{kept}"


def alembic_config(conn: Connection) -> Any:
    """An Alembic `Config` for protokoll's migrations, running on `conn`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(LOCATION))
    config.attributes["connection"] = conn
    return config


def _backup(engine: Engine) -> Path | None:
    """Copy an SQLite file beside itself (`<name>.bak-<UTC time>`); None for other databases."""
    path = _sqlite_file(engine)
    if path is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.bak-{stamp}-{counter}")
    source, copy = sqlite3.connect(path), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def _name(engine: Engine) -> str:
    """The database as the user named it: the file, or the URL without its password."""
    path = _sqlite_file(engine)
    return str(path) if path is not None else engine.url.render_as_string(hide_password=True)
