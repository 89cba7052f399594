"""Many files to one write transaction, each all or nothing: a bad file rolls back alone.

Real files, real parsing, a real SQLite file (and the PostgreSQL server CI
starts, at $PROTOKOLL_TEST_PG_URL).
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, event, func, select
from sqlalchemy.engine import Engine

import importers
from importers.records import AgendaItem, ParsedFile
from store import edits, import_run, parse_pool
from store.db import make_engine
from store.history import list_history, redo, undo
from store.import_run import Batch
from store.loading import FileOutcome, alias_key, import_paths, load_protocol
from store.merging import merge
from store.models import Attendance, Meeting, PersonAlias, SQLModel
from tests.store.protocol_files import reset_postgres, write_protocols

PG_URL = os.environ.get("PROTOKOLL_TEST_PG_URL")
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="no PG")),
]


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database, on SQLite or on PostgreSQL."""
    if request.param == "sqlite":
        engine = make_engine(str(tmp_path / "batches.db"))
    else:
        assert PG_URL is not None
        reset_postgres(PG_URL)
        engine = make_engine(PG_URL)
    yield engine
    engine.dispose()


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in SQLModel.metadata.sorted_tables
        }


def unstorable(parsed: ParsedFile) -> ParsedFile:
    """The same file with a last agenda item the database refuses (no title)."""
    broken = AgendaItem(99, None, "", (), (), 1, 1)  # type: ignore[arg-type]
    protocol = dataclasses.replace(parsed.protocol, items=(*parsed.protocol.items, broken))
    return ParsedFile(parsed.source, protocol)


def test_a_file_the_database_refuses_rolls_back_alone(engine: Engine, tmp_path: Path) -> None:
    paths = write_protocols(tmp_path / "in", 3)
    first, middle, last = (importers.parse_file(path) for path in paths)
    outcomes: list[FileOutcome] = []
    batch = Batch(engine, False, outcomes.append)
    for parsed in (first, unstorable(middle), last):
        batch.store(parsed)
    assert outcomes == [], "outcomes are told only once the transaction commits"
    batch.commit()
    assert [o.status for o in outcomes] == ["imported", "failed", "imported"]
    assert outcomes[1].message.startswith(f"{middle.source.path}: could not be stored")
    alone = make_engine(str(tmp_path / "alone.db"))
    for parsed in (first, last):
        assert import_paths(alone, [parsed.source.path]).count("imported") == 1
    assert counts(engine) == counts(alone), "the refused file left nothing behind"
    alone.dispose()


def test_many_files_share_a_transaction(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_protocols(folder, 60, attendees=4, items=2)
    engine = make_engine(str(tmp_path / "commits.db"))
    commits: list[None] = []
    event.listen(engine, "commit", lambda _conn: commits.append(None))
    summary = import_paths(engine, [folder], workers=1)
    assert summary.count("imported") == 60
    assert 1 <= len(commits) < 10
    engine.dispose()


def slow_chunk(chunk: list[Path]) -> list:
    """A parse worker's chunk, parsed after a pause: a parser that lags behind the loader."""
    threading.Event().wait(0.05)
    return [parse_pool.parse_or_failure(path) for path in chunk]


def test_a_parser_a_little_behind_does_not_end_the_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    write_protocols(folder, 150, attendees=4, items=2)
    monkeypatch.setattr(parse_pool, "_parse_chunk", slow_chunk)  # forked workers see it
    monkeypatch.setattr(import_run, "BATCH_SECONDS", 30.0)
    engine = make_engine(str(tmp_path / "waits.db"))
    commits: list[None] = []
    event.listen(engine, "commit", lambda _conn: commits.append(None))
    summary = import_paths(engine, [folder], workers=2)
    assert summary.count("imported") == 150
    assert len(commits) <= 2, "one commit per chunk the loader had to wait for"
    engine.dispose()


def test_a_run_keeps_one_connection_and_its_big_page_cache_then_puts_the_size_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    write_protocols(folder, 60, attendees=4, items=2)
    monkeypatch.setattr(import_run, "BATCH_FILES", 10)
    engine = make_engine(str(tmp_path / "cache.db"))
    with engine.connect() as conn:
        default = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    seen: list[tuple[int, int]] = []

    def look(conn: Connection) -> None:
        driver = conn.connection.driver_connection
        seen.append((id(driver), driver.execute("PRAGMA cache_size").fetchone()[0]))

    event.listen(engine, "commit", look)
    assert import_paths(engine, [folder], workers=1).count("imported") == 60
    assert len(seen) >= 6 and len({driver for driver, _size in seen}) == 1
    assert {size for _driver, size in seen} == {-import_run.IMPORT_CACHE_KIB}
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == default
    engine.dispose()


def test_a_stop_between_files_commits_the_files_before(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_protocols(folder, 40, attendees=4, items=2)
    engine = make_engine(str(tmp_path / "stop.db"))
    asked = iter(range(1000))
    summary = import_paths(engine, [folder], workers=1, should_stop=lambda: next(asked) >= 25)
    assert summary.stopped and [o.status for o in summary.outcomes] == ["imported"] * 25
    assert counts(engine)["meeting"] == 25
    engine.dispose()


def test_ctrl_c_mid_batch_keeps_the_whole_files_before_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = write_protocols(folder, 40, attendees=4, items=2)
    engine = make_engine(str(tmp_path / "interrupted.db"))
    asked = iter(range(1000))

    def interrupt_at_the_26th() -> bool:
        if next(asked) == 25:
            raise KeyboardInterrupt
        return False

    with pytest.raises(KeyboardInterrupt):
        import_paths(engine, [folder], workers=1, should_stop=interrupt_at_the_26th)
    whole = make_engine(str(tmp_path / "whole.db"))
    assert import_paths(whole, paths[:25], workers=1).count("imported") == 25
    assert counts(engine) == counts(whole)
    assert import_paths(engine, [folder], workers=1).count("unchanged") == 25
    engine.dispose()
    whole.dispose()


def test_unchanged_files_are_known_by_hash_renamed_or_twice_in_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = write_protocols(folder, 5, attendees=4, items=2)
    twin = folder / "twin.txt"
    twin.write_bytes(paths[0].read_bytes())
    engine = make_engine(str(tmp_path / "hash.db"))
    first = import_paths(engine, [folder], workers=1)
    by_path = {o.path: o for o in first.outcomes}
    assert by_path[str(twin)].status == "unchanged"
    assert by_path[str(twin)].meeting_id == by_path[str(paths[0])].meeting_id
    again = import_paths(engine, [folder], workers=1)
    assert [o.status for o in again.outcomes] == ["unchanged"] * 6
    assert [o.meeting_id for o in again.outcomes] == [o.meeting_id for o in first.outcomes]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Meeting)).scalar_one() == 5
    engine.dispose()


def test_a_batch_discards_the_redo_once_even_when_its_first_file_rolls_back(
    engine: Engine, tmp_path: Path
) -> None:
    first, second, third, fourth = (
        importers.parse_file(path) for path in write_protocols(tmp_path / "in", 4)
    )
    assert load_protocol(engine, first).status == "imported"
    edits.update_field(engine, "meeting", 1, "location", "Kommunhuset")
    undo(engine)  # the edit could be redone now
    outcomes: list[FileOutcome] = []
    batch = Batch(engine, False, outcomes.append)
    for parsed in (unstorable(second), third, fourth):
        batch.store(parsed)
    batch.commit()
    assert [o.status for o in outcomes] == ["failed", "imported", "imported"]
    entries = list_history(engine)
    assert [e.action for e in entries[:2]] == ["import", "import"], "one entry per file"
    assert redo(engine) is None, "the import discarded the undone edit"
    assert undo(engine) == f"Undid: {entries[0].summary}"
    assert undo(engine) == f"Undid: {entries[1].summary}"
    assert redo(engine) == f"Redid: {entries[1].summary}", "the imports, not the edit"
    assert counts(engine)["meeting"] == 2


def test_an_undo_waits_for_the_import_transaction_it_would_otherwise_cross(
    engine: Engine, tmp_path: Path
) -> None:
    first, second = (importers.parse_file(path) for path in write_protocols(tmp_path / "in", 2))
    assert load_protocol(engine, first).status == "imported"
    batch = Batch(engine, False, lambda _outcome: None)
    batch.store(second)  # its transaction stays open: the next file is not there yet
    said: list[str | None] = []
    undoing = threading.Thread(target=lambda: said.append(undo(engine)))
    undoing.start()
    undoing.join(timeout=0.5)
    assert undoing.is_alive(), "the undo must wait for the import's write lock"
    batch.commit()
    undoing.join(timeout=20)
    newest = list_history(engine)[0]
    assert said == [f"Undid: {newest.summary}"] and newest.summary.startswith("Imported")
    assert newest.undone and counts(engine)["meeting"] == 1


class _Interrupting(tuple):
    """Paragraph numbers that are Ctrl-C when read: the file is cut off halfway through."""

    def __iter__(self) -> Iterator[int]:
        raise KeyboardInterrupt


def test_ctrl_c_inside_a_file_leaves_the_files_before_it_whole(
    engine: Engine, tmp_path: Path
) -> None:
    first, second, third = (importers.parse_file(p) for p in write_protocols(tmp_path / "in", 3))
    attendees = third.protocol.attendees
    cut = attendees[-1]._replace(paragraph_numbers=_Interrupting((1, 2)))
    protocol = dataclasses.replace(third.protocol, attendees=(*attendees[:-1], cut))
    outcomes: list[FileOutcome] = []
    batch = Batch(engine, False, outcomes.append)
    batch.store(first)
    batch.store(second)
    with pytest.raises(KeyboardInterrupt):
        batch.store(ParsedFile(third.source, protocol))  # its meeting row is in by then
    batch.commit()
    assert [o.status for o in outcomes] == ["imported", "imported"]
    whole = make_engine(str(tmp_path / "whole.db"))
    assert import_paths(whole, [first.source.path, second.source.path]).count("imported") == 2
    assert counts(engine) == counts(whole), "two whole files, nothing of the third"
    whole.dispose()


def test_an_id_gone_stale_mid_run_is_looked_up_again_and_no_file_is_lost(
    engine: Engine, tmp_path: Path
) -> None:
    files = [importers.parse_file(p) for p in write_protocols(tmp_path / "in", 12)]
    names = [{a.name for a in f.protocol.attendees} for f in files]
    later = next(i for i in range(2, 12) if names[i] & names[0] - names[1])
    merged_away = sorted(names[later] & names[0] - names[1])[0]
    kept = sorted(names[0] - {merged_away})[0]
    outcomes: list[FileOutcome] = []
    batch = Batch(engine, False, outcomes.append)
    batch.store(files[0])
    batch.commit()  # the batch remembers merged_away's id from here on
    merge(engine, person_id(engine, kept), [person_id(engine, merged_away)], force=True)
    batch.store(files[1])
    batch.store(files[later])  # the remembered id is gone: refused, looked up again
    batch.commit()
    assert [o.status for o in outcomes] == ["imported"] * 3
    assert person_id(engine, merged_away) == person_id(engine, kept)
    with engine.connect() as conn:
        query = select(Attendance.person_id).where(Attendance.name_as_written == merged_away)
        assert set(conn.execute(query).scalars()) == {person_id(engine, kept)}
    assert [e.action for e in list_history(engine)[:4]] == ["import", "import", "merge", "import"]


def person_id(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        query = select(PersonAlias.person_id).where(PersonAlias.key == alias_key(name))
        return conn.execute(query).scalar_one()
