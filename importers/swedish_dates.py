"""Swedish dates and times as protocols write them.

`26 februari 2020`, `2020-03-13`, `221010` (YYMMDD), `21/9`, `den 27 april`,
`kl 9:00 – 12:00`, `kl. 9.00–12.00`, `kl 13-16`. A date that does not exist
(`30 februari 2020`) raises `InvalidDate` rather than being guessed at.
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
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_WORDS = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+({_MONTH_NAMES})\b\.?(?:\s+(\d{{4}}))?", re.I)
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4})|\s+(\d{4}))?(?![\d/])")
_COMPACT = re.compile(r"^(?:(\d{2})|(\d{4}))(\d{2})(\d{2})$")
_DASHES = "-–—"
_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME_RANGE_KL = re.compile(rf"\bkl(?:ockan)?\.?\s*{_CLOCK}(?:\s*(?:[{_DASHES}]|till)\s*{_CLOCK})?")
_TIME_RANGE_BARE = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*[-–—]\s*(\d{1,2})[.:](\d{2})\b")


class InvalidDate(ValueError):
    """Text that names a date which does not exist, such as `30 februari 2020`."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"'{text}' is not a valid date: {reason}")


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
    day, month = int(match.group(1)), MONTHS[match.group(2).lower()]
    return _with_year(day, month, match.group(3), match.group(0).strip(), after)


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
    try:
        _make_date(2000, month, day, written)  # 2000 is a leap year: it has every day there is
    except InvalidDate:
        name = next(n for n, m in MONTHS.items() if m == month and len(n) > 3)
        raise InvalidDate(written, f"{name} never has {day} days") from None


def _make_date(year: int, month: int, day: int, written: str) -> date:
    if not 1 <= month <= 12:
        raise InvalidDate(written, f"there is no month {month}")
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(written, _why_not(year, month, day)) from None


def _why_not(year: int, month: int, day: int) -> str:
    name = next(n for n, m in MONTHS.items() if m == month and len(n) > 3)
    for last in (31, 30, 29, 28):
        try:
            date(year, month, last)
        except ValueError:
            continue
        return f"{name} {year} has {last} days"
    return "no such day"


def find_time_range(text: str) -> tuple[time | None, time | None]:
    """Start and end times written as `kl 9:00 – 12:00`, `kl. 9.00-11.20`, `kl 13-16`."""
    match = _TIME_RANGE_KL.search(text)
    if match:
        start = _make_time(match.group(1), match.group(2))
        end = _make_time(match.group(3), match.group(4)) if match.group(3) else None
        return start, end
    match = _TIME_RANGE_BARE.search(text)
    if match:
        return _make_time(match.group(1), match.group(2)), _make_time(
            match.group(3), match.group(4)
        )
    return None, None


def _make_time(hours: str, minutes: str | None) -> time | None:
    h, m = int(hours), int(minutes or 0)
    if h == 24 and m == 0:
        return time(23, 59)
    if 0 <= h < 24 and 0 <= m < 60:
        return time(h, m)
    return None


_WEEKDAY = re.compile(r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b", re.I)


def remove_when(text: str) -> str:
    """`Kommunhuset, Nora, 15 mars 2021 kl. 13.00–15.30` → `Kommunhuset, Nora`."""
    found = find_date(text)
    if found:
        text = text.replace(found.written, " ", 1)
    text = _TIME_RANGE_KL.sub(" ", text, count=1)
    text = _TIME_RANGE_BARE.sub(" ", text, count=1)
    text = _WEEKDAY.sub(" ", text)
    parts = [part.strip() for part in re.split(r"\s*,\s*", " ".join(text.split()))]
    return ", ".join(part for part in parts if part)
