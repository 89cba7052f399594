"""The committed sample.db is what the importer makes from samples/protocols, in one file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from store.db import make_engine

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DB = ROOT / "sample.db"
REBUILD = ".venv/bin/python scripts/build_sample_db.py"
TIMESTAMPS = {"imported_at", "at", "decided_at"}
IDENTITIES = {"uid", "row_uid", "meeting_uid"}
"""Columns that differ between two builds of the same data: times, and rows' random uids."""


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows in id order, without timestamps and uids, read without touching it.

    `immutable=1`: not even -wal/-shm files appear beside it, whatever its journal mode.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        ]
        return {table: _rows(conn, table) for table in sorted(tables)}
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    kept = ", ".join(f'"{c}"' for c in columns if c not in TIMESTAMPS | IDENTITIES)
    return [tuple(columns), *conn.execute(f'SELECT {kept} FROM "{table}" ORDER BY rowid')]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sample.db built now, by the documented command, somewhere else."""
    out = tmp_path_factory.mktemp("sample") / "sample.db"
    build = [sys.executable, str(ROOT / "scripts" / "build_sample_db.py"), "--out", str(out)]
    subprocess.run(build, check=True, capture_output=True, cwd=ROOT)
    return out


def test_committed_sample_db_matches_what_the_importer_makes(fresh: Path) -> None:
    assert SAMPLE_DB.exists(), f"sample.db is missing: build it with `{REBUILD}`"
    committed, expected = dump(SAMPLE_DB), dump(fresh)
    assert committed.keys() == expected.keys(), f"tables differ: rebuild with `{REBUILD}`"
    stale = [table for table in expected if committed[table] != expected[table]]
    assert stale == [], f"sample.db is out of date in {stale}: rebuild with `{REBUILD}`"


def test_sample_db_holds_the_five_seed_meetings(fresh: Path) -> None:
    tables = dump(fresh)
    assert len(tables["meeting"]) - 1 == 5
    assert len(tables["sourcedocument"]) - 1 == 5
    assert {row[0] for row in tables["sourcedocument"][1:]} == {1, 2, 3, 4, 5}


def test_the_comparison_sees_data_but_not_timestamps(fresh: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(fresh.read_bytes())
    execute(copy, "UPDATE meeting SET imported_at = '1999-01-01 00:00:00'")
    assert dump(copy) == dump(fresh)
    execute(copy, "UPDATE agendaitem SET title = 'Ändrad' WHERE id = 7")
    assert dump(copy)["agendaitem"] != dump(fresh)["agendaitem"]


def execute(path: Path, sql: str) -> None:
    """Run one statement and close, so a WAL-mode file holds the change itself."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(sql)
    finally:
        conn.close()


@pytest.mark.parametrize("path", [SAMPLE_DB, None], ids=["committed", "fresh"])
def test_opening_sample_db_in_protokoll_changes_nothing(
    path: Path | None, fresh: Path, tmp_path: Path
) -> None:
    """The README opens the app on sample.db: that must not modify the committed file."""
    path = path or fresh
    assert path.exists(), f"{path.name} is missing: build it with `{REBUILD}`"
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{path}{suffix}").exists(), f"{path.name}{suffix} beside it"
    copy = tmp_path / "opened.db"
    copy.write_bytes(path.read_bytes())
    engine = make_engine(str(copy))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM meeting")).scalar() == 5
    engine.dispose()
    assert copy.read_bytes() == path.read_bytes(), f"{path.name} changed when opened: `{REBUILD}`"
    assert not any(Path(f"{copy}{suffix}").exists() for suffix in ("-wal", "-shm"))
