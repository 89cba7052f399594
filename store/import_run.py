"""An import run: skip what is stored by its hash, parse the rest elsewhere, store in batches.

Before anything is parsed, each file's content hash (`importers.content_hash_of`,
cheap) is looked up: a file already stored is "unchanged" and never parsed.
The others are parsed in worker processes (`store.parse_pool`) while this
process stores them, many files to one write transaction, each file all or
nothing, so a file that fails leaves nothing and a kill leaves whole files only.
A transaction is committed after `BATCH_FILES` files, after `BATCH_SECONDS`, or
when the next parsed file does not come within what is left of those
`BATCH_SECONDS`: the write lock is never held for long, so a second importer and
the app get their turn. (Committing at once whenever a parser was behind cost
three times the commits, each rewriting the same index pages.)

Files are written without a savepoint while they succeed: on SQLite a savepoint
costs a fifth of what the file's rows cost (the pages it must be able to undo
are copied first, and one file's rows touch many). When a file fails
(or Ctrl-C lands inside one), the transaction is rolled back and its earlier
files are stored again, from then on a savepoint each, so the one that failed
rolls back alone; that costs at most one transaction's worth of files again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, nullcontext
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

import importers
from importers.reading import content_hash_of
from importers.records import ParsedFile
from store.bulk import Driver
from store.db import write_transaction_on
from store.loading import (
    LOAD_ATTEMPTS,
    FileOutcome,
    ImportSummary,
    LookupCache,
    _error_text,
    _outcome,
    load_protocol,
)
from store.parse_pool import ParseFailure, parse_all
from store.protocol_writer import ProtocolWriter
from store.tables import MEETING, SOURCE

IMPORT_CACHE_KIB = 65_536
"""SQLite's page cache while an import writes (2 MB by default): the indexes of a big
database stay in memory instead of being read again for every file."""
BATCH_FILES = 200
"""Files per write transaction at most."""
BATCH_SECONDS = 0.2
"""How long one write transaction may hold the write lock before it commits."""
HASH_LOOKUP = 500
"""Hashes looked up per query."""


Record = Callable[[FileOutcome], None]


def run_import(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    replace: bool = False,
    on_progress: Callable[[int, int, FileOutcome], None] | None = None,
    workers: int | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportSummary:
    """What `store.loading.import_paths` does (see there)."""
    given = [Path(p) for p in paths]
    missing = [p for p in given if not p.exists()]
    files = importers.find_protocol_files([p for p in given if p.exists()])
    total = len(missing) + len(files)
    outcomes: list[FileOutcome] = []

    def record(outcome: FileOutcome) -> None:
        outcomes.append(outcome)
        if on_progress is not None:
            on_progress(len(outcomes), total, outcome)

    for path in missing:
        record(_outcome(str(path), "failed", f"{path}: no such file or folder"))
    stored = stored_meetings(engine, files)
    batch = Batch(engine, replace, record)
    stopped = _store_all(files, stored, batch, workers, should_stop or (lambda: False))
    return ImportSummary(tuple(outcomes), stopped=stopped, total=total)


def _store_all(
    files: list[Path],
    stored: dict[Path, int],
    batch: Batch,
    workers: int | None,
    stop: Callable[[], bool],
) -> bool:
    """Store every file in order; True when `stop()` ended the run early."""
    parsed_files = parse_all([p for p in files if p not in stored], workers=workers)
    try:
        for path in files:
            if stop():
                batch.commit()
                return True
            meeting_id = stored.get(path)
            if meeting_id is not None:
                batch.add(_outcome(str(path), "unchanged", meeting_id=meeting_id))
                continue
            if not parsed_files.ready(within=batch.time_left()):
                batch.commit()  # never hold the write lock long while a parser works
            batch.store(next(parsed_files))
        batch.commit()
    except KeyboardInterrupt:  # the file being stored rolled back to its savepoint
        batch.commit()
        raise
    finally:
        batch.close()
        parsed_files.close()  # stops the parse workers now, not when garbage collected
    return False


def stored_meetings(engine: Engine, files: Sequence[Path]) -> dict[Path, int]:
    """The files whose content is stored already, each with its meeting's id.

    Hashing is skipped altogether when no document is stored yet.
    """
    with engine.connect() as conn:
        if conn.execute(select(SOURCE.c.id).limit(1)).first() is None:
            return {}
        by_hash: dict[str, list[Path]] = {}
        for path in files:
            digest = content_hash_of(path)
            if digest is not None:
                by_hash.setdefault(digest, []).append(path)
        return dict(_meetings_with_hashes(conn, by_hash))


def _meetings_with_hashes(
    conn: Connection, by_hash: dict[str, list[Path]]
) -> Iterator[tuple[Path, int]]:
    hashes = list(by_hash)
    query = select(SOURCE.c.content_hash, MEETING.c.id).join(
        MEETING, MEETING.c.source_id == SOURCE.c.id
    )
    for start in range(0, len(hashes), HASH_LOOKUP):
        chunk = hashes[start : start + HASH_LOOKUP]
        for digest, meeting_id in conn.execute(query.where(SOURCE.c.content_hash.in_(chunk))):
            for path in by_hash[digest]:
                yield path, meeting_id


def _import_page_cache(conn: Connection) -> Callable[[], object]:
    """Give `conn` the import's page cache; returns what puts the connection's own back."""
    driver = conn.connection.driver_connection  # no transaction begun for a setting
    assert driver is not None
    own = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    return lambda: driver.execute(f"PRAGMA cache_size={own}")


class Batch:
    """Files stored in one write transaction, each all or nothing; outcomes told once committed."""

    def __init__(self, engine: Engine, replace: bool, record: Record) -> None:
        self.engine = engine
        self.replace = replace
        self.record = record
        self.cache = LookupCache()
        """Ids from committed transactions."""
        self.pending = LookupCache()
        """Ids this transaction found or made: valid only once it commits."""
        self.entries: list[tuple[FileOutcome, ParsedFile | None]] = []
        self.stack: ExitStack | None = None
        self.run: ExitStack | None = None
        """What `close()` ends: the run's own connection, and its page cache's size put back."""
        self.run_conn: Connection | None = None
        self.conn: Connection | None = None
        self.driver: Driver | None = None
        self.guarded = False
        """Whether each file of this transaction gets a savepoint (after one failed in it)."""
        self.discarded = False
        """Whether an entry of this transaction discarded what could be redone (once is enough:
        an undo waits for the write lock, so nothing is undone until the transaction ends)."""
        self.started = 0.0

    def add(self, outcome: FileOutcome, parsed: ParsedFile | None = None) -> None:
        """Tell `outcome` now, or with the transaction's commit when one is open."""
        if self.conn is None:
            self.record(outcome)
        else:
            self.entries.append((outcome, parsed))

    def store(self, parsed: ParsedFile | ParseFailure) -> None:
        """Store one parsed file, all or nothing; commit when the batch is full."""
        if isinstance(parsed, ParseFailure):
            self.add(_outcome(parsed.path, "failed", parsed.message))
            return
        if self.conn is None:
            self._begin()
        self.add(self._store_one(parsed), parsed)
        full = len(self.entries) >= BATCH_FILES
        if full or time.monotonic() - self.started >= BATCH_SECONDS:
            self.commit()

    def time_left(self) -> float:
        """Seconds the open transaction may still hold the write lock (0 when none is open)."""
        if self.conn is None:
            return 0.0
        return max(0.0, BATCH_SECONDS - (time.monotonic() - self.started))

    def commit(self) -> None:
        """Commit the open transaction (if any) and tell its outcomes."""
        if self.stack is None:
            return
        entries, stack = self.entries, self.stack
        self._reset()
        try:
            stack.close()
        except SQLAlchemyError:  # nothing of the batch is stored: each file on its own
            entries = [(self._alone(outcome, parsed), parsed) for outcome, parsed in entries]
        else:
            self.cache.update(self.pending)
        self.pending = LookupCache()
        for outcome, _parsed in entries:
            self.record(outcome)

    def close(self) -> None:
        """End the run: roll back what is uncommitted (after an error), give the connection back."""
        try:
            self._roll_back()
        finally:
            run, self.run, self.run_conn = self.run, None, None
            if run is not None:
                run.close()

    def _roll_back(self) -> None:
        if self.stack is not None:
            stack = self.stack
            self._reset()
            stack.__exit__(RuntimeError, RuntimeError("import ended"), None)

    def _connection(self) -> Connection:
        """The run's own connection, kept from one transaction to the next.

        Its page cache stays warm: given back to the pool after each transaction,
        with its own small cache put back, the connection dropped the cached pages,
        and the next transaction read them again (16 reads and 31 writes of a page
        per file at 10,000 files, against 8 and 23 kept).
        """
        if self.run_conn is None:
            run = ExitStack()
            conn = run.enter_context(self.engine.connect())
            if self.engine.dialect.name == "sqlite":
                run.callback(_import_page_cache(conn))
            self.run, self.run_conn = run, conn
        return self.run_conn

    def _begin(self) -> None:
        self.stack = ExitStack()
        self.conn = self.stack.enter_context(write_transaction_on(self._connection()))
        self.driver = Driver(self.conn)
        self.stack.callback(self.driver.close)
        self.discarded = False
        self.guarded = False
        self.started = time.monotonic()

    def _reset(self) -> None:
        self.stack, self.conn, self.driver, self.entries = None, None, None, []

    def _store_one(self, parsed: ParsedFile) -> FileOutcome:
        """Write one file; until one fails, without a savepoint (see the module's docstring)."""
        if not self.guarded:
            try:
                return self._write(parsed, guarded=False)
            except BaseException as error:  # Ctrl-C too: the files before it stay whole
                if isinstance(error, IntegrityError):  # a remembered id went stale
                    self.cache.clear()
                self._start_over()
                if not isinstance(error, Exception):
                    raise
        return self._store_guarded(parsed)

    def _start_over(self) -> None:
        """Roll the transaction back, then store its files again, a savepoint each."""
        entries = self.entries
        self._roll_back()
        self.pending = LookupCache()
        self._begin()
        self.guarded = True
        for outcome, parsed in entries:
            again = outcome if parsed is None else self._store_guarded(parsed)
            self.entries.append((again, parsed))

    def _store_guarded(self, parsed: ParsedFile) -> FileOutcome:
        """Write one file in a savepoint; a refused write is decided again, then "failed"."""
        path = parsed.source.path
        for _ in range(LOAD_ATTEMPTS - 1):
            try:
                return self._write(parsed, guarded=True)
            except IntegrityError:  # a remembered id went stale: look again
                self.cache.clear()
            except Exception as error:
                return _failed(path, error)
        try:
            return self._write(parsed, guarded=True)
        except Exception as error:
            return _failed(path, error)

    def _write(self, parsed: ParsedFile, *, guarded: bool) -> FileOutcome:
        assert self.driver is not None
        staged = LookupCache()
        with self.driver.savepoint() if guarded else nullcontext():
            writer = ProtocolWriter(self.driver, parsed, self.cache, staged, self.pending)
            outcome = writer.write(self.replace, discard=not self.discarded)
        self.pending.update(staged)
        self.discarded = self.discarded or outcome.status in ("imported", "replaced")
        return outcome

    def _alone(self, outcome: FileOutcome, parsed: ParsedFile | None) -> FileOutcome:
        if parsed is None:
            return outcome
        return load_protocol(self.engine, parsed, replace=self.replace, cache=self.cache)


def _failed(path: str, error: Exception) -> FileOutcome:
    """The outcome of a file the database refused (or a loader bug met): never raised."""
    why = _error_text(error) if isinstance(error, SQLAlchemyError) else repr(error)
    return _outcome(path, "failed", f"{path}: could not be stored: {why}")
