"""The read side's plain values: frozen rows the app shows, never live ORM objects.

They live apart from the queries that fill them so that the app can name (and
show) them without importing SQLAlchemy: its first screen is read with plain
SQL (`store.first_screen`) before the ORM is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, time

PAGE_SIZE = 200
Cursor = tuple[date | None, int]
"""A meeting's place in the list: its (date, id); a date of None is in the undated part."""


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meetings list."""

    id: int
    date: date | None
    body: str | None
    """None when the protocol named no council (yet)."""
    attendees: int
    warnings: int
    """Open (unresolved) import warnings."""
    reviewed: bool

    @property
    def cursor(self) -> Cursor:
        """This row's place in the list, for the next page."""
        return (self.date, self.id)


@dataclass(frozen=True)
class MeetingPage:
    """Some rows of the meetings list and where the next page starts."""

    rows: tuple[MeetingRow, ...]
    next_cursor: Cursor | None
    """None when this is the last page."""


def list_key(cursor: Cursor) -> tuple[bool, int, int]:
    """Sorts cursors the way the list runs: newest first, meetings without a date last."""
    day, meeting_id = cursor
    return (day is None, -day.toordinal() if day else 0, -meeting_id)


# --- one meeting -------------------------------------------------------------


@dataclass(frozen=True)
class OfficerRow:
    """The chair, the secretary or an adjuster of a meeting."""

    id: int
    role: str
    name_as_written: str
    person_id: int
    person: str
    line: int | None


@dataclass(frozen=True)
class AttendanceRow:
    """One row of a meeting's attendance list."""

    id: int
    position: int
    name_as_written: str
    person_id: int
    person: str
    party: str | None
    organization_id: int | None
    organization: str | None
    """The canonical organisation, else the organisation as written."""
    organization_as_written: str | None
    role: str
    present: bool
    paragraphs: str | None
    """The paragraphs attended, as written; None when present for all of them."""
    paragraph_numbers: str | None
    """The same as compact ranges (`1-6,9-34`)."""
    line: int | None
    function: str | None
    """What the person does at the meeting (`vice ordförande`), as written."""


@dataclass(frozen=True)
class AgendaRow:
    """One numbered agenda item."""

    id: int
    position: int
    number: int
    title: str
    body: str
    decisions: str
    attachments: str
    line: int | None
    end_line: int | None


@dataclass(frozen=True)
class WarningRow:
    """An import warning of a meeting."""

    id: int
    line: int | None
    message: str
    resolved: bool


@dataclass(frozen=True)
class MeetingDetail:
    """Everything the app shows about one meeting."""

    id: int
    body_id: int | None
    body: str | None
    date: date | None
    start_time: time | None
    end_time: time | None
    location: str | None
    adjusted_on: date | None
    next_meeting: date | None
    next_meeting_text: str | None
    reviewed: bool
    edited: bool
    source_file: str | None
    source_text: str
    officers: tuple[OfficerRow, ...]
    attendance: tuple[AttendanceRow, ...]
    agenda: tuple[AgendaRow, ...]
    warnings: tuple[WarningRow, ...]
    field_lines: dict[str, int]
    """Line of the source each header field came from, where it can be found."""
    source_encoding: str | None = None
    """How the source file was decoded (`utf-8`, `cp1252`, `utf-16-le` …); None without one."""

    @property
    def cursor(self) -> Cursor:
        """This meeting's place in the meetings list."""
        return (self.date, self.id)


_HEADER_LABELS = {
    "body": r"protokoll\s+(till|från|för)\b",
    "date": r"tid\s*:",
    "location": r"plats\s*:",
    "adjusted_on": r"justerat\b",
    "next_meeting": r"nästa\s+möte",
}


def header_lines(text: str) -> dict[str, int]:
    """The 1-based line each header field was most likely read from, found by its label."""
    found: dict[str, int] = {}
    lines = text.splitlines()
    for name, label in _HEADER_LABELS.items():
        pattern = re.compile(r"^\W*" + label, re.IGNORECASE)
        for number, line in enumerate(lines, start=1):
            if pattern.search(line):
                found[name] = number
                break
    for alias, name in (
        ("start_time", "date"),
        ("end_time", "date"),
        ("next_meeting_text", "next_meeting"),
    ):
        if name in found:
            found[alias] = found[name]
    return found


# --- people and choices -----------------------------------------------------


@dataclass(frozen=True)
class PersonMeeting:
    """One meeting a person took part in, and how."""

    meeting_id: int
    date: date | None
    body: str | None
    role: str
    """`member`, `substitute`, `other`, `chair`, `secretary` or `adjuster`."""
    present: bool
    name_as_written: str
    party: str | None
    organization: str | None


@dataclass(frozen=True)
class PersonDetail:
    """A person and the meetings they attended, newest first."""

    id: int
    name: str
    meetings: tuple[PersonMeeting, ...]


@dataclass(frozen=True)
class Choices:
    """The known values the app offers while editing."""

    parties: tuple[str, ...]
    organizations: tuple[tuple[int, str], ...]
    bodies: tuple[tuple[int, str], ...]
    organization_spellings: tuple[str, ...] = ()
    """Canonical names and every alias: what a typed organisation is known by."""


# --- the sorted, faceted list (store.meeting_list) ---------------------------


SORTS = ("date", "body", "attendees", "warnings", "reviewed")
"""The columns the list sorts by, as the table names them."""
FLAGS = ("reviewed", "warnings", "attention", "duplicate")
"""The yes/no facets."""


@dataclass(frozen=True)
class ListFilter:
    """What the list is narrowed to: the typed text and the chosen facets (None: any)."""

    text: str = ""
    council: int | None = None
    """A body id."""
    year: int | None = None
    reviewed: bool | None = None
    warnings: bool | None = None
    """Has an open import warning."""
    attention: bool | None = None
    duplicate: bool | None = None
    """Another meeting of the same council on the same day exists."""

    def facets_set(self) -> bool:
        """Whether any facet (not the text) narrows the list."""
        return any(getattr(self, f.name) is not None for f in fields(self) if f.name != "text")

    def without(self, facet: str) -> ListFilter:
        """The same filter, one facet let go."""
        return replace(self, **{facet: None})


@dataclass(frozen=True)
class ListSort:
    """The column the list is sorted by, and which way."""

    column: str = "date"
    descending: bool = True

    def is_default(self) -> bool:
        """Newest first: the order `queries.meeting_page` pages by key."""
        return self.column == "date" and self.descending


@dataclass(frozen=True)
class ListPage:
    """Some rows of the sorted, filtered list and the offset of the next page."""

    rows: tuple[MeetingRow, ...]
    next_offset: int | None
    next_cursor: None = None
    """Keyset paging does not apply here (see `queries.MeetingPage`)."""


@dataclass(frozen=True)
class Facets:
    """How many meetings each facet value would show, given the rest of the filter."""

    total: int
    councils: tuple[tuple[int, str, int], ...]
    """(body id, name, count), most meetings first."""
    years: tuple[tuple[int, int], ...]
    """(year, count), newest first."""
    flags: dict[str, tuple[int, int]]
    """Per yes/no facet: (how many yes, how many no)."""
