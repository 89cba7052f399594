"""Two `protokoll import` processes at once on one database store each document once.

Real processes on a real SQLite file, and on the PostgreSQL server CI starts
($PROTOKOLL_TEST_PG_URL; those tests skip without it). Both start on an empty
database, so creating the schema races too.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.store.protocol_files import PROTOKOLL, reset_postgres, start_import, write_protocols

FILES = 120
PG_URL = os.environ.get("PROTOKOLL_TEST_PG_URL")
needs_postgres = pytest.mark.skipif(not PG_URL, reason="PROTOKOLL_TEST_PG_URL is not set")
SUMMARY = re.compile(
    r"(\d+) filer: (\d+) importerade, (\d+) ersatta, (\d+) oförändrade, (\d+) vägrade, "
    r"(\d+) misslyckade"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("protocols")
    write_protocols(folder, FILES)
    return folder


@pytest.fixture
def postgres() -> Iterator[str]:
    """The PostgreSQL test database, empty, and emptied again afterwards."""
    assert PG_URL is not None
    reset_postgres(PG_URL)
    yield PG_URL
    reset_postgres(PG_URL)


def import_twice_at_once(database: str, folder: Path) -> list[tuple[int, ...]]:
    """Run two imports of `folder` together; each one's summary counts, after both exit 0."""
    processes = [start_import(database, folder) for _ in range(2)]
    summaries = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        found = SUMMARY.search(out)
        assert found, out + err
        summaries.append(tuple(int(n) for n in found.groups()))
    return summaries


def stored(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        counts = {
            name: conn.execute(text(sql)).scalar()
            for name, sql in {
                "documents": "SELECT count(*) FROM sourcedocument",
                "hashes": "SELECT count(DISTINCT content_hash) FROM sourcedocument",
                "meetings": "SELECT count(*) FROM meeting",
                "sources": "SELECT count(DISTINCT source_id) FROM meeting",
            }.items()
        }
    engine.dispose()
    return counts


def assert_each_document_once(summaries: list[tuple[int, ...]], url: str) -> None:
    for files, _imported, replaced, _unchanged, refused, failed in summaries:
        assert (files, replaced, refused, failed) == (FILES, 0, 0, 0), summaries
    assert sum(s[1] for s in summaries) == FILES, summaries
    assert sum(s[3] for s in summaries) == FILES, summaries
    assert stored(url) == dict.fromkeys(("documents", "hashes", "meetings", "sources"), FILES)


def test_two_imports_at_once_on_one_sqlite_file(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    summaries = import_twice_at_once(str(db), folder)
    assert_each_document_once(summaries, f"sqlite:///{db}")


@needs_postgres
def test_two_imports_at_once_on_one_postgres_database(folder: Path, postgres: str) -> None:
    summaries = import_twice_at_once(postgres, folder)
    assert_each_document_once(summaries, postgres)


def open_at_once(database: str, count: int = 4) -> None:
    """`count` processes open an empty database at once (`export meetings` creates the schema)."""
    processes = [
        subprocess.Popen(
            [*PROTOKOLL, "--db", database, "export", "meetings"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert (process.returncode, err) == (0, "")
        assert out.startswith("meeting_id,body,date")


def test_processes_creating_the_schema_at_once_on_sqlite(tmp_path: Path) -> None:
    # An empty file is an empty database: reading commands refuse a path with no file at all.
    empty = tmp_path / "new.db"
    empty.touch()
    open_at_once(str(empty))


@needs_postgres
def test_processes_creating_the_schema_at_once_on_postgres(postgres: str) -> None:
    open_at_once(postgres)
    engine = create_engine(postgres)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()
