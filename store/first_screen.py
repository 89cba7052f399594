"""The app's first screen read with plain SQL: the newest meetings and the newest one's detail.

Opening the app on an SQLite file shows its first page before SQLAlchemy and
SQLModel are loaded (about 0.3 s of imports, then done in the background). This
module reads what `queries.meeting_page`, `queries.meeting_detail`,
`meeting_list.count` and `queries.data_version` read, for the list's default
order only, through any DB-API connection: sqlite3 for a file, and the tests run
it on PostgreSQL through an engine's raw connection. tests/store/test_first_screen.py
keeps it reading exactly what the queries read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from store.migrations import HEAD
from store.rows import (
    PAGE_SIZE,
    AgendaRow,
    AttendanceRow,
    MeetingDetail,
    MeetingPage,
    MeetingRow,
    OfficerRow,
    WarningRow,
    header_lines,
)

CONTENT_ACTIONS = ("edit", "add", "delete")
"""`store.history.CONTENT_ACTIONS` (not imported: it needs SQLAlchemy); a test keeps them equal."""
BUSY_TIMEOUT_S = 10.0
"""As `store.db.BUSY_TIMEOUT_MS`: wait this long for a writer before giving up."""
OFFICER_ORDER = {"chair": 0, "secretary": 1, "adjuster": 2}


@dataclass(frozen=True)
class FirstScreen:
    """What the meetings view shows first: the top of the list, its newest meeting, counts."""

    page: MeetingPage
    detail: MeetingDetail | None
    """The first row's meeting; None when there are no meetings."""
    total: int
    """How many meetings there are."""
    version: tuple[int, ...]
    """As `queries.data_version`."""


def at_head(path: Path) -> bool:
    """Whether an existing SQLite file holds protokoll's newest schema (else it needs the ORM)."""
    if not path.is_file():
        return False
    try:
        conn = connect(path)
        try:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:  # no such table, not a database: the engine's path says what is wrong
        return False
    return found == [(HEAD,)]


def connect(path: Path) -> sqlite3.Connection:
    """A connection to an existing SQLite file (never creating one), in autocommit mode."""
    uri = f"{path.resolve().as_uri()}?mode=rw"
    return sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )


def read_sqlite(path: Path, *, limit: int = PAGE_SIZE) -> FirstScreen:
    """The first screen of an SQLite file, read in one transaction (one consistent picture)."""
    conn = connect(path)
    try:
        conn.execute("BEGIN")
        return read_first_screen(conn, limit=limit)
    finally:
        conn.close()


def read_meeting(path: Path, meeting_id: int) -> MeetingDetail | None:
    """One meeting of an SQLite file as `queries.meeting_detail` reads it; None if it is gone.

    For the keys pressed while the store is still loading.
    """
    conn = connect(path)
    try:
        conn.execute("BEGIN")
        return _read_detail(_Sql(conn), meeting_id)
    finally:
        conn.close()


def read_first_screen(conn: Any, *, limit: int = PAGE_SIZE) -> FirstScreen:
    """The first page (newest first), the first row's detail, the count and the data version."""
    sql = _Sql(conn)
    rows = [_meeting_row(row) for row in sql.all(_DATED, limit + 1)]
    if len(rows) <= limit:
        rows += [_meeting_row(row) for row in sql.all(_UNDATED, limit + 1 - len(rows))]
    more = len(rows) > limit
    rows = rows[:limit]
    page = MeetingPage(tuple(rows), rows[-1].cursor if more else None)
    detail = _read_detail(sql, rows[0].id) if rows else None
    (total,) = sql.all("SELECT count(id) FROM meeting")[0]
    version = tuple(value or 0 for value in sql.all(_VERSION)[0])
    return FirstScreen(page, detail, total, version)


def _read_detail(sql: _Sql, meeting_id: int) -> MeetingDetail | None:
    """One meeting as `queries.meeting_detail` reads it; None if it is gone."""
    found = sql.all(_DETAIL, meeting_id)
    if not found:
        return None
    head = found[0]
    text = head[12] or ""
    officers = [OfficerRow(*row) for row in sql.all(_OFFICERS, meeting_id)]
    return MeetingDetail(
        id=head[0],
        body_id=head[1],
        body=head[2],
        date=_day(head[3]),
        start_time=_clock(head[4]),
        end_time=_clock(head[5]),
        location=head[6],
        adjusted_on=_day(head[7]),
        next_meeting=_day(head[8]),
        next_meeting_text=head[9],
        reviewed=bool(head[10]),
        edited=bool(sql.all(_EDITED, meeting_id, *CONTENT_ACTIONS)),
        source_file=head[11],
        source_text=text,
        officers=tuple(sorted(officers, key=lambda r: OFFICER_ORDER.get(r.role, 3))),
        attendance=tuple(_attendance_row(row) for row in sql.all(_ATTENDANCE, meeting_id)),
        agenda=tuple(AgendaRow(*row) for row in sql.all(_AGENDA, meeting_id)),
        warnings=tuple(_warning_row(row) for row in sql.all(_WARNINGS, meeting_id)),
        field_lines=header_lines(text),
        source_encoding=head[13],
    )


class _Sql:
    """Runs SQL written with `?` marks on sqlite3 or on a `%s` driver (psycopg)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.qmark = isinstance(getattr(conn, "dbapi_connection", conn), sqlite3.Connection)

    def all(self, statement: str, *params: Any) -> list[Sequence[Any]]:
        """Every row of one statement."""
        cursor = self.conn.cursor()
        try:
            cursor.execute(statement if self.qmark else statement.replace("?", "%s"), params)
            return cursor.fetchall()
        finally:
            cursor.close()


def _day(value: Any) -> date | None:
    """A date as the driver gives it: a `date` (psycopg) or ISO text (SQLite)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _clock(value: Any) -> time | None:
    return time.fromisoformat(value) if isinstance(value, str) else value


def _meeting_row(row: Sequence[Any]) -> MeetingRow:
    meeting_id, day, body, attendees, warnings, reviewed = row
    return MeetingRow(meeting_id, _day(day), body, attendees, warnings, bool(reviewed))


def _attendance_row(row: Sequence[Any]) -> AttendanceRow:
    values = list(row)
    values[10] = bool(values[10])  # present
    return AttendanceRow(*values)


def _warning_row(row: Sequence[Any]) -> WarningRow:
    warning_id, line, message, resolved = row
    return WarningRow(warning_id, line, message, bool(resolved))


_LIST = (
    "SELECT m.id, m.date, b.name,"
    " (SELECT count(a.id) FROM attendance a WHERE a.meeting_id = m.id AND a.present),"
    " (SELECT count(w.id) FROM importwarning w WHERE w.meeting_id = m.id AND NOT w.resolved),"
    " m.reviewed FROM meeting m LEFT OUTER JOIN body b ON b.id = m.body_id"
)
# The two parts of the list, each in the order of the (date, id) index (see store.queries).
_DATED = f"{_LIST} WHERE m.date IS NOT NULL ORDER BY m.date DESC, m.id DESC LIMIT ?"
_UNDATED = f"{_LIST} WHERE m.date IS NULL ORDER BY m.id DESC LIMIT ?"
_VERSION = (
    "SELECT (SELECT count(id) FROM person), (SELECT max(id) FROM person),"
    " (SELECT count(id) FROM meeting), (SELECT max(id) FROM meeting),"
    " (SELECT max(id) FROM historybatch),"
    " (SELECT count(id) FROM historybatch WHERE undone)"
)
_DETAIL = (
    "SELECT m.id, m.body_id, b.name, m.date, m.start_time, m.end_time, m.location,"
    " m.adjusted_on, m.next_meeting, m.next_meeting_text, m.reviewed,"
    " s.file_name, s.text, s.encoding"
    " FROM meeting m LEFT OUTER JOIN body b ON b.id = m.body_id"
    " LEFT OUTER JOIN sourcedocument s ON s.id = m.source_id WHERE m.id = ?"
)
_EDITED = (
    "SELECT h.id FROM historybatch h"
    " WHERE h.meeting_uid = (SELECT uid FROM meeting WHERE id = ?)"
    " AND NOT h.undone AND h.action IN (?, ?, ?) LIMIT 1"
)
_OFFICERS = (
    "SELECT o.id, o.role, o.name_as_written, p.id, p.name, o.line"
    " FROM officer o JOIN person p ON p.id = o.person_id"
    " WHERE o.meeting_id = ? ORDER BY o.position, o.id"
)
_ATTENDANCE = (
    "SELECT a.id, a.position, a.name_as_written, p.id, p.name, a.party, a.organization_id,"
    " coalesce(o.name, a.organization_as_written), a.organization_as_written, a.role,"
    " a.present, a.paragraphs, a.paragraph_numbers, a.line, a.function"
    " FROM attendance a JOIN person p ON p.id = a.person_id"
    " LEFT OUTER JOIN organization o ON o.id = a.organization_id"
    " WHERE a.meeting_id = ? ORDER BY a.position, a.id"
)
_AGENDA = (
    "SELECT id, position, number, title, body, decisions, attachments, line, end_line"
    " FROM agendaitem WHERE meeting_id = ? ORDER BY position, number, id"
)
_WARNINGS = (
    "SELECT id, line, message, resolved FROM importwarning WHERE meeting_id = ? ORDER BY line, id"
)
