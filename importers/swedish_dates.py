"""Swedish dates and times as protocols write them.

`26 februari 2020`, `2020-03-13`, `221010` (YYMMDD), `21/9`, `den 27 april`,
`kl 9:00 – 12:00`, `kl. 9.00–12.00`, `kl 13-16`. A date that does not exist
(`30 februari 2020`, `32 maj 2020`, `2020-13-45`) raises `InvalidDate` rather
than being guessed at; `InvalidDate` is the only exception this module raises,
whatever the text. A time that cannot be (`kl 25:00`) is not an exception but a
`TimeRange.problem`, and `check_year` tells of a year no protocol has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december")  # fmt: skip
"""Each month's full name, January first: what messages call it."""
FIRST_YEAR, LAST_YEAR = 1900, 2100
"""The years a protocol's dates fall in; outside them `check_year` has a word to say."""
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_WORDS = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+({_MONTH_NAMES})\b\.?(?:\s+(\d{{4}}))?", re.I)
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4})|\s+(\d{4}))?(?![\d/])")
_COMPACT = re.compile(r"^(?:(\d{2})|(\d{4}))(\d{2})(\d{2})$")
_DASHES = "-–—"
_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME_RANGE_KL = re.compile(
    rf"\bkl(?:ockan)?\.?\s*{_CLOCK}(?:\s*(?:[{_DASHES}]|till)\s*{_CLOCK})?", re.IGNORECASE
)
"""`kl 9:00 – 12:00`, `Kl. 13-16`, `Klockan 09.06–12.45`: the word in any case."""
_TIME_RANGE_BARE = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*[-–—]\s*(\d{1,2})[.:](\d{2})\b")


class InvalidDate(ValueError):
    """Text that names a date which does not exist, such as `30 februari 2020`."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"'{text}' is not a valid date: {reason}")


@dataclass(frozen=True)
class TimeRange:
    """Start and end times found in text; `problem` says what was written but cannot be a time."""

    start: time | None
    end: time | None
    problem: str | None = None


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, and the text it was written as."""

    value: date
    written: str


def find_date(text: str, *, after: date | None = None) -> FoundDate | None:
    """The first date written in `text`.

    A date without a year takes the first year in which it falls after `after`
    (or, with no `after`, is not accepted).
    """
    candidates = []
    for pattern, build in ((_ISO, _from_iso), (_WORDS, _from_words), (_NUMERIC, _from_numeric)):
        match = pattern.search(text)
        if match:
            candidates.append((match.start(), match, build))
    for _, match, build in sorted(candidates, key=lambda c: c[0]):
        found = build(match, after)
        if found is not None:
            return found
    return None


def find_dates(text: str, *, after: date | None = None) -> list[FoundDate]:
    """Every date in `text`, in order (invalid ones skipped)."""
    found: list[FoundDate] = []
    for pattern, build in ((_ISO, _from_iso), (_WORDS, _from_words), (_NUMERIC, _from_numeric)):
        for match in pattern.finditer(text):
            try:
                value = build(match, after)
            except InvalidDate:
                continue
            if value is not None:
                found.append(value)
    return found


def parse_compact_date(text: str) -> FoundDate | None:
    """A date written as digits only: `221010` (YYMMDD) or `20221010`."""
    match = _COMPACT.match(text.strip())
    if not match:
        return None
    year = int(match.group(2)) if match.group(2) else 2000 + int(match.group(1))
    return FoundDate(_make_date(year, int(match.group(3)), int(match.group(4)), text), text)


def _from_iso(match: re.Match[str], _after: date | None) -> FoundDate:
    year, month, day = (int(g) for g in match.groups())
    return FoundDate(_make_date(year, month, day, match.group(0)), match.group(0))


def _from_words(match: re.Match[str], after: date | None) -> FoundDate | None:
    month = MONTHS.get(match.group(2).lower()) or MONTHS.get(match.group(2).casefold())
    if month is None:  # matched only by Unicode case folding (`ſept`): not a month we know
        return None
    return _with_year(int(match.group(1)), month, match.group(3), match.group(0).strip(), after)


def _from_numeric(match: re.Match[str], after: date | None) -> FoundDate | None:
    day, month = int(match.group(1)), int(match.group(3))
    year = match.group(4) or match.group(5)
    if match.group(2) == "." and not year:
        return None  # `9.00` is a time, not the ninth of no month
    return _with_year(day, month, year, match.group(0).strip(), after)


def _with_year(
    day: int, month: int, year: str | None, written: str, after: date | None
) -> FoundDate | None:
    if year:
        return FoundDate(_make_date(int(year), month, day, written), written)
    if after is None:
        return None
    _check_day_of_month(month, day, written)
    for candidate_year in range(after.year, after.year + 9):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue  # 29 februari outside a leap year: the next one
        if candidate > after:
            return FoundDate(candidate, written)
    return None


def _check_day_of_month(month: int, day: int, written: str) -> None:
    """Refuse a day that no year has (`30 februari`), for a date written without a year."""
    _check_month_and_day(month, day, written)
    try:
        date(2000, month, day)  # 2000 is a leap year: it has every day there is
    except ValueError:
        raise InvalidDate(written, f"{MONTH_NAMES[month - 1]} never has {day} days") from None


def _make_date(year: int, month: int, day: int, written: str) -> date:
    _check_month_and_day(month, day, written)
    if not 1 <= year <= 9999:
        raise InvalidDate(written, f"there is no year {year}")
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(written, _why_not(year, month, day)) from None


def _check_month_and_day(month: int, day: int, written: str) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate(written, f"there is no month {month}")
    if day < 1:
        raise InvalidDate(written, f"there is no day {day}")


def _why_not(year: int, month: int, day: int) -> str:
    name = MONTH_NAMES[month - 1]
    for last in (31, 30, 29, 28):
        try:
            date(year, month, last)
        except ValueError:
            continue
        return f"{name} {year} has {last} days"
    return "no such day"


def check_year(value: date) -> str | None:
    """What is odd about the year of `value` (outside 1900–2100), or None when nothing is."""
    if FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    return f"{value.isoformat()}: the year {value.year} is outside {FIRST_YEAR}–{LAST_YEAR}"


def read_time_range(text: str) -> TimeRange:
    """Start and end written as `kl 9:00 – 12:00`, `kl. 9.00-11.20`, `kl 13-16`, `9.00-11.20`.

    A time that cannot be (`kl 25:00`, `9.75`) is left out and named in `problem`.
    """
    match = _TIME_RANGE_KL.search(text) or _TIME_RANGE_BARE.search(text)
    if not match:
        return TimeRange(None, None)
    start, start_problem = _make_time(match.group(1), match.group(2))
    end, end_problem = (None, None)
    if match.group(3):
        end, end_problem = _make_time(match.group(3), match.group(4))
    problem = start_problem or end_problem
    if problem:
        problem = f"{match.group(0).strip()!r} is not a time: {problem}"
    return TimeRange(start, end, problem)


def find_time_range(text: str) -> tuple[time | None, time | None]:
    """Start and end times, as `read_time_range` finds them (a time that cannot be is None)."""
    found = read_time_range(text)
    return found.start, found.end


def _make_time(hours: str, minutes: str | None) -> tuple[time | None, str | None]:
    """The time, or None and why not."""
    h, m = int(hours), int(minutes or 0)
    if h == 24 and m == 0:
        return time(23, 59), None
    if h > 23:
        return None, f"there is no hour {h}"
    if m > 59:
        return None, f"there is no minute {m}"
    return time(h, m), None


_WEEKDAY = re.compile(r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b", re.I)


def remove_when(text: str) -> str:
    """`Kommunhuset, Nora, 15 mars 2021 kl. 13.00–15.30` → `Kommunhuset, Nora`.

    An impossible date (`32 maj 2020`) is removed as well: it is still the when, not the where.
    """
    try:
        found = find_date(text)
        written = found.written if found else None
    except InvalidDate as error:
        written = error.text
    if written:
        text = text.replace(written, " ", 1)
    text = _TIME_RANGE_KL.sub(" ", text, count=1)
    text = _TIME_RANGE_BARE.sub(" ", text, count=1)
    text = _WEEKDAY.sub(" ", text)
    parts = [part.strip() for part in re.split(r"\s*,\s*", " ".join(text.split()))]
    return ", ".join(part for part in parts if part)
