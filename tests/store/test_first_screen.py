"""The first screen's plain-SQL read gives exactly what the ORM queries give.

`store.first_screen` repeats a few queries in SQL so that the app can show its
first page before SQLAlchemy is loaded; each case compares it with
`queries.meeting_page`, `queries.meeting_detail`, `meeting_list.count` and
`queries.data_version` on the same database, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from store import edits, first_screen, history, meeting_list, queries
from store.first_screen import FirstScreen
from store.loading import import_paths
from store.location import sqlite_file
from store.migrations import HEAD
from store.rows import ListFilter
from tests.store.pg_url import PG_URL

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "samples" / "protocols"


def reference(engine: Engine, limit: int) -> FirstScreen:
    """The first screen as the ORM queries read it."""
    page = queries.meeting_page(engine, limit=limit)
    detail = queries.meeting_detail(engine, page.rows[0].id) if page.rows else None
    total = meeting_list.count(engine, ListFilter())
    return FirstScreen(page, detail, total, queries.data_version(engine))


def make_odd(engine: Engine) -> None:
    """The newest meeting edited, reviewed and its warning resolved; one meeting undated."""
    newest = queries.meeting_page(engine).rows
    edits.update_field(engine, "meeting", newest[0].id, "location", "Eken [/x]")
    edits.set_reviewed(engine, newest[0].id, True)
    with engine.begin() as conn:  # as an import leaves a protocol whose date it could not read
        conn.execute(text("UPDATE meeting SET date = NULL WHERE id = :id"), {"id": newest[2].id})
    warning = next(w for w in queries.meeting_detail(engine, newest[0].id).warnings)
    edits.update_field(engine, "importwarning", warning.id, "resolved", True)


@pytest.mark.parametrize("limit", [1, 3, 4, 5, 200])
def test_sqlite_reads_what_the_queries_read(seeded_engine: Engine, limit: int) -> None:
    make_odd(seeded_engine)
    path = Path(seeded_engine.url.database)
    found = first_screen.read_sqlite(path, limit=limit)
    assert found == reference(seeded_engine, limit)
    assert found.detail is not None and found.detail.edited and found.detail.reviewed
    assert found.detail.start_time is not None and found.detail.source_text
    if limit == 5:  # the undated meeting comes last, after the dated part
        assert found.page.rows[-1].date is None and found.page.next_cursor is None


def test_every_meeting_reads_as_the_query_reads_it(seeded_engine: Engine) -> None:
    make_odd(seeded_engine)
    path = Path(seeded_engine.url.database)
    for row in queries.meeting_page(seeded_engine).rows:
        found = first_screen.read_meeting(path, row.id)
        assert found == queries.meeting_detail(seeded_engine, row.id)
    assert first_screen.read_meeting(path, 999) is None


def test_an_empty_database_shows_no_meeting(tmp_path: Path) -> None:
    from store.db import make_engine

    engine = make_engine(str(tmp_path / "empty.db"))
    found = first_screen.read_sqlite(tmp_path / "empty.db")
    assert found == reference(engine, 200)
    assert (found.page.rows, found.detail, found.total) == ((), None, 0)


def test_at_head_only_for_a_current_protokoll_file(seeded_engine: Engine, tmp_path: Path) -> None:
    path = Path(seeded_engine.url.database)
    assert first_screen.at_head(path)
    assert not first_screen.at_head(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()  # looking never creates a file
    (tmp_path / "notes.db").write_text("not a database\n" * 100)
    assert not first_screen.at_head(tmp_path / "notes.db")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003_incomplete_meetings'")
    conn.close()
    assert not first_screen.at_head(path)  # an older schema is upgraded by the engine first
    assert HEAD != "0003_incomplete_meetings"


def test_a_path_is_a_file_and_a_url_is_not() -> None:
    assert sqlite_file("~/x.db") == Path("~/x.db").expanduser()
    assert sqlite_file("postgresql+psycopg2://u@h/db") is None
    assert sqlite_file("sqlite://") is None


def test_the_plain_read_imports_no_orm() -> None:
    code = (
        "import sys, store.first_screen, store.location, store.rows; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_edited_means_what_the_history_means() -> None:
    assert first_screen.CONTENT_ACTIONS == history.CONTENT_ACTIONS


@pytest.mark.skipif(not PG_URL, reason="PROTOKOLL_TEST_PG_URL is not set")
@pytest.mark.parametrize("limit", [3, 4, 5, 200])
def test_postgresql_reads_what_the_queries_read(pg: Engine, limit: int) -> None:
    assert import_paths(pg, [SEEDS]).count("imported") == 5
    make_odd(pg)
    conn = pg.raw_connection()
    try:
        found = first_screen.read_first_screen(conn, limit=limit)
    finally:
        conn.close()
    assert found == reference(pg, limit)
    assert found.detail is not None and found.detail.edited
