"""The read side of the app: plain, frozen rows, never live ORM objects.

Lists are paged with keyset pagination (`WHERE (date, id) < (?, ?) ... LIMIT n`,
newest first), so a page costs the same on the first page and the thousandth.
Meetings without a date come after all the dated ones: the list reads the dated
part, then the undated part (by id), each in the order of the `(date, id)`
index. SQLite and PostgreSQL disagree on where NULL sorts; two parts make them
agree without giving up the index.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from store.edits import is_edited
from store.models import (
    AgendaItem,
    Attendance,
    Body,
    HistoryBatch,
    ImportWarning,
    Meeting,
    Officer,
    Organization,
    OrganizationAlias,
    Person,
    SourceDocument,
)
from store.rows import (  # the row types are also known by these names, as they always were
    PAGE_SIZE,
    AgendaRow,
    AttendanceRow,
    Choices,
    Cursor,
    MeetingDetail,
    MeetingPage,
    MeetingRow,
    OfficerRow,
    PersonDetail,
    PersonMeeting,
    WarningRow,
    header_lines,
)

_DATE_TOKEN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?-?$")
ONE_DAY = timedelta(days=1)


def meeting_page(
    engine: Engine,
    text: str = "",
    *,
    after: Cursor | None = None,
    at: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> MeetingPage:
    """A page of meetings, newest first, matching every word of `text`.

    A word like `2020` or `2020-02` matches the date; any other word matches the
    body, the location or an agenda title. `after` starts after a row (next
    page); `at` starts at a row (to show a meeting jumped to).
    """
    with Session(engine) as session:
        query = _meeting_rows_query()
        for word in text.split():
            query = query.where(_word_filter(word, _body_ids(session, word)))
        return _page(session, query, after=after, at=at, limit=limit)


def meeting_row(engine: Engine, meeting_id: int) -> MeetingRow | None:
    """One meeting's line of the list, to redraw it after a change; None if gone."""
    with Session(engine) as session:
        found = session.exec(_meeting_rows_query().where(Meeting.id == meeting_id)).first()
    return MeetingRow(*found) if found else None


def _page(
    session: Session, query: Select, *, after: Cursor | None, at: Cursor | None, limit: int
) -> MeetingPage:
    start, inclusive = (at, True) if at is not None else (after, False)
    rows = [MeetingRow(*row) for row in in_list_order(session, query, start, inclusive, limit + 1)]
    more = len(rows) > limit
    rows = rows[:limit]
    return MeetingPage(tuple(rows), rows[-1].cursor if more else None)


def in_list_order(
    session: Session, query: Select, start: Cursor | None, inclusive: bool, limit: int
) -> list:
    """Up to `limit` rows of a meetings query in list order, from `start` on.

    Newest first, then the meetings without a date (newest id first). `start`
    is a cursor to begin after (or at, when `inclusive`); None is the top.
    """
    rows: list = []
    if start is None or start[0] is not None:
        dated = query.where(Meeting.date.is_not(None))
        if start is not None:
            dated = dated.where(_before(start, inclusive=inclusive))
        rows += session.exec(dated.order_by(Meeting.date.desc(), Meeting.id.desc()).limit(limit))
        start = None
    if len(rows) < limit:
        undated = query.where(Meeting.date.is_(None))
        if start is not None:
            undated = undated.where(Meeting.id <= start[1] if inclusive else Meeting.id < start[1])
        rows += session.exec(undated.order_by(Meeting.id.desc()).limit(limit - len(rows)))
    return rows


def _meeting_rows_query() -> Select:
    attendees = (
        select(func.count(Attendance.id))
        .where(Attendance.meeting_id == Meeting.id, Attendance.present)
        .scalar_subquery()
    )
    warnings = (
        select(func.count(ImportWarning.id))
        .where(ImportWarning.meeting_id == Meeting.id, ~ImportWarning.resolved)
        .scalar_subquery()
    )
    return select(
        Meeting.id, Meeting.date, Body.name, attendees, warnings, Meeting.reviewed
    ).outerjoin(Body, Body.id == Meeting.body_id)


def _before(cursor: Cursor, *, inclusive: bool) -> object:
    day, meeting_id = cursor
    same_day = Meeting.id <= meeting_id if inclusive else Meeting.id < meeting_id
    return or_(Meeting.date < day, and_(Meeting.date == day, same_day))


def _word_filter(word: str, body_ids: list[int]) -> object:
    days = _date_range(word)
    if days is not None:
        return Meeting.date.between(*days)
    # SQLite's lower() folds only ASCII, so `örebro` would miss `Örebro`: try the usual casings.
    patterns = {
        f"%{_escape_like(v)}%" for v in (word, word.lower(), word.capitalize(), word.upper())
    }
    places = [Meeting.location.ilike(p, escape="\\") for p in patterns]
    titles = [AgendaItem.title.ilike(p, escape="\\") for p in patterns]
    title = exists().where(AgendaItem.meeting_id == Meeting.id, or_(*titles))
    return or_(Meeting.body_id.in_(body_ids), *places, title)


def _date_range(word: str) -> tuple[date, date] | None:
    """The first and last day a word like `2020`, `2020-02` or `2020-02-26` stands for."""
    match = _DATE_TOKEN.match(word)
    if match is None:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            one = date(year, int(month), int(day))
            return one, one
        if month:
            first = date(year, int(month), 1)
            return first, date(year + int(month) // 12, int(month) % 12 + 1, 1) - ONE_DAY
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _body_ids(session: Session, word: str) -> list[int]:
    """Bodies whose name holds `word`, compared in Python because bodies are few."""
    folded = word.casefold()
    rows = session.exec(select(Body.id, Body.name))
    return [body_id for body_id, name in rows if folded in name.casefold()]


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- one meeting -------------------------------------------------------------


def meeting_detail(engine: Engine, meeting_id: int) -> MeetingDetail | None:
    """One meeting with its officers, attendance, agenda, warnings and source; None if gone."""
    with Session(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            return None
        source = session.get(SourceDocument, meeting.source_id) if meeting.source_id else None
        text = source.text if source else ""
        body = session.get(Body, meeting.body_id) if meeting.body_id is not None else None
        return MeetingDetail(
            id=meeting_id,
            body_id=meeting.body_id,
            body=body.name if body else None,
            **{f: getattr(meeting, f) for f in _HEADER_FIELDS},
            reviewed=meeting.reviewed,
            edited=is_edited(session, meeting_id),
            source_file=source.file_name if source else None,
            source_text=text,
            officers=_officers(session, meeting_id),
            attendance=_attendance(session, meeting_id),
            agenda=_agenda(session, meeting_id),
            warnings=_warnings(session, meeting_id),
            field_lines=header_lines(text),
            source_encoding=source.encoding if source else None,
        )


_HEADER_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "location",
    "adjusted_on",
    "next_meeting",
    "next_meeting_text",
)


def _officers(session: Session, meeting_id: int) -> tuple[OfficerRow, ...]:
    query = (
        select(Officer.id, Officer.role, Officer.name_as_written, Person.id, Person.name)
        .join(Person, Person.id == Officer.person_id)
        .add_columns(Officer.line)
        .where(Officer.meeting_id == meeting_id)
        .order_by(Officer.position, Officer.id)
    )
    rows = [OfficerRow(*row) for row in session.exec(query)]
    order = {"chair": 0, "secretary": 1, "adjuster": 2}
    return tuple(sorted(rows, key=lambda r: order.get(r.role, 3)))


def _attendance(session: Session, meeting_id: int) -> tuple[AttendanceRow, ...]:
    query = (
        select(
            Attendance.id,
            Attendance.position,
            Attendance.name_as_written,
            Person.id,
            Person.name,
            Attendance.party,
            Attendance.organization_id,
            func.coalesce(Organization.name, Attendance.organization_as_written),
            Attendance.organization_as_written,
            Attendance.role,
            Attendance.present,
            Attendance.paragraphs,
            Attendance.paragraph_numbers,
            Attendance.line,
            Attendance.function,
        )
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(Organization, Organization.id == Attendance.organization_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.position, Attendance.id)
    )
    return tuple(AttendanceRow(*row) for row in session.exec(query))


def _agenda(session: Session, meeting_id: int) -> tuple[AgendaRow, ...]:
    columns = [AgendaItem.__table__.c[name] for name in AgendaRow.__dataclass_fields__]
    query = (
        select(*columns)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.number, AgendaItem.id)
    )
    return tuple(AgendaRow(*row) for row in session.exec(query))


def _warnings(session: Session, meeting_id: int) -> tuple[WarningRow, ...]:
    query = (
        select(ImportWarning.id, ImportWarning.line, ImportWarning.message, ImportWarning.resolved)
        .where(ImportWarning.meeting_id == meeting_id)
        .order_by(ImportWarning.line, ImportWarning.id)
    )
    return tuple(WarningRow(*row) for row in session.exec(query))


# --- attention ---------------------------------------------------------------


def needs_attention() -> object:
    """The condition for a meeting that needs a person.

    Unreviewed, or with an open warning (a possible duplicate is one), or
    without a date or a council, even when reviewed: those are for a person to fill in.
    """
    open_warning = exists().where(ImportWarning.meeting_id == Meeting.id, ~ImportWarning.resolved)
    return or_(~Meeting.reviewed, open_warning, Meeting.date.is_(None), Meeting.body_id.is_(None))


def next_needing_attention(engine: Engine, after: Cursor | None = None) -> int | None:
    """The id of the next meeting (in list order, after `after`) that needs attention.

    Wraps around to the newest meeting; None when no meeting needs attention.
    """
    query = select(Meeting.id).where(needs_attention())
    with Session(engine) as session:
        if after is not None:
            found = in_list_order(session, query, after, False, 1)
            if found:
                return found[0][0]
        found = in_list_order(session, query, None, False, 1)
        return found[0][0] if found else None


# --- people ------------------------------------------------------------------


def person_detail(engine: Engine, person_id: int) -> PersonDetail | None:
    """A person with every attendance and officer row, newest meeting first; None if gone."""
    with Session(engine) as session:
        person = session.get(Person, person_id)
        if person is None:
            return None
        rows = [*_attended(session, person_id), *_officiated(session, person_id)]
    rows.sort(key=lambda r: (r.date is not None, r.date or date.min, r.meeting_id), reverse=True)
    return PersonDetail(person_id, person.name, tuple(rows))


def _attended(session: Session, person_id: int) -> list[PersonMeeting]:
    query = (
        select(
            Meeting.id,
            Meeting.date,
            Body.name,
            Attendance.role,
            Attendance.present,
            Attendance.name_as_written,
            Attendance.party,
            func.coalesce(Organization.name, Attendance.organization_as_written),
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .outerjoin(Body, Body.id == Meeting.body_id)
        .outerjoin(Organization, Organization.id == Attendance.organization_id)
        .where(Attendance.person_id == person_id)
    )
    return [PersonMeeting(*row) for row in session.exec(query)]


def _officiated(session: Session, person_id: int) -> list[PersonMeeting]:
    query = (
        select(Meeting.id, Meeting.date, Body.name, Officer.role, Officer.name_as_written)
        .join(Meeting, Meeting.id == Officer.meeting_id)
        .outerjoin(Body, Body.id == Meeting.body_id)
        .where(Officer.person_id == person_id)
    )
    return [
        PersonMeeting(mid, day, body, role, True, name, None, None)
        for mid, day, body, role, name in session.exec(query)
    ]


# --- what a field can be set to ----------------------------------------------


def known_choices(engine: Engine) -> Choices:
    """Every party code in use, and every organisation and body, sorted by name."""
    party_query = select(Attendance.party).where(Attendance.party.is_not(None)).distinct()
    with Session(engine) as session:
        parties = {p for (p,) in session.exec(party_query) if p}
        organizations = sorted(
            session.exec(select(Organization.id, Organization.name)).all(), key=lambda r: r[1]
        )
        bodies = sorted(session.exec(select(Body.id, Body.name)).all(), key=lambda r: r[1])
        aliases = {a for (a,) in session.exec(select(OrganizationAlias.spelling))}
    return Choices(
        parties=tuple(sorted(parties)),
        organizations=tuple((i, n) for i, n in organizations),
        bodies=tuple((i, n) for i, n in bodies),
        organization_spellings=tuple(sorted(aliases | {n for _, n in organizations})),
    )


def data_version(engine: Engine) -> tuple[int, ...]:
    """A cheap fingerprint that changes when people, meetings or the history change.

    Lets a view skip rebuilding what it derived (the people index) when nothing moved.
    """
    query = select(
        select(func.count(Person.id)).scalar_subquery(),
        select(func.max(Person.id)).scalar_subquery(),
        select(func.count(Meeting.id)).scalar_subquery(),
        select(func.max(Meeting.id)).scalar_subquery(),
        select(func.max(HistoryBatch.id)).scalar_subquery(),
        select(func.count(HistoryBatch.id)).where(HistoryBatch.undone).scalar_subquery(),
    )
    with Session(engine) as session:
        return tuple(value or 0 for value in session.exec(query).one())
