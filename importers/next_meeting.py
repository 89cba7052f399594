"""The next meeting, as a protocol announces it in an item ("Nästa möte", "Mötestider 2023")."""

from __future__ import annotations

import re
from datetime import date

from importers.records import AgendaItem, ParseWarning
from importers.swedish_dates import InvalidDate, check_year, find_date, find_dates

_NEXT_MEETING_TITLE = re.compile(r"\bnästa\s+(?:möte|sammanträde)", re.IGNORECASE)
_MEETING_TIMES_TITLE = re.compile(
    r"\b(?:tider|mötestider|mötesdatum|sammanträdestider|kalendarium|sammanträdesplan)\b", re.I
)
_WEEKDAY_START = re.compile(r"(?=\b(?:Måndag|Tisdag|Onsdag|Torsdag|Fredag|Lördag|Söndag)\b)")


def find_next_meeting(
    items: list[AgendaItem], meeting_date: date
) -> tuple[date | None, str | None]:
    """The next meeting: from a "Nästa möte" item, else the first date after this meeting in an
    item about the times of coming meetings."""
    for item in items:
        if _NEXT_MEETING_TITLE.search(item.title):
            found = _first_dated_paragraph(item, meeting_date, earliest=False)
            if found[0]:
                return found
    for item in items:
        if _MEETING_TIMES_TITLE.search(item.title):
            found = _first_dated_paragraph(item, meeting_date, earliest=True)
            if found[0]:
                return found
    return None, None


def _first_dated_paragraph(
    item: AgendaItem, meeting_date: date, *, earliest: bool
) -> tuple[date | None, str | None]:
    best: tuple[date | None, str | None] = (None, None)
    for paragraph in _dated_pieces(item.body):
        dates = [
            d.value for d in find_dates(paragraph, after=meeting_date) if d.value > meeting_date
        ]
        if not dates:
            continue
        if not earliest:
            return dates[0], paragraph
        if best[0] is None or min(dates) < best[0]:
            best = (min(dates), paragraph)
    return best


def _dated_pieces(text: str) -> list[str]:
    """Paragraphs, each cut before a weekday that starts another date (`Onsdag 16 … Tisdag 26`)."""
    pieces = []
    for paragraph in text.split("\n\n"):
        pieces += [piece.strip() for piece in _WEEKDAY_START.split(paragraph) if piece.strip()]
    return pieces


def next_meeting_warnings(
    items: list[AgendaItem], meeting_date: date, next_date: date | None
) -> list[ParseWarning]:
    """What cannot be in the items about the next meeting: `32 maj`, the year 2999."""
    warnings = []
    about = [
        i
        for i in items
        if _NEXT_MEETING_TITLE.search(i.title) or _MEETING_TIMES_TITLE.search(i.title)
    ]
    for item in about:
        for piece in _dated_pieces(item.body):
            try:
                find_date(piece, after=meeting_date)
            except InvalidDate as error:
                warnings.append(ParseWarning(item.line, f"next meeting: {error}"))
    if about and next_date is not None and (problem := check_year(next_date)):
        warnings.append(ParseWarning(about[0].line, f"next meeting: {problem}"))
    return warnings
