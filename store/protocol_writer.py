"""One parsed file written in the caller's transaction: decide, then insert (see `store.loading`).

Every statement a file needs each time (is it stored? which meetings share its
day? the source, the meeting, its child rows, its history entry) runs on the
driver's cursor, compiled once (`store.bulk`); the rare ones (a new spelling,
a replaced meeting) go through SQLAlchemy as usual.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select

from importers.records import ParsedFile, ParseWarning
from store import history, models
from store.bulk import Driver, Statement
from store.history import content_edits_of
from store.import_entry import ImportEntry
from store.loading import (
    FileOutcome,
    LookupCache,
    Status,
    _outcome,
    alias_key,
    new_uid,
    new_uids,
)
from store.name_ids import NameIds
from store.paragraphs import compact_ranges
from store.tables import ATTENDANCE, ITEM, MEETING, OFFICER, SOURCE, WARNING

_MEETING_CHILDREN = (ATTENDANCE, OFFICER, ITEM, WARNING)
_CHILD_COLUMNS = {
    "attendance": (
        "meeting_id", "position", "person_id", "name_as_written", "party", "organization_id",
        "organization_as_written", "role", "present", "paragraphs", "paragraph_numbers", "line",
        "function", "uid",
    ),
    "officer": ("meeting_id", "position", "role", "person_id", "name_as_written", "line", "uid"),
    "agendaitem": (
        "meeting_id", "position", "number", "title", "body", "decisions", "attachments", "line",
        "end_line", "uid",
    ),
    "importwarning": ("meeting_id", "source_id", "line", "message", "resolved", "uid"),
}  # fmt: skip
"""The columns of each child row tuple, in order (every column but the id)."""
_SOURCE_COLUMNS = ("uid", "file_name", "path", "content_hash", "encoding", "text", "imported_at")
_MEETING_COLUMNS = (
    "uid", "body_id", "date", "start_time", "end_time", "location", "adjusted_on",
    "next_meeting", "next_meeting_text", "source_id", "reviewed", "imported_at",
)  # fmt: skip


def _insert(table: Table, columns: Iterable[str]) -> Statement:
    return Statement(insert(table).values({c: bindparam(c) for c in columns}), returns_id=table)


_MEETING_WITH_HASH = Statement(
    select(MEETING.c.id)
    .join(SOURCE, MEETING.c.source_id == SOURCE.c.id)
    .where(SOURCE.c.content_hash == bindparam("content_hash"))
    .limit(1)
)
# By date only, the council compared here: given both, SQLite walks the council's index,
# every meeting the council ever had, where the date's index holds a handful.
_MEETINGS_ON_DATE = Statement(
    select(
        MEETING.c.id,
        MEETING.c.uid,
        MEETING.c.reviewed,
        MEETING.c.source_id,
        MEETING.c.imported_at,
        SOURCE.c.file_name,
        MEETING.c.body_id,
    )
    .outerjoin(SOURCE, MEETING.c.source_id == SOURCE.c.id)
    .where(MEETING.c.date == bindparam("date"))
    .order_by(MEETING.c.id)
)
_OPEN_WARNING = Statement(
    select(WARNING.c.id).where(
        WARNING.c.meeting_id == bindparam("meeting_id"),
        WARNING.c.message == bindparam("message"),
        ~WARNING.c.resolved,
    )
)
_NEW_SOURCE = _insert(SOURCE, _SOURCE_COLUMNS)
_NEW_MEETING = _insert(MEETING, _MEETING_COLUMNS)
_NEW_MEETING_WITH_ID = _insert(MEETING, ("id", *_MEETING_COLUMNS))
DUPLICATE_WARNING = "possible duplicate of {file_name}"
"""The warning on each of two meetings of one body and day imported from different files."""


@dataclass(frozen=True)
class SameDay:
    """A stored meeting of the same council on the same day."""

    id: int
    uid: str
    reviewed: bool
    source_id: int | None
    imported_at: datetime
    file_name: str | None


class ProtocolWriter:
    """Writes one parsed file on one driver inside the caller's transaction."""

    def __init__(
        self,
        driver: Driver,
        parsed: ParsedFile,
        cache: LookupCache,
        staged: LookupCache,
        pending: LookupCache | None = None,
    ) -> None:
        """`cache` holds committed ids, `pending` those of this transaction's earlier files,
        `staged` receives the ids this file finds or makes."""
        self.driver = driver
        self.parsed = parsed
        self.protocol = parsed.protocol
        self.path = parsed.source.path
        self.file_name = os.path.basename(self.path)
        self.entry = ImportEntry(driver, "import")
        self.names = NameIds(driver, self.entry, (staged, pending or LookupCache(), cache))

    def write(self, replace: bool, *, discard: bool = True) -> FileOutcome:
        """Decide unchanged/refused/replaced/imported and write accordingly.

        `discard=False` when an earlier entry of this transaction discarded the redo tail.
        """
        digest = {"content_hash": self.parsed.source.content_hash}
        found = self.driver.rows(_MEETING_WITH_HASH, digest)
        if found:
            return _outcome(self.path, "unchanged", meeting_id=found[0][0])
        same_day = self._meetings_on_date()
        existing = next((m for m in same_day if m.file_name == self.file_name), None)
        if existing is not None:
            refusal = self._refusal(existing, replace)
            if refusal is not None:
                return _outcome(self.path, "refused", refusal, meeting_id=existing.id)
            self.entry.action = "reimport"
            self.entry.meeting_removed(existing.uid)
            self._delete_meeting(existing)
        others = [m for m in same_day if m is not existing]
        return self._insert_all(existing, others, discard)

    def _insert_all(
        self, existing: SameDay | None, others: list[SameDay], discard: bool
    ) -> FileOutcome:
        """Insert the source, the meeting, its rows and warnings, and the history entry."""
        duplicates = (
            ParseWarning(None, DUPLICATE_WARNING.format(file_name=m.file_name)) for m in others
        )
        warnings = (*duplicates, *self.protocol.warnings)  # the one that matters most first
        meeting_uid = new_uid()
        source_id = self._insert_source()
        reuse = existing.id if existing is not None else None
        meeting_id = self._insert_meeting(meeting_uid, source_id, reuse)
        self._insert_children(meeting_id, source_id, warnings)
        self._warn_duplicates(others)
        self.entry.meeting_added(meeting_uid)
        self._finish((meeting_id, meeting_uid), existing, discard)
        status: Status = "replaced" if existing is not None else "imported"
        return _outcome(self.path, status, None, warnings, meeting_id)

    def _finish(self, meeting: tuple[int, str], replaced: SameDay | None, discard: bool) -> None:
        """The history entry in words: which file, which meeting, which import it replaced."""
        label = history.meeting_words(self.protocol.date, self.protocol.body)
        if replaced is None:
            summary = f"Imported {self.file_name}: the meeting {label}"
        else:
            summary = (
                f"Re-imported {self.file_name} over the meeting {label} "
                f"(imported {replaced.imported_at:%Y-%m-%d %H:%M})"
            )
        self.entry.finish(summary, (*meeting, label), discard=discard)

    # -- deciding ----------------------------------------------------------------------------

    def _meetings_on_date(self) -> list[SameDay]:
        """The stored meetings of the same body on the same date; none without body or date."""
        body_id = self.names.known_body(self.protocol.body)
        if body_id is None or self.protocol.date is None:
            return []
        rows = self.driver.rows(_MEETINGS_ON_DATE, {"date": self.protocol.date})
        return [SameDay(*row[:-1]) for row in rows if row[-1] == body_id]

    def _warn_duplicates(self, others: list[SameDay]) -> None:
        """Tell each other meeting of the day that this file may duplicate it (once)."""
        message = DUPLICATE_WARNING.format(file_name=self.file_name)
        rows = []
        for other in others:
            params = {"meeting_id": other.id, "message": message}
            if not self.driver.rows(_OPEN_WARNING, params):
                rows.append((other.id, other.source_id, None, message, False, new_uid()))
        self.driver.insert_rows(WARNING, _CHILD_COLUMNS["importwarning"], rows)
        self.entry.inserted("importwarning", [row[-1] for row in rows])

    def _refusal(self, existing: SameDay, replace: bool) -> str | None:
        """Why the stored meeting must not be overwritten, or None when it may be."""
        if replace:
            return None
        reasons = []
        if existing.reviewed:
            reasons.append("reviewed")
        edited = content_edits_of(existing.id).limit(1)
        if self.driver.conn.execute(edited).first() is not None:
            reasons.append("edited")
        if not reasons:
            return None
        return (
            f"{self.path}: meeting {existing.id} ({self.protocol.body}, {self.protocol.date}) "
            f"has been {' and '.join(reasons)} since it was imported; not replaced "
            "(use --replace to overwrite it)"
        )

    # -- writing the meeting -----------------------------------------------------------------

    def _delete_meeting(self, existing: SameDay) -> None:
        """Remove the stored meeting, its child rows and its source document."""
        conn = self.driver.conn
        for table in _MEETING_CHILDREN:
            conn.execute(delete(table).where(table.c.meeting_id == existing.id))
        conn.execute(delete(MEETING).where(MEETING.c.id == existing.id))
        if existing.source_id is not None:
            conn.execute(delete(WARNING).where(WARNING.c.source_id == existing.source_id))
            conn.execute(delete(SOURCE).where(SOURCE.c.id == existing.source_id))

    def _insert_meeting(self, uid: str, source_id: int, reuse_id: int | None) -> int:
        """Insert the meeting row; a replaced meeting keeps its id, so links to it hold."""
        p = self.protocol
        row: dict[str, Any] = {
            "uid": uid,
            "body_id": self.names.body(p.body),
            "date": p.date,
            "start_time": p.start,
            "end_time": p.end,
            "location": p.location,
            "adjusted_on": p.adjusted_on,
            "next_meeting": p.next_meeting,
            "next_meeting_text": p.next_meeting_text,
            "source_id": source_id,
            "reviewed": False,
            "imported_at": models.utc_now(),
        }
        if reuse_id is None:
            return self.driver.insert(_NEW_MEETING, row)
        self.driver.insert(_NEW_MEETING_WITH_ID, {**row, "id": reuse_id})
        return reuse_id

    def _insert_source(self) -> int:
        source = self.parsed.source
        row = {
            "uid": new_uid(),
            "file_name": self.file_name,
            "path": source.path,
            "content_hash": source.content_hash,
            "encoding": source.encoding,
            "text": source.text,
            "imported_at": models.utc_now(),
        }
        return self.driver.insert(_NEW_SOURCE, row)

    def _insert_children(
        self, meeting_id: int, source_id: int, warnings: tuple[ParseWarning, ...]
    ) -> None:
        """Attendance, officers, agenda items and warnings, each table in one executemany."""
        people = self.names.people_of(self.protocol)
        organizations = self.names.organizations_of(self.protocol.attendees)
        batches = (
            (ATTENDANCE, self._attendance_rows(meeting_id, people, organizations)),
            (OFFICER, self._officer_rows(meeting_id, people)),
            (ITEM, self._item_rows(meeting_id)),
            (WARNING, _warning_rows(meeting_id, source_id, warnings)),
        )
        for table, rows in batches:
            self.driver.insert_rows(table, _CHILD_COLUMNS[table.name], rows)

    def _attendance_rows(
        self, meeting_id: int, people: dict[str, int], organizations: dict[str, int]
    ) -> list[tuple[Any, ...]]:
        key = alias_key
        attendees = self.protocol.attendees
        return [
            (
                meeting_id,
                position,
                people[key(a.name)],
                a.name,
                a.party,
                organizations[key(a.organization)] if a.organization else None,
                a.organization,
                a.role,
                a.present,
                a.paragraphs,
                compact_ranges(a.paragraph_numbers) or None if a.paragraph_numbers else None,
                a.line,
                a.function,
                uid,
            )
            for position, (a, uid) in enumerate(
                zip(attendees, new_uids(len(attendees)), strict=True)
            )
        ]

    def _officer_rows(self, meeting_id: int, people: dict[str, int]) -> list[tuple[Any, ...]]:
        officers = self.protocol.officers
        return [
            (meeting_id, position, o.role, people[alias_key(o.name)], o.name, o.line, uid)
            for position, (o, uid) in enumerate(zip(officers, new_uids(len(officers)), strict=True))
        ]

    def _item_rows(self, meeting_id: int) -> list[tuple[Any, ...]]:
        items = self.protocol.items
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
                uid,
            )
            for position, (item, uid) in enumerate(zip(items, new_uids(len(items)), strict=True))
        ]


def _warning_rows(
    meeting_id: int, source_id: int, warnings: tuple[ParseWarning, ...]
) -> list[tuple[Any, ...]]:
    return [
        (meeting_id, source_id, w.line, w.message, False, uid)
        for w, uid in zip(warnings, new_uids(len(warnings)), strict=True)
    ]
