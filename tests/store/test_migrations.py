"""Migrations: the models and the Alembic revisions agree, and a database written by
release 0.1.0 (tests/fixtures/release-0.1.0.db) opens upgraded, with everything in it.

PostgreSQL cases run against $PROTOKOLL_TEST_PG_URL (CI starts a server; they skip without).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, String, create_engine, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from store import history
from store.db import make_engine
from store.migrations import BASELINE, HEAD, LOCATION
from store.schema import SchemaError, alembic_config, revision_of, schema_transaction
from tests.store.protocol_files import PROTOKOLL, reset_postgres

ROOT = Path(__file__).resolve().parents[2]
RELEASE_DB = ROOT / "tests" / "fixtures" / "release-0.1.0.db"
PG_URL = os.environ.get("PROTOKOLL_TEST_PG_URL")
needs_postgres = pytest.mark.skipif(not PG_URL, reason="PROTOKOLL_TEST_PG_URL is not set")


@pytest.fixture
def release_copy(tmp_path: Path) -> Path:
    """A copy of the database release 0.1.0 made: 5 meetings, an edit, a review, a merge."""
    copy = tmp_path / "protokoll.db"
    shutil.copy(RELEASE_DB, copy)
    return copy


@pytest.fixture
def postgres() -> Iterator[str]:
    assert PG_URL is not None
    reset_postgres(PG_URL)
    yield PG_URL
    reset_postgres(PG_URL)


def query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.bak-*"))


def differences_after_upgrade(url: str) -> list:
    """`alembic upgrade head` on the empty database at `url`, compared with the models."""
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.connect() as conn:
        found = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        assert revision_of(conn) == HEAD
    engine.dispose()
    return found


def test_head_names_the_newest_revision() -> None:
    scripts = ScriptDirectory(str(LOCATION))
    assert scripts.get_heads() == [HEAD], "set store.migrations.HEAD to the new revision"
    assert scripts.get_base() == BASELINE


def test_migrations_build_what_the_models_describe(tmp_path: Path) -> None:
    """Fails when a model changes without a revision (or a revision without the model)."""
    assert differences_after_upgrade(f"sqlite:///{tmp_path / 'migrated.db'}") == []


@needs_postgres
def test_migrations_build_what_the_models_describe_on_postgres(postgres: str) -> None:
    assert differences_after_upgrade(postgres) == []


@needs_postgres
def test_empty_postgres_database_opens_at_head(postgres: str) -> None:
    engine = make_engine(postgres)
    with engine.connect() as conn:
        assert revision_of(conn) == HEAD
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    engine.dispose()


def test_baseline_is_the_schema_of_release_0_1_0(tmp_path: Path) -> None:
    migrated = tmp_path / "baseline.db"
    engine = create_engine(f"sqlite:///{migrated}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), BASELINE)
    engine.dispose()
    assert schema_of(migrated) == schema_of(RELEASE_DB)


def schema_of(path: Path) -> dict[str, tuple]:
    """Each table's columns, foreign keys and indexes, as SQLite reports them."""
    conn = sqlite3.connect(path)
    try:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: _table_schema(conn, t) for t in tables if t != "alembic_version"}
    finally:
        conn.close()


def _table_schema(conn: sqlite3.Connection, table: str) -> tuple:
    columns = conn.execute(f"PRAGMA table_info('{table}')").fetchall()
    keys = sorted(row[2:] for row in conn.execute(f"PRAGMA foreign_key_list('{table}')"))
    indexes = sorted(
        (name, unique, tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{name}')")))
        for _, name, unique, *_ in conn.execute(f"PRAGMA index_list('{table}')")
    )
    return columns, keys, indexes


def test_release_database_is_upgraded_in_place_with_everything_in_it(release_copy: Path) -> None:
    rows = {table: release_rows(table) for table in TABLES}
    before = {table: query(release_copy, sql) for table, sql in rows.items()}
    told: list[str] = []
    engine = make_engine(str(release_copy), on_upgrade=told.append)
    engine.dispose()
    assert query(release_copy, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    for table, sql in rows.items():
        assert query(release_copy, sql) == before[table], table
    (backup,) = backups(release_copy)
    upgraded = f"{release_copy}: upgraded from schema {BASELINE} to {HEAD}"
    assert told == [f"{upgraded}; the old file is kept as {backup}"]
    assert query(backup, rows["meeting"]) == before["meeting"]
    assert query(backup, "SELECT name FROM sqlite_master WHERE name = 'alembic_version'") == []


TABLES = ("meeting", "attendance", "agendaitem", "officer", "person", "personalias")
"""Tables whose release rows stay as they were (the edit log becomes the history)."""


def release_rows(table: str) -> str:
    """A query for the columns `table` had in release 0.1.0, in id order."""
    columns = [row[1] for row in query(RELEASE_DB, f"PRAGMA table_info('{table}')")]
    return f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"


def test_the_release_edit_review_and_merge_are_there_after_the_upgrade(
    release_copy: Path,
) -> None:
    make_engine(str(release_copy)).dispose()
    assert query(release_copy, "SELECT count(*) FROM meeting") == [(5,)]
    assert query(release_copy, "SELECT location FROM meeting WHERE id = 1") == [
        ("Lokal A, Stadshuset",)
    ]
    assert query(release_copy, "SELECT reviewed FROM meeting WHERE id = 2") == [(1,)]
    assert query(release_copy, "SELECT action FROM historybatch ORDER BY id") == [
        ("edit",),
        ("review",),
        ("merge",),
    ]
    assert query(release_copy, "SELECT count(*) FROM editlog") == [(6,)]
    assert query(release_copy, "SELECT summary FROM historybatch WHERE action = 'merge'") == [
        ("merge of Irén Lejgren (recorded by an earlier protokoll)",)
    ]
    merged = "SELECT p.name FROM personalias a JOIN person p ON p.id = a.person_id"
    assert query(release_copy, f"{merged} WHERE a.spelling = 'Irén Lejgren'") == [
        ("Irén Lejegren",)
    ]
    assert query(release_copy, "SELECT count(*) FROM person WHERE name = 'Irén Lejgren'") == [(0,)]


def test_a_database_at_head_opens_without_importing_alembic_or_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    make_engine(str(db)).dispose()
    assert query(db, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    opened = subprocess.run(
        [sys.executable, "-c", OPEN_AND_REPORT, str(db)], capture_output=True, text=True
    )
    assert (opened.returncode, opened.stdout, opened.stderr) == (0, "False\n", "")
    assert backups(db) == []


OPEN_AND_REPORT = (
    "import sys; from store.db import make_engine; make_engine(sys.argv[1]).dispose(); "
    "print('alembic' in sys.modules)"
)


def duplicate_meeting(url: str, meeting_id: int, *, reviewed: bool) -> int:
    """Store a second copy of a meeting and its document, as two racing imports did."""
    engine = create_engine(url)
    with engine.begin() as conn:
        run = conn.execute
        source = run(text("SELECT source_id FROM meeting WHERE id = :m"), {"m": meeting_id})
        copy_source = run(COPY_SOURCE, {"s": source.scalar()}).scalar()
        values = {"s": copy_source, "r": reviewed, "m": meeting_id}
        copy = run(COPY_MEETING, values).scalar()
        run(COPY_ATTENDANCE, {"c": copy, "m": meeting_id})
    engine.dispose()
    return copy


COPY_SOURCE = text(
    "INSERT INTO sourcedocument (file_name, path, content_hash, encoding, text, imported_at)"
    " SELECT file_name, path, content_hash, encoding, text, imported_at FROM sourcedocument"
    " WHERE id = :s RETURNING id"
)
COPY_MEETING = text(
    "INSERT INTO meeting (body_id, date, start_time, end_time, location, adjusted_on,"
    " next_meeting, next_meeting_text, source_id, reviewed, imported_at)"
    " SELECT body_id, date, start_time, end_time, location, adjusted_on, next_meeting,"
    " next_meeting_text, :s, :r, imported_at FROM meeting WHERE id = :m RETURNING id"
)
COPY_ATTENDANCE = text(
    "INSERT INTO attendance (meeting_id, position, person_id, name_as_written, party,"
    " organization_id, organization_as_written, role, present, line)"
    " SELECT :c, position, person_id, name_as_written, party, organization_id,"
    " organization_as_written, role, present, line FROM attendance WHERE meeting_id = :m"
)


@pytest.mark.parametrize("reviewed_copy", [False, True], ids=["plain copy", "reviewed copy"])
def test_copies_of_one_document_are_cut_to_one_on_upgrade(
    release_copy: Path, reviewed_copy: bool
) -> None:
    attendance = query(release_copy, "SELECT count(*) FROM attendance")
    copy = duplicate_meeting(f"sqlite:///{release_copy}", 3, reviewed=reviewed_copy)
    make_engine(str(release_copy)).dispose()
    kept = copy if reviewed_copy else 3
    assert query(release_copy, "SELECT id FROM meeting ORDER BY id") == [
        (i,) for i in sorted({1, 2, 4, 5, kept})
    ]
    assert query(release_copy, "SELECT count(*), count(DISTINCT content_hash) FROM sourcedocument")[
        0
    ] == (5, 5)
    assert query(release_copy, "SELECT count(*) FROM attendance") == attendance
    assert query(release_copy, "PRAGMA foreign_key_check") == []


def test_an_upgrade_that_fails_changes_nothing_and_says_why(release_copy: Path) -> None:
    conn = sqlite3.connect(release_copy)
    with conn:  # two meetings of one document: the new unique index cannot be made
        conn.execute("UPDATE meeting SET source_id = 1 WHERE id = 2")
    conn.close()
    before = release_copy.read_bytes()
    with pytest.raises(SchemaError) as raised:
        make_engine(str(release_copy))
    assert str(raised.value).startswith(f"{release_copy}: could not set up or upgrade")
    assert "nothing was changed" in str(raised.value)
    assert "UNIQUE constraint failed: meeting.source_id" in str(raised.value)
    assert (
        query(release_copy, "SELECT name FROM sqlite_master WHERE name = 'alembic_version'") == []
    )
    assert query(release_copy, "SELECT count(*) FROM meeting") == [(5,)]
    assert release_copy.read_bytes() == before


def test_a_database_from_a_newer_protokoll_is_refused_by_name(release_copy: Path) -> None:
    make_engine(str(release_copy)).dispose()
    conn = sqlite3.connect(release_copy)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    result = subprocess.run(
        [*PROTOKOLL, "--db", str(release_copy), "export", "meetings"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"protokoll: {release_copy} was written by a newer protokoll (schema "
        f"9999_from_the_future); this one knows schemas up to {HEAD}: upgrade protokoll to "
        "open it\n"
    )
    assert len(backups(release_copy)) == 1  # the one from the first upgrade, no new one


def test_migrations_are_packaged() -> None:
    """Every package under store/ is listed for setuptools, and the template is package data."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in ROOT.glob("store/**/__init__.py")
    }
    assert found <= set(setuptools["packages"])
    assert "script.py.mako" in setuptools["package-data"]["store.migrations"]


@pytest.fixture
def engine_on_release(release_copy: Path) -> Iterator[Engine]:
    engine = make_engine(str(release_copy))
    yield engine
    engine.dispose()


def test_upgraded_release_database_takes_new_imports(engine_on_release: Engine) -> None:
    from store.loading import import_paths

    summary = import_paths(engine_on_release, [ROOT / "samples" / "protocols"], workers=1)
    assert summary.count("unchanged") == 5
    with engine_on_release.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM meeting")).scalar() == 5


def test_a_table_rebuilt_by_a_migration_keeps_the_rows_pointing_at_it(
    engine_on_release: Engine,
) -> None:
    """SQLite batch mode drops and renames a table: that must not cascade to its children."""
    with engine_on_release.connect() as conn:
        attendance = conn.execute(text("SELECT count(*) FROM attendance")).scalar()
    with schema_transaction(engine_on_release) as conn:
        operations = Operations(MigrationContext.configure(conn))
        with operations.batch_alter_table("meeting", recreate="always") as batch:
            batch.alter_column("location", existing_type=String(), nullable=True)
    with engine_on_release.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM attendance")).scalar() == attendance
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_file_that_is_no_database_is_refused_by_name(tmp_path: Path) -> None:
    notes = tmp_path / "anteckningar.db"
    notes.write_text("Inte en databas, bara anteckningar.\n" * 100)
    result = subprocess.run(
        [*PROTOKOLL, "--db", str(notes), "export", "meetings"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"protokoll: {notes}: could not set up or upgrade")
    assert result.stderr.count("\n") == 1  # one line, no traceback
    assert notes.read_text() == "Inte en databas, bara anteckningar.\n" * 100


def copy_rows(source_url: str, target: Connection) -> None:
    """Every row of the database at `source_url` into the same tables on `target`."""
    source_engine = create_engine(source_url)
    source, into = MetaData(), MetaData()
    source.reflect(source_engine)
    into.reflect(target)
    with source_engine.connect() as conn:
        for table in source.sorted_tables:
            rows = [dict(row._mapping) for row in conn.execute(table.select())]
            if rows:
                target.execute(into.tables[table.name].insert(), rows)
                target.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                        f" (SELECT max(id) FROM {table.name}))"
                    )
                )
    source_engine.dispose()


MERGE_CHANGES = (
    "SELECT count(*) FROM editlog e JOIN historybatch b ON b.id = e.batch WHERE b.action = 'merge'"
)


@needs_postgres
def test_a_release_postgres_database_is_upgraded_in_place(postgres: str) -> None:
    """Release 0.1.0's schema on PostgreSQL, five meetings, one stored twice: upgraded to one."""
    engine = create_engine(postgres)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), BASELINE)
        conn.exec_driver_sql("DROP TABLE alembic_version")  # release 0.1.0 had none
        copy_rows(f"sqlite:///{RELEASE_DB}", conn)
    engine.dispose()
    duplicate_meeting(postgres, 2, reviewed=False)
    told: list[str] = []
    upgraded = make_engine(postgres, on_upgrade=told.append)
    with upgraded.connect() as conn:
        assert revision_of(conn) == HEAD
        assert conn.execute(text("SELECT id FROM meeting ORDER BY id")).scalars().all() == [
            1,
            2,
            3,
            4,
            5,
        ]
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
        attendance = conn.execute(text("SELECT count(*) FROM attendance")).scalar()
        merges = conn.execute(text(MERGE_CHANGES)).scalar()
    assert history.undo(upgraded) is not None  # the release's merge, by uid, on PostgreSQL
    with upgraded.connect() as conn:
        assert conn.execute(
            text("SELECT count(*) FROM person WHERE name = 'Irén Lejgren'")
        ).scalar()
    upgraded.dispose()
    assert attendance == query(RELEASE_DB, "SELECT count(*) FROM attendance")[0][0]
    assert merges == 4
    assert len(told) == 1 and told[0].endswith(f"upgraded from schema {BASELINE} to {HEAD}")


def test_the_release_merge_and_edit_can_be_undone_after_the_upgrade(
    engine_on_release: Engine,
) -> None:
    """The old edit log became history entries that name rows by uid, and undo works on them."""
    assert history.undo(engine_on_release) is not None  # the merge of Irén Lejgren
    with engine_on_release.connect() as conn:
        back = conn.execute(text("SELECT id FROM person WHERE name = 'Irén Lejgren'")).scalar()
        assert back is not None
        linked = "SELECT count(*) FROM attendance WHERE person_id = :p"
        assert conn.execute(text(linked), {"p": back}).scalar() == 1
        assert (
            conn.execute(text(f"{linked.replace('attendance', 'officer')}"), {"p": back}).scalar()
            == 1
        )
    assert history.undo(engine_on_release) is not None  # the review mark
    assert history.undo(engine_on_release) is not None  # the location edit
    with engine_on_release.connect() as conn:
        location = conn.execute(text("SELECT location FROM meeting WHERE id = 1")).scalar()
        reviewed = conn.execute(text("SELECT reviewed FROM meeting WHERE id = 2")).scalar()
    assert (location, bool(reviewed)) == ("Konferenslokal Almen, Eklundavägen 2, Örebro", False)
    assert history.redo(engine_on_release) is not None
    with engine_on_release.connect() as conn:
        location = conn.execute(text("SELECT location FROM meeting WHERE id = 1")).scalar()
    assert location == "Lokal A, Stadshuset"
