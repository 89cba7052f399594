"""Load parsed protocols into the database: one transaction per file, all or nothing.

A file whose text is already stored is "unchanged". A new version of a stored
document (same file name, same body and date) replaces its meeting, unless
someone has reviewed or edited that meeting: then it is "refused" unless the
caller asks to replace. A different file for the same body and day is never a
replacement: both meetings are kept, each warned that it may duplicate the other.
A meeting without a body or a date matches no other. Names and
organisations are linked through their aliases (looked up by `alias_key`); a
spelling never seen before becomes a new person or organisation.

One file is written by `store.protocol_writer` (on the driver's cursor, with
statements compiled once, child rows in bulk); the ids of bodies, people and
organisations are remembered for a whole run (`LookupCache`, used by
`store.name_ids`), because an import of many files meets the same few hundred
names again and again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from importers.records import ParsedFile, ParseWarning
from store import models, names
from store.bulk import Driver
from store.db import write_transaction

Status = Literal["imported", "replaced", "unchanged", "refused", "failed"]
LOAD_ATTEMPTS = 3
"""Tries per file when a unique constraint refuses a write that a concurrent writer beat."""


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file.

    `warnings` are the parser's warnings stored with this import: empty unless
    the file was imported or replaced.
    """

    path: str
    status: Status
    message: str | None
    warnings: tuple[ParseWarning, ...]
    meeting_id: int | None


@dataclass(frozen=True)
class ImportSummary:
    """The outcomes of an import run, one per file, in the order the files were tried."""

    outcomes: tuple[FileOutcome, ...]
    stopped: bool = False
    """True when the run was asked to stop: the files after `outcomes` were not tried."""
    total: int | None = None
    """How many files the run was given (more than `outcomes` when it stopped)."""

    def count(self, status: str) -> int:
        """How many files ended with `status`."""
        return sum(1 for outcome in self.outcomes if outcome.status == status)


new_uid = models.new_uid
"""Every row's uid, given here rather than by the column's default: much cheaper in bulk."""


def new_uids(count: int) -> list[str]:
    """`count` uids as `new_uid` makes them (the time, then 80 random bits), from one read
    of the OS's randomness: an import makes tens a file."""
    prefix = models.uid_time_prefix()
    digits = os.urandom(10 * count).hex()
    return [prefix + digits[start : start + 20] for start in range(0, 20 * count, 20)]


alias_key = lru_cache(maxsize=65_536)(names.alias_key)
"""`store.names.alias_key`, cached: an import meets the same few hundred names again and again."""


@dataclass
class LookupCache:
    """Ids of bodies, people and organisations known to exist, kept across one import run.

    `people` and `organizations` map an alias key to an id; `organization_names`
    maps a canonical organisation name to an id; `bodies` maps a body name to an id.
    """

    bodies: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    organizations: dict[str, int] = field(default_factory=dict)
    organization_names: dict[str, int] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when nothing is remembered yet."""
        return not (self.bodies or self.people or self.organizations or self.organization_names)

    def clear(self) -> None:
        """Forget everything (after another writer may have merged or deleted rows)."""
        for mapping in (self.bodies, self.people, self.organizations, self.organization_names):
            mapping.clear()

    def update(self, other: LookupCache) -> None:
        """Remember everything `other` holds as well."""
        self.bodies.update(other.bodies)
        self.people.update(other.people)
        self.organizations.update(other.organizations)
        self.organization_names.update(other.organization_names)


def load_protocol(
    engine: Engine,
    parsed: ParsedFile,
    *,
    replace: bool = False,
    cache: LookupCache | None = None,
) -> FileOutcome:
    """Store one parsed file in one transaction and say what happened.

    Never raises for a database error: the transaction is rolled back and the
    outcome is "failed". `replace=True` overwrites a reviewed or edited meeting.
    Pass the same `cache` to successive calls to look each name up only once.
    """
    path = parsed.source.path
    try:
        return _load_with_retry(
            engine, parsed, replace, cache if cache is not None else LookupCache()
        )
    except SQLAlchemyError as error:
        return _outcome(path, "failed", f"{path}: could not be stored: {_error_text(error)}")


def import_paths(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    replace: bool = False,
    on_progress: Callable[[int, int, FileOutcome], None] | None = None,
    workers: int | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import every protocol file under `paths` (files or folders, recursively).

    Each file is all or nothing; one bad file never stops the others. A path
    that does not exist is a "failed" outcome. A file whose content is already
    stored is "unchanged" without being parsed. `on_progress(done, total,
    outcome)` is called for each file, once it is committed (files are stored
    many to a transaction, each all or nothing). Big imports parse in `workers`
    processes (default: one per core, at most 4; `1` parses in this process).
    `should_stop()` is asked between files: once it says True, the run ends
    there (every file stored so far is whole) with `stopped` set.
    """
    from store.import_run import run_import  # it builds on this module

    return run_import(
        engine,
        paths,
        replace=replace,
        on_progress=on_progress,
        workers=workers,
        should_stop=should_stop,
    )


def _outcome(
    path: str,
    status: Status,
    message: str | None = None,
    warnings: tuple[ParseWarning, ...] = (),
    meeting_id: int | None = None,
) -> FileOutcome:
    return FileOutcome(path, status, message, warnings, meeting_id)


def _error_text(error: SQLAlchemyError) -> str:
    """The driver's own words when there are any: shorter than SQLAlchemy's, no SQL."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error)
    return " ".join(text.split())


def _load_with_retry(
    engine: Engine, parsed: ParsedFile, replace: bool, cache: LookupCache
) -> FileOutcome:
    """Load; when a constraint refuses the write, forget remembered ids and decide again.

    A remembered id may have gone stale (another writer merged people), or a
    writer outside the write lock (an edit in the app) added the same name or
    document first: on the next try the decision sees its committed rows.
    """
    for _ in range(LOAD_ATTEMPTS - 1):
        try:
            return _load_once(engine, parsed, replace, cache)
        except IntegrityError:
            cache.clear()
    return _load_once(engine, parsed, replace, cache)


def _load_once(
    engine: Engine, parsed: ParsedFile, replace: bool, cache: LookupCache
) -> FileOutcome:
    from store.protocol_writer import ProtocolWriter  # it builds on this module

    staged = LookupCache()
    # "Already imported?", "replace?" and the insert under one write lock, so two
    # importers take turns rather than both deciding "new" (store/db.py).
    with write_transaction(engine) as conn:
        driver = Driver(conn)
        try:
            outcome = ProtocolWriter(driver, parsed, cache, staged).write(replace)
        finally:
            driver.close()
    # Only ids from a committed transaction may outlive it.
    cache.update(staged)
    return outcome
