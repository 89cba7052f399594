"""Load parsed protocols into the database: one transaction per file, all or nothing.

A file whose text is already stored is "unchanged". A new version of a stored
document (same file name, same body and date) replaces its meeting, unless
someone has reviewed or edited that meeting: then it is "refused" unless the
caller asks to replace. A different file for the same body and day is never a
replacement: both meetings are kept, each warned that it may duplicate the other.
A meeting without a body or a date matches no other. Names and
organisations are linked through their aliases (looked up by `alias_key`); a
spelling never seen before becomes a new person or organisation.

Rows are written with SQLAlchemy Core, child rows in bulk, and the ids of
bodies, people and organisations are remembered for a whole run, because an
import of many files meets the same few hundred names again and again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Table, bindparam, delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from importers.records import Attendee, ParsedFile, ParseWarning
from store import history, models, names
from store.bulk import insert_rows
from store.db import write_transaction
from store.history import content_edits_of
from store.paragraphs import compact_ranges

Status = Literal["imported", "replaced", "unchanged", "refused", "failed"]
LOAD_ATTEMPTS = 3
"""Tries per file when a unique constraint refuses a write that a concurrent writer beat."""

_BODY: Table = models.Body.__table__  # type: ignore[assignment]
_MEETING: Table = models.Meeting.__table__  # type: ignore[assignment]
_SOURCE: Table = models.SourceDocument.__table__  # type: ignore[assignment]
_PERSON: Table = models.Person.__table__  # type: ignore[assignment]
_PERSON_ALIAS: Table = models.PersonAlias.__table__  # type: ignore[assignment]
_ORG: Table = models.Organization.__table__  # type: ignore[assignment]
_ORG_ALIAS: Table = models.OrganizationAlias.__table__  # type: ignore[assignment]
_ATTENDANCE: Table = models.Attendance.__table__  # type: ignore[assignment]
_OFFICER: Table = models.Officer.__table__  # type: ignore[assignment]
_ITEM: Table = models.AgendaItem.__table__  # type: ignore[assignment]
_WARNING: Table = models.ImportWarning.__table__  # type: ignore[assignment]
_EDIT_LOG: Table = models.EditLog.__table__  # type: ignore[assignment]
_MEETING_CHILDREN = (_ATTENDANCE, _OFFICER, _ITEM, _WARNING)
_CHILD_COLUMNS = {
    "attendance": (
        "meeting_id", "position", "person_id", "name_as_written", "party", "organization_id",
        "organization_as_written", "role", "present", "paragraphs", "paragraph_numbers", "line",
        "uid",
    ),
    "officer": ("meeting_id", "position", "role", "person_id", "name_as_written", "line", "uid"),
    "agendaitem": (
        "meeting_id", "position", "number", "title", "body", "decisions", "attachments", "line",
        "end_line", "uid",
    ),
    "importwarning": ("meeting_id", "source_id", "line", "message", "resolved", "uid"),
}  # fmt: skip
"""The columns of each child row tuple, in order (every column but the id)."""

# Built once: constructing a statement costs more than running it on SQLite.
_MEETING_WITH_HASH = (
    select(_MEETING.c.id)
    .join(_SOURCE, _MEETING.c.source_id == _SOURCE.c.id)
    .where(_SOURCE.c.content_hash == bindparam("content_hash"))
    .limit(1)
)
_MEETINGS_ON_DATE = (
    select(
        _MEETING.c.id,
        _MEETING.c.reviewed,
        _MEETING.c.source_id,
        _MEETING.c.imported_at,
        _SOURCE.c.file_name,
    )
    .outerjoin(_SOURCE, _MEETING.c.source_id == _SOURCE.c.id)
    .where(_MEETING.c.body_id == bindparam("body_id"), _MEETING.c.date == bindparam("date"))
    .order_by(_MEETING.c.id)
)
_OPEN_WARNING = select(_WARNING.c.id).where(
    _WARNING.c.meeting_id == bindparam("meeting_id"),
    _WARNING.c.message == bindparam("message"),
    ~_WARNING.c.resolved,
)
DUPLICATE_WARNING = "possible duplicate of {file_name}"
"""The warning on each of two meetings of one body and day imported from different files."""
_BODY_NAMED = select(_BODY.c.id).where(_BODY.c.name == bindparam("name"))
_INSERTS = {table.name: insert(table) for table in (_SOURCE, _MEETING, _BODY, *_MEETING_CHILDREN)}


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
    many to a transaction, a savepoint each). Big imports parse in `workers`
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
    staged = LookupCache()
    # "Already imported?", "replace?" and the insert under one write lock, so two
    # importers take turns rather than both deciding "new" (store/db.py).
    with write_transaction(engine) as conn:
        outcome = ProtocolWriter(conn, parsed, cache, staged).write(replace)
    # Only ids from a committed transaction may outlive it.
    cache.update(staged)
    return outcome


class ProtocolWriter:
    """Writes one parsed file on one connection inside the caller's transaction."""

    def __init__(
        self,
        conn: Connection,
        parsed: ParsedFile,
        cache: LookupCache,
        staged: LookupCache,
        pending: LookupCache | None = None,
    ) -> None:
        """`cache` holds committed ids, `pending` those of this transaction's earlier files,
        `staged` receives the ids this file finds or makes."""
        self.conn = conn
        self.known = (staged, pending or LookupCache(), cache)
        self.parsed = parsed
        self.protocol = parsed.protocol
        self.path = parsed.source.path
        self.file_name = Path(parsed.source.path).name
        self.cache = cache
        self.staged = staged

    def write(self, replace: bool) -> FileOutcome:
        """Decide unchanged/refused/replaced/imported and write accordingly."""
        stored = self._meeting_with_hash(self.parsed.source.content_hash)
        if stored is not None:
            return _outcome(self.path, "unchanged", meeting_id=stored)
        same_day = self._meetings_on_date()
        existing = next((m for m in same_day if m.file_name == self.file_name), None)
        if existing is not None:
            refusal = self._refusal(existing, replace)
            if refusal is not None:
                return _outcome(self.path, "refused", refusal, meeting_id=existing.id)
        self.entry = history.begin(self.conn, "import" if existing is None else "reimport")
        self.meeting_uid = new_uid()
        if existing is not None:
            self.entry.meeting_removed(existing.id)
            self._delete_meeting(existing)
        others = [m for m in same_day if m is not existing]
        duplicates = (
            ParseWarning(None, DUPLICATE_WARNING.format(file_name=m.file_name)) for m in others
        )
        warnings = (*duplicates, *self.protocol.warnings)  # the one that matters most first
        source_id = self._insert_source()
        meeting_id = self._insert_meeting(source_id, existing.id if existing is not None else None)
        self._insert_children(meeting_id, source_id, warnings)
        self._warn_duplicates(others)
        self._finish_entry(meeting_id, existing)
        status: Status = "replaced" if existing is not None else "imported"
        return _outcome(self.path, status, None, warnings, meeting_id)

    def _finish_entry(self, meeting_id: int, replaced: Any | None) -> None:
        """The history entry in words: which file, which meeting, which import it replaced."""
        self.entry.meeting_added(self.meeting_uid)
        file_name = Path(self.path).name
        label = history.meeting_words(self.protocol.date, self.protocol.body)
        if replaced is None:
            summary = f"Imported {file_name}: the meeting {label}"
        else:
            summary = (
                f"Re-imported {file_name} over the meeting {label} "
                f"(imported {replaced.imported_at:%Y-%m-%d %H:%M})"
            )
        self.entry.finish(summary, meeting=(meeting_id, self.meeting_uid, label))

    # -- deciding ----------------------------------------------------------------------------

    def _meeting_with_hash(self, content_hash: str) -> int | None:
        return self.conn.execute(_MEETING_WITH_HASH, {"content_hash": content_hash}).scalar()

    def _meetings_on_date(self) -> list[Any]:
        """The stored meetings of the same body on the same date; none without body or date."""
        body_id = self._known_body()
        if body_id is None or self.protocol.date is None:
            return []
        params = {"body_id": body_id, "date": self.protocol.date}
        return list(self.conn.execute(_MEETINGS_ON_DATE, params))

    def _warn_duplicates(self, others: list[Any]) -> None:
        """Tell each other meeting of the day that this file may duplicate it (once)."""
        message = DUPLICATE_WARNING.format(file_name=self.file_name)
        for other in others:
            params = {"meeting_id": other.id, "message": message}
            if self.conn.execute(_OPEN_WARNING, params).first() is None:
                row = {**params, "source_id": other.source_id, "line": None, "uid": new_uid()}
                self.conn.execute(_INSERTS["importwarning"], row)
                self.entry.inserted("importwarning", [row["uid"]])

    def _refusal(self, existing: Any, replace: bool) -> str | None:
        """Why the stored meeting must not be overwritten, or None when it may be."""
        if replace:
            return None
        reasons = []
        if existing.reviewed:
            reasons.append("reviewed")
        if self._is_edited(existing.id):
            reasons.append("edited")
        if not reasons:
            return None
        return (
            f"{self.path}: meeting {existing.id} ({self.protocol.body}, {self.protocol.date}) "
            f"has been {' and '.join(reasons)} since it was imported; not replaced "
            "(use --replace to overwrite it)"
        )

    def _is_edited(self, meeting_id: int) -> bool:
        return self.conn.execute(content_edits_of(meeting_id).limit(1)).first() is not None

    # -- writing the meeting -----------------------------------------------------------------

    def _delete_meeting(self, existing: Any) -> None:
        """Remove the stored meeting, its child rows and its source document."""
        for table in _MEETING_CHILDREN:
            self.conn.execute(delete(table).where(table.c.meeting_id == existing.id))
        self.conn.execute(delete(_MEETING).where(_MEETING.c.id == existing.id))
        if existing.source_id is not None:
            self.conn.execute(delete(_WARNING).where(_WARNING.c.source_id == existing.source_id))
            self.conn.execute(delete(_SOURCE).where(_SOURCE.c.id == existing.source_id))

    def _insert_meeting(self, source_id: int, reuse_id: int | None) -> int:
        """Insert the meeting row; a replaced meeting keeps its id, so links to it hold."""
        p = self.protocol
        row: dict[str, Any] = {
            "body_id": self._body_id(),
            "date": p.date,
            "start_time": p.start,
            "end_time": p.end,
            "location": p.location,
            "adjusted_on": p.adjusted_on,
            "next_meeting": p.next_meeting,
            "next_meeting_text": p.next_meeting_text,
            "source_id": source_id,
            "reviewed": False,
            "uid": self.meeting_uid,
        }
        if reuse_id is not None:
            row["id"] = reuse_id
        return self.conn.execute(_INSERTS["meeting"], row).inserted_primary_key[0]

    def _insert_source(self) -> int:
        source = self.parsed.source
        row = {
            "file_name": Path(source.path).name,
            "path": source.path,
            "content_hash": source.content_hash,
            "encoding": source.encoding,
            "text": source.text,
            "uid": new_uid(),
        }
        return self.conn.execute(_INSERTS["sourcedocument"], row).inserted_primary_key[0]

    def _insert_children(
        self, meeting_id: int, source_id: int, warnings: tuple[ParseWarning, ...]
    ) -> None:
        """Attendance, officers, agenda items and warnings, each table in one executemany."""
        people = self._person_ids()
        organizations = self._organization_ids()
        batches = (
            (_ATTENDANCE, self._attendance_rows(meeting_id, people, organizations)),
            (_OFFICER, self._officer_rows(meeting_id, people)),
            (_ITEM, self._item_rows(meeting_id)),
            (_WARNING, _warning_rows(meeting_id, source_id, warnings)),
        )
        for table, rows in batches:
            insert_rows(self.conn, table, _CHILD_COLUMNS[table.name], rows)

    def _attendance_rows(
        self, meeting_id: int, people: dict[str, int], organizations: dict[str, int]
    ) -> list[tuple[Any, ...]]:
        return [
            (
                meeting_id,
                position,
                people[alias_key(a.name)],
                a.name,
                a.party,
                organizations[alias_key(a.organization)] if a.organization else None,
                a.organization,
                a.role,
                a.present,
                a.paragraphs,
                compact_ranges(a.paragraph_numbers) or None,
                a.line,
                new_uid(),
            )
            for position, a in enumerate(self.protocol.attendees)
        ]

    def _officer_rows(self, meeting_id: int, people: dict[str, int]) -> list[tuple[Any, ...]]:
        return [
            (meeting_id, position, o.role, people[alias_key(o.name)], o.name, o.line, new_uid())
            for position, o in enumerate(self.protocol.officers)
        ]

    def _item_rows(self, meeting_id: int) -> list[tuple[Any, ...]]:
        return [
            (
                meeting_id,
                position,
                item.number,
                item.title,
                item.body,
                "\n".join(item.decisions),
                "\n".join(item.attachments),
                item.line,
                item.end_line,
                new_uid(),
            )
            for position, item in enumerate(self.protocol.items)
        ]

    # -- bodies, people and organisations ----------------------------------------------------

    def _remembered(self, mapping: str, key: str) -> int | None:
        for known in self.known:
            found = getattr(known, mapping).get(key)
            if found is not None:
                return found
        return None

    def _known_body(self) -> int | None:
        name = self.protocol.body
        if not name:
            return None
        body_id = self._remembered("bodies", name)
        if body_id is None:
            body_id = self.conn.execute(_BODY_NAMED, {"name": name}).scalar()
            if body_id is not None:
                self.staged.bodies[name] = body_id
        return body_id

    def _body_id(self) -> int | None:
        """The body's id, created if new; None when the protocol names no body."""
        name = self.protocol.body
        if not name:
            return None
        body_id = self._known_body()
        if body_id is None:
            uid = new_uid()
            row = {"name": name, "uid": uid}
            body_id = self.conn.execute(_INSERTS["body"], row).inserted_primary_key[0]
            self.entry.inserted("body", [uid])
            self.staged.bodies[name] = body_id
        return body_id

    def _person_ids(self) -> dict[str, int]:
        """Alias key -> person id for every name in the protocol, creating people as needed."""
        names = [a.name for a in self.protocol.attendees] + [o.name for o in self.protocol.officers]
        spellings = _first_spelling_per_key(names)
        ids = {key: self._remembered("people", key) for key in spellings}
        missing = [key for key, found in ids.items() if found is None]
        if missing:
            ids.update(self._lookup_aliases(_PERSON_ALIAS, "person_id", missing))
            new = [key for key in missing if ids.get(key) is None]
            ids.update(self._create_people({key: spellings[key] for key in new}))
            self.staged.people.update({key: ids[key] for key in missing})
        return {key: person_id for key, person_id in ids.items() if person_id is not None}

    def _lookup_aliases(self, table: Table, id_column: str, keys: Sequence[str]) -> dict[str, int]:
        query = select(table.c.key, table.c[id_column]).where(table.c.key.in_(keys))
        return {key: found for key, found in self.conn.execute(query)}

    def _create_people(self, spellings: dict[str, str]) -> dict[str, int]:
        if not spellings:
            return {}
        statement = insert(_PERSON).returning(_PERSON.c.id, sort_by_parameter_order=True)
        people = [{"name": s, "uid": new_uid()} for s in spellings.values()]
        rows = self.conn.execute(statement, people).all()
        ids = {key: row.id for key, row in zip(spellings, rows, strict=True)}
        aliases = [
            {"person_id": ids[key], "spelling": spelling, "key": key, "uid": new_uid()}
            for key, spelling in spellings.items()
        ]
        self.conn.execute(insert(_PERSON_ALIAS), aliases)
        self.entry.inserted("person", [p["uid"] for p in people])
        self.entry.inserted("personalias", [a["uid"] for a in aliases])
        return ids

    def _organization_ids(self) -> dict[str, int]:
        """Alias key of each organisation as written -> organisation id, creating as needed."""
        pairs = _organization_spellings(self.protocol.attendees)
        wanted = {alias_key(s) for pair in pairs.items() for s in pair}
        unknown = [k for k in wanted if self._remembered("organizations", k) is None]
        if unknown:
            found = self._lookup_aliases(_ORG_ALIAS, "organization_id", unknown)
            self.staged.organizations.update(found)
        ids: dict[str, int] = {}
        new_aliases: dict[str, tuple[str, int]] = {}
        for written, canonical in pairs.items():
            key = alias_key(written)
            org_id = self._remembered("organizations", key)
            if org_id is None:
                org_id = self._organization_for(canonical)
                new_aliases[key] = (written, org_id)
                self.staged.organizations[key] = org_id
            ids[key] = org_id
        self._insert_organization_aliases(new_aliases)
        return ids

    def _organization_for(self, canonical: str) -> int:
        """The organisation a canonical name stands for: by its spellings, its name, or new."""
        org_id = self._remembered("organizations", alias_key(canonical))
        if org_id is None:
            org_id = self._remembered("organization_names", canonical)
        if org_id is None:
            query = select(_ORG.c.id).where(_ORG.c.name == canonical)
            org_id = self.conn.execute(query).scalar()
        if org_id is None:
            uid = new_uid()
            statement = insert(_ORG).values(name=canonical, uid=uid)
            org_id = self.conn.execute(statement).inserted_primary_key[0]
            self.entry.inserted("organization", [uid])
        self.staged.organization_names[canonical] = org_id
        return org_id

    def _insert_organization_aliases(self, aliases: dict[str, tuple[str, int]]) -> None:
        rows = [
            {"organization_id": org_id, "spelling": spelling, "key": key, "uid": new_uid()}
            for key, (spelling, org_id) in aliases.items()
        ]
        if rows:
            self.conn.execute(insert(_ORG_ALIAS), rows)
            self.entry.inserted("organizationalias", [row["uid"] for row in rows])


def _warning_rows(
    meeting_id: int, source_id: int, warnings: Iterable[ParseWarning]
) -> list[tuple[Any, ...]]:
    return [(meeting_id, source_id, w.line, w.message, False, new_uid()) for w in warnings]


def _first_spelling_per_key(names: Iterable[str]) -> dict[str, str]:
    """Alias key -> the first spelling seen with that key, in document order."""
    spellings: dict[str, str] = {}
    for name in names:
        spellings.setdefault(alias_key(name), name)
    return spellings


def _organization_spellings(attendees: Iterable[Attendee]) -> dict[str, str]:
    """Organisation as written -> its canonical name, for every attendee who names one."""
    pairs: dict[str, str] = {}
    for a in attendees:
        if a.organization:
            pairs.setdefault(a.organization, a.organization_canonical or a.organization)
    return pairs
