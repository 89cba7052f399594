"""When a meeting was held, as its head writes it: dates, times, and the adjusting date.

The head's labels hand their values here (`Tid: Onsdag 26 februari 2020 kl 9:00 – 12:00`,
`den 26-27 januari 2002`, `2022-12-14 19.00`); lines with a date and no label are
read here too. An impossible meeting date raises `DateError`; every other impossible
date or time is a warning at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time

from importers.normalize import Line
from importers.records import Officer, ParseWarning
from importers.swedish_dates import (
    FoundDate,
    InvalidDate,
    check_year,
    find_date,
    parse_compact_date,
    read_time_range,
    remove_when,
)

_DAY_RANGE = re.compile(r"\b(\d{1,2})\s*[-–]\s*\d{1,2}(?=\s+[a-zåäö]{3,})", re.IGNORECASE)
_BARE_CLOCK = re.compile(r"(?<![\d.:])(\d{1,2})[.:](\d{2})(?![\d.:])")
_PAGE_OF = re.compile(r"\b\d{1,3}\s*\(\s*\d{1,3}\s*\)")
_WHEN_LEFTOVERS = re.compile(r"(?:^|[\s,])(?:kl\.?|klockan|den|kl)(?=$|[\s,])", re.IGNORECASE)


@dataclass
class Head:
    """What the head of a protocol says, with the lines each field came from."""

    body: str | None = None
    date: date | None = None
    start: time | None = None
    end: time | None = None
    location: str | None = None
    adjusted_on: date | None = None
    officers: list[Officer] = field(default_factory=list)
    field_lines: dict[str, int] = field(default_factory=dict)
    warnings: list[ParseWarning] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    """Indexes of the lines this head consumed."""
    letterhead: str | None = None
    """The body the letterhead names, for a title with no body of its own."""


class DateError(Exception):
    """The meeting's own date is written but is not a date: the file cannot be stored."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


def read_when(value: str, number: int, head: Head, *, quiet: bool = False) -> None:
    days = _DAY_RANGE.search(value)
    if days and _has_date(_DAY_RANGE.sub(r"\1", value)):
        message = f"a meeting over several days ({days.group(0)} …): the first day is stored"
        head.warnings.append(ParseWarning(number, message))
        value = _DAY_RANGE.sub(r"\1", value)
    try:
        found = find_date(value)
    except InvalidDate as error:
        if quiet:
            head.warnings.append(ParseWarning(number, str(error)))
            return
        raise DateError(number, str(error)) from None
    if found and head.date is None:
        head.date = found.value
        head.field_lines["date"] = number
        _warn_about_year(found.value, number, head)
    times = read_time_range(value)
    if times.problem:
        head.warnings.append(ParseWarning(number, times.problem))
    start, end = times.start, times.end
    if start is None and found:
        start = _bare_clock(value.replace(found.written, " "), number, head)
    if start and head.start is None:
        head.start, head.end = start, end
        head.field_lines["start"] = number


def _has_date(text: str) -> bool:
    try:
        return find_date(text) is not None
    except InvalidDate:
        return True  # read again below, where the impossible date is reported


def _warn_about_year(value: date, number: int, head: Head) -> None:
    problem = check_year(value)
    if problem:
        head.warnings.append(ParseWarning(number, problem))


def _bare_clock(text: str, number: int, head: Head) -> time | None:
    """`2022-12-14 19.00`: a time with no `kl` after the date (`25.00` is warned about)."""
    match = _BARE_CLOCK.search(text)
    if match is None:
        return None
    if int(match.group(1)) > 23 or int(match.group(2)) > 59:
        message = f"'{match.group(0)}' is not a time of day: no start time stored"
        head.warnings.append(ParseWarning(number, message))
        return None
    return time(int(match.group(1)), int(match.group(2)))


def place_of(value: str) -> str:
    """The place in `Rådhuset, Dagö, 20 september 2017, klockan`: `Rådhuset, Dagö`."""
    place = remove_when(value)
    place = _WHEN_LEFTOVERS.sub(" ", place)
    return ", ".join(p.strip() for p in place.split(",") if p.strip())


def date_without_label(lines: list[Line], head: Head) -> None:
    """No label gave the date: a line that is (mostly) a date, such as `7 juni 2021`."""
    for index, line, _found in _dated_lines(lines, head):
        if len(remove_when(line.text).split()) <= 3:
            head.used.add(index)
            read_when(line.text, line.number, head, quiet=True)
            return


def repeated_dates(lines: list[Line], head: Head) -> None:
    """A line that only repeats the meeting's date (`2023-07-25   1(3)`) is read."""
    for index, line, found in _dated_lines(lines, head):
        rest = _PAGE_OF.sub("", remove_when(line.text))
        if found.value == head.date and not rest.strip():
            head.used.add(index)


def _dated_lines(lines: list[Line], head: Head) -> Iterator[tuple[int, Line, FoundDate]]:
    """The head's unread lines (of the first forty) that hold a date, and the date."""
    for index, line in enumerate(lines[:40]):
        if index in head.used or line.blank:
            continue
        try:
            found = find_date(line.text)
        except InvalidDate:
            continue
        if found:
            yield index, line, found


def read_adjusted(value: str, number: int, head: Head, *, strict: bool = True) -> None:
    if not value:
        if strict:
            head.warnings.append(ParseWarning(number, "'Justerat den' has no date"))
        return
    try:
        found = _read_date_value(value)
    except InvalidDate as error:
        head.warnings.append(ParseWarning(number, f"adjusted date: {error}"))
        return
    if found is None:
        if strict:
            message = f"adjusted date not understood: {value!r}"
            head.warnings.append(ParseWarning(number, message))
        return
    head.adjusted_on = found
    head.field_lines["adjusted_on"] = number
    _warn_about_year(found, number, head)


def _read_date_value(text: str) -> date | None:
    compact = parse_compact_date(text)
    if compact:
        return compact.value
    found = find_date(text)
    return found.value if found else None
