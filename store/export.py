"""Export the database as CSV: meetings, attendance, agenda items and people.

Rows are streamed from the database (attendance and agenda in one query each,
meetings and people a page at a time), so a big database is never held in
memory. Names are the canonical ones a secretary has cleaned up; the name as
written in the protocol is kept beside it in the attendance export. Meetings
come in date order, those without a date last (`date IS NULL, date`: the same
on SQLite and PostgreSQL, which disagree on where NULL sorts by itself).

Every text cell that starts like a spreadsheet formula (`=`, `+`, `-`, `@`,
tab or carriage return) gets a leading `'`, so a spreadsheet shows it as text
instead of running it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import (
    Connection,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    union,
)  # fmt: skip
from sqlalchemy.engine import Engine

from store.tables import ATTENDANCE, BODY, ITEM, MEETING, OFFICER, ORG, PERSON, PERSON_ALIAS, SOURCE

HEADERS: dict[str, tuple[str, ...]] = {
    "meetings": (
        "meeting_id", "body", "date", "start", "end", "location", "chair", "secretary",
        "adjusters", "adjusted_on", "next_meeting", "source_file",
    ),
    "attendance": (
        "meeting_id", "date", "body", "name_as_written", "person", "party", "organization",
        "role", "present", "paragraphs", "function",
    ),
    "agenda": ("meeting_id", "date", "body", "number", "title", "decisions", "attachments"),
    "people": (
        "person_id", "name", "aliases", "parties", "organizations", "meetings", "first_seen",
        "last_seen",
    ),
}  # fmt: skip
"""The column names of each export, in order."""
EXCEL_HEADERS = {
    "meeting_id": "mötes_id", "body": "organ", "date": "datum", "start": "början", "end": "slut",
    "location": "plats", "chair": "ordförande", "secretary": "sekreterare",
    "adjusters": "justerare", "adjusted_on": "justerat", "next_meeting": "nästa_möte",
    "source_file": "källfil", "name_as_written": "namn_som_skrivet", "person": "person",
    "party": "parti", "organization": "organisation", "role": "roll", "present": "närvarande",
    "number": "paragraf", "paragraphs": "paragrafer", "title": "rubrik", "decisions": "beslut",
    "attachments": "bilagor", "function": "uppdrag",
    "person_id": "person_id", "name": "namn", "aliases": "andra_stavningar", "parties": "partier",
    "organizations": "organisationer", "meetings": "möten", "first_seen": "första_gången",
    "last_seen": "senaste_gången",
}  # fmt: skip
"""`--excel` is read by people, in Swedish: each English column name's Swedish one."""
EXCEL_ROLES = {"member": "ledamot", "substitute": "ersättare", "other": "övrig"}
TABLE_NAMES = tuple(HEADERS)
LIST_SEPARATOR = "; "
"""Joins several values in one cell (adjusters, aliases, parties, organisations)."""
PAGE_SIZE = 500
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_MEETING_ORDER = (MEETING.c.date.is_(None), MEETING.c.date, MEETING.c.id)
"""Date order, meetings without a date last."""


def export_table(engine: Engine, name: str, out: TextIO, *, excel: bool = False) -> int:
    """Write one table (`meetings`, `attendance`, `agenda` or `people`) as CSV to `out`.

    `excel=True` writes what Swedish Excel opens directly: `;` between cells and
    a byte-order mark first (`out` must then be UTF-8). Returns the number of
    data rows written.
    """
    if name not in HEADERS:
        raise ValueError(f"unknown table {name!r}: choose one of {', '.join(TABLE_NAMES)}")
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if excel else ",")
    headers = HEADERS[name]
    writer.writerow([EXCEL_HEADERS.get(h, h) for h in headers] if excel else headers)
    if name in _AS_TEXT:
        query = _AS_TEXT[name](_Formats(binary_order=engine.dialect.name == "sqlite", excel=excel))
        return _write_streamed(engine, query, writer)
    role = headers.index("role") if excel and "role" in headers else -1
    written = 0
    for row in _ROWS[name](engine):
        cells = [_excel_cell(value) if excel else cell(value) for value in row]
        if role >= 0:
            cells[role] = EXCEL_ROLES.get(cells[role], cells[role])
        writer.writerow(cells)
        written += 1
    return written


def export_all(engine: Engine, folder: Path | str, *, excel: bool = False) -> dict[str, Path]:
    """Write every table to `<folder>/<name>.csv` (the folder is made if missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in TABLE_NAMES:
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            export_table(engine, name, out, excel=excel)
        written[name] = path
    return written


def cell(value: Any) -> str:
    """One value as CSV text: ISO dates, `HH:MM` times, `true`/`false`, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, time):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def _excel_cell(value: Any) -> str:
    """A cell for people reading Swedish: `ja`/`nej` instead of `true`/`false`."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return cell(value)


# -- attendance and agenda: one streamed query each, every cell made text by the database -----


def _write_streamed(engine: Engine, query: Select, writer: Any) -> int:
    """Rows straight from the driver's cursor to `writer`, a page at a time: no ORM rows.

    The query makes every cell what `cell` would (see `_Formats`), so
    nothing is done per cell in Python. On PostgreSQL a named (server-side)
    cursor streams the rows; SQLite's cursor steps through them as fetched.
    """
    # Only our own constants are bound: rendered inline, the SQL needs no parameters.
    sql = str(query.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    written = 0
    with engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver is not None
        named = engine.dialect.name == "postgresql"
        cursor = driver.cursor(name="protokoll_export") if named else driver.cursor()
        try:
            cursor.execute(sql)
            while rows := cursor.fetchmany(PAGE_SIZE):
                writer.writerows(rows)
                written += len(rows)
        finally:
            cursor.close()
    return written


@dataclass(frozen=True)
class _Formats:
    """How the database writes cells: `binary_order` (SQLite) and `excel` (Swedish words)."""

    binary_order: bool
    excel: bool

    def text(self, column: Any) -> Any:
        """A text column as `cell` writes it: a leading `'` where it starts like a formula.

        Every formula start sorts before "A" byte-wise; where text compares so
        (`binary_order`: SQLite) that cheap test rules most values out before `substr`.
        PostgreSQL compares by the database's collation, so there `substr` alone decides.
        """
        starts_like_formula = func.substr(column, 1, 1).in_(_FORMULA_STARTS)
        if self.binary_order:
            starts_like_formula = and_(column < literal("A", String), starts_like_formula)
        return case((starts_like_formula, literal("'", String).concat(column)), else_=column)

    def yes_no(self, column: Any) -> Any:
        """`true`/`false`, or `ja`/`nej` for Excel."""
        yes, no = ("ja", "nej") if self.excel else ("true", "false")
        return case((column, literal(yes, String)), else_=literal(no, String))

    def role(self, column: Any) -> Any:
        """The role as stored, or in Swedish for Excel (`ledamot`, `ersättare`, `övrig`)."""
        if not self.excel:
            return self.text(column)
        words = {stored: literal(word, String) for stored, word in EXCEL_ROLES.items()}
        return case(words, value=column, else_=self.text(column))


def _iso_date(column: Any) -> Any:
    """`2020-02-26`: SQLite stores it so, PostgreSQL casts a date so."""
    return cast(column, String)


def _attendance_query(formats: _Formats) -> Select:
    a, t = ATTENDANCE, formats.text
    return (
        select(
            MEETING.c.id, _iso_date(MEETING.c.date), t(BODY.c.name), t(a.c.name_as_written),
            t(PERSON.c.name), t(a.c.party), t(ORG.c.name), formats.role(a.c.role),
            formats.yes_no(a.c.present), t(a.c.paragraph_numbers), t(a.c.function),
        )
        .join_from(a, MEETING, a.c.meeting_id == MEETING.c.id)
        .outerjoin(BODY, MEETING.c.body_id == BODY.c.id)
        .join(PERSON, a.c.person_id == PERSON.c.id)
        .outerjoin(ORG, a.c.organization_id == ORG.c.id)
        .order_by(*_MEETING_ORDER, a.c.position, a.c.id)
    )  # fmt: skip


def _agenda_query(formats: _Formats) -> Select:
    i, t = ITEM, formats.text
    return (
        select(
            MEETING.c.id, _iso_date(MEETING.c.date), t(BODY.c.name), i.c.number,
            t(i.c.title), t(i.c.decisions), t(i.c.attachments),
        )
        .join_from(i, MEETING, i.c.meeting_id == MEETING.c.id)
        .outerjoin(BODY, MEETING.c.body_id == BODY.c.id)
        .order_by(*_MEETING_ORDER, i.c.position, i.c.id)
    )  # fmt: skip


_AS_TEXT = {"attendance": _attendance_query, "agenda": _agenda_query}
"""The exports written by the database's own formatting, streamed from the driver."""


# -- meetings: a page of meetings, then their officers ----------------------------------------


def _meeting_rows(engine: Engine) -> Iterator[Sequence[Any]]:
    with engine.connect() as conn:
        for dated in (True, False):  # the meetings without a date last, each part in index order
            yield from _meeting_part(conn, dated)


def _meeting_part(conn: Connection, dated: bool) -> Iterator[Sequence[Any]]:
    after: tuple[date | None, int] | None = None
    while page := _meeting_page(conn, dated, after):
        officers = _officers_of(conn, [row.id for row in page])
        for m in page:
            names = officers[m.id]
            yield (
                m.id, m.body, m.date, m.start_time, m.end_time, m.location,
                LIST_SEPARATOR.join(names["chair"]), LIST_SEPARATOR.join(names["secretary"]),
                LIST_SEPARATOR.join(names["adjuster"]), m.adjusted_on, m.next_meeting,
                m.file_name,
            )  # fmt: skip
        after = (page[-1].date, page[-1].id)


def _meeting_page(
    conn: Connection, dated: bool, after: tuple[date | None, int] | None
) -> list[Any]:
    """The next `PAGE_SIZE` dated (or undated) meetings in (date, id) order after `after`."""
    m = MEETING
    query = (
        select(m, BODY.c.name.label("body"), SOURCE.c.file_name)
        .outerjoin(BODY, m.c.body_id == BODY.c.id)
        .outerjoin(SOURCE, m.c.source_id == SOURCE.c.id)
        .where(m.c.date.is_not(None) if dated else m.c.date.is_(None))
        .order_by(m.c.date, m.c.id)
        .limit(PAGE_SIZE)
    )
    if after is not None and dated:
        query = query.where(or_(m.c.date > after[0], and_(m.c.date == after[0], m.c.id > after[1])))
    elif after is not None:
        query = query.where(m.c.id > after[1])
    return list(conn.execute(query))


def _officers_of(conn: Connection, meeting_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Meeting id -> role -> canonical names of its officers, in document order."""
    o = OFFICER
    query = (
        select(o.c.meeting_id, o.c.role, PERSON.c.name)
        .join(PERSON, o.c.person_id == PERSON.c.id)
        .where(o.c.meeting_id.in_(meeting_ids))
        .order_by(o.c.meeting_id, o.c.position, o.c.id)
    )
    officers: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for meeting_id, role, name in conn.execute(query):
        officers[meeting_id][role].append(name)
    return officers


# -- people: a page of people, then what is known about each ----------------------------------


def _people_rows(engine: Engine) -> Iterator[Sequence[Any]]:
    """Each person with spellings, parties, organisations, meetings attended and dates seen.

    `meetings` counts the meetings they attended (present, or an officer);
    `first_seen`/`last_seen` are the first and last meeting whose protocol names them.
    """
    with engine.connect() as conn:
        after = 0
        while page := _person_page(conn, after):
            ids = [person_id for person_id, _ in page]
            details = _person_details(conn, ids)
            for person_id, name in page:
                yield (person_id, name, *(column.get(person_id) for column in details))
            after = ids[-1]


def _person_page(conn: Connection, after: int) -> list[Any]:
    query = (
        select(PERSON.c.id, PERSON.c.name)
        .where(PERSON.c.id > after)
        .order_by(PERSON.c.id)
        .limit(PAGE_SIZE)
    )
    return list(conn.execute(query))


def _person_details(conn: Connection, ids: list[int]) -> list[dict[int, Any]]:
    """aliases, parties, organisations, meetings, first_seen, last_seen: person id -> value."""
    a = ATTENDANCE
    aliases = select(PERSON_ALIAS.c.person_id, PERSON_ALIAS.c.spelling).order_by(
        PERSON_ALIAS.c.person_id, PERSON_ALIAS.c.id
    )
    parties = select(a.c.person_id, a.c.party).where(a.c.party.is_not(None)).distinct()
    organizations = (
        select(a.c.person_id, ORG.c.name).join(ORG, a.c.organization_id == ORG.c.id).distinct()
    )
    meetings, first_seen, last_seen = _person_meetings(conn, ids)
    return [
        _joined(conn, aliases.where(PERSON_ALIAS.c.person_id.in_(ids)), ordered=True),
        _joined(conn, parties.where(a.c.person_id.in_(ids))),
        _joined(conn, organizations.where(a.c.person_id.in_(ids))),
        meetings,
        first_seen,
        last_seen,
    ]


def _joined(conn: Connection, query: Select, *, ordered: bool = False) -> dict[int, str]:
    """Run a (person id, text) query; each person's texts joined, sorted unless `ordered`."""
    texts: dict[int, list[str]] = defaultdict(list)
    for person_id, text in conn.execute(query):
        texts[person_id].append(text)
    return {
        person_id: LIST_SEPARATOR.join(values if ordered else sorted(values))
        for person_id, values in texts.items()
    }


def _person_meetings(
    conn: Connection, ids: list[int]
) -> tuple[dict[int, int], dict[int, date], dict[int, date]]:
    """Meetings attended, and first and last meeting date named, per person id."""
    a, o = ATTENDANCE, OFFICER
    attended = union(
        select(a.c.person_id, a.c.meeting_id).where(a.c.present.is_(True), a.c.person_id.in_(ids)),
        select(o.c.person_id, o.c.meeting_id).where(o.c.person_id.in_(ids)),
    ).subquery()
    named = union(
        select(a.c.person_id, a.c.meeting_id).where(a.c.person_id.in_(ids)),
        select(o.c.person_id, o.c.meeting_id).where(o.c.person_id.in_(ids)),
    ).subquery()
    counted = select(attended.c.person_id, func.count()).group_by(attended.c.person_id)
    dated = (
        select(named.c.person_id, func.min(MEETING.c.date), func.max(MEETING.c.date))
        .join(MEETING, named.c.meeting_id == MEETING.c.id)
        .group_by(named.c.person_id)
    )
    meetings = {person_id: count for person_id, count in conn.execute(counted)}
    first_seen: dict[int, date] = {}
    last_seen: dict[int, date] = {}
    for person_id, first, last in conn.execute(dated):
        first_seen[person_id], last_seen[person_id] = first, last
    return {person_id: meetings.get(person_id, 0) for person_id in ids}, first_seen, last_seen


_ROWS = {"meetings": _meeting_rows, "people": _people_rows}
