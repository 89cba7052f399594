"""Parsing a whole protocol: head, attendance lists, agenda items, and what follows from them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from importers.agenda import ITEM_HEADING, Heading, find_headings, read_item
from importers.attendance import AttendanceReader, AttendanceReading, read_section_heading
from importers.attendance_entry import MARKUP_CHARACTERS
from importers.document import Document, DocumentLine
from importers.header import DateError, Head, belongs_to_head, body_from_letterhead, read_head
from importers.markup import text_lines
from importers.normalize import Line, normalize
from importers.records import AgendaItem, Attendee, Officer, ParseWarning, Protocol, ProtocolError
from importers.swedish_dates import find_dates

_NEXT_MEETING_TITLE = re.compile(r"\bnästa\s+(?:möte|sammanträde)", re.IGNORECASE)
_MEETING_TIMES_TITLE = re.compile(
    r"\b(?:tider|mötestider|mötesdatum|sammanträdestider|kalendarium|sammanträdesplan)\b", re.I
)
_LONG_ITEM_CHARACTERS = 100_000
_WEEKDAY_START = re.compile(r"(?=\b(?:Måndag|Tisdag|Onsdag|Torsdag|Fredag|Lördag|Söndag)\b)")
_ELECTED_ADJUSTER = re.compile(
    r"(?P<name>(?:[A-ZÅÄÖ][\w-]+ ){1,3}[A-ZÅÄÖ][\w-]+)(?:, [^,]+,)? valdes"
    r" (?:till justerare|att (?:jämte ordförande )?justera)"
)


def parse_text(text: str, path: str = "<text>") -> Protocol:
    """Parse a protocol's decoded text; raise `ProtocolError` when it cannot be one."""
    return parse_lines(text_lines(text), path)


def parse_document(document: Document) -> Protocol:
    """Parse a document read by any reader; its reader's warnings come along."""
    protocol = parse_lines(document.lines, document.path)
    if not document.warnings:
        return protocol
    warnings = sorted((*document.warnings, *protocol.warnings), key=lambda w: w.line or 0)
    return replace(protocol, warnings=tuple(warnings))


def parse_lines(document_lines: Sequence[DocumentLine], path: str) -> Protocol:
    """Parse a document's lines; raise `ProtocolError` when they cannot be a protocol."""
    normalized = normalize(document_lines)
    lines = normalized.lines
    attendance_at = _first_section_heading(lines)
    headings, warnings = find_headings(lines, attendance_at or 0)
    zone_end = _first_heading(headings, lines)
    attendance, leftovers = _read_attendance(
        lines[attendance_at:zone_end] if attendance_at is not None else []
    )
    attendees = attendance.attendees
    attendance_warnings = attendance.warnings
    head_lines = lines[: attendance_at if attendance_at is not None else zone_end] + leftovers
    try:
        head = read_head(head_lines)
    except DateError as error:
        raise ProtocolError(path, error.message, error.line) from None
    warnings = [*head.warnings, *attendance_warnings, *warnings]
    items = [
        read_item(lines, heading, headings[n + 1].index if n + 1 < len(headings) else len(lines))
        for n, heading in enumerate(headings)
    ]
    meeting_date = _require_date(head, path)
    body = _require_body(head, normalized.letterhead, path, warnings)
    officers = _officers(head, items, warnings)
    next_date, next_text = find_next_meeting(items, meeting_date)
    warnings += _cross_checks(attendees, officers, items)
    return Protocol(
        body=body,
        date=meeting_date,
        start=head.start,
        end=head.end,
        location=head.location,
        officers=tuple(officers),
        adjusted_on=head.adjusted_on,
        next_meeting=next_date,
        next_meeting_text=next_text,
        attendees=tuple(attendees),
        items=tuple(items),
        warnings=tuple(sorted(warnings, key=lambda w: w.line or 0)),
        field_lines=dict(head.field_lines),
    )


def _first_section_heading(lines: list[Line]) -> int | None:
    for index, line in enumerate(lines):
        if ITEM_HEADING.match(line.text) and not line.text[:4].isdigit():
            return None
        if not line.blank and read_section_heading(line):
            return index
    return None


def _first_heading(headings: list[Heading], lines: list[Line]) -> int:
    return headings[0].index if headings else len(lines)


def _read_attendance(lines: list[Line]) -> tuple[AttendanceReading, list[Line]]:
    """Attendees of the lists; lines that belong to the head instead (labels, signatures)."""
    reader = AttendanceReader()
    leftovers: list[Line] = []
    for index, line in enumerate(lines):
        heading = None if line.blank else read_section_heading(line)
        if line.blank or (heading is None and _is_head_line(lines, index)):
            leftovers.append(line)
            continue
        leftovers.append(Line(line.number, ""))
        if heading:
            reader.heading(heading, line)
        elif not reader.row(line):
            message = f"not an attendance row: {line.text!r}"
            reader.reading.warnings.append(ParseWarning(line.number, message))
    return reader.close(), leftovers


def _is_head_line(lines: list[Line], index: int) -> bool:
    return belongs_to_head(lines[index]) or _signs_above_role(lines, index)


def _signs_above_role(lines: list[Line], index: int) -> bool:
    """A name standing over a role line (`Anna Andersson` / `Ordförande`) is a signature."""
    if "(" in lines[index].text or ("\t" in lines[index].raw and len(lines[index].cells) > 2):
        return False
    following = next((x for x in lines[index + 1 : index + 3] if not x.blank), None)
    return following is not None and belongs_to_head(following) and not _has_label(following)


def _has_label(line: Line) -> bool:
    return ":" in line.text


def _require_date(head: Head, path: str) -> date:
    if head.date is None:
        if head.body is None:
            message = "no protocol header found: expected a title such as 'Protokoll …' and a date"
            raise ProtocolError(path, message + " line such as 'Tid: 26 februari 2020'", 1)
        line = head.field_lines.get("body", 1)
        raise ProtocolError(path, "no meeting date found (looked for 'Tid:', 'Datum:')", line)
    return head.date


def _require_body(
    head: Head, letterhead: list[Line], path: str, warnings: list[ParseWarning]
) -> str:
    if head.body:
        return head.body
    fallback = body_from_letterhead(letterhead)
    if fallback is None:
        raise ProtocolError(path, "no council named: expected a title such as 'Protokoll …'", 1)
    warnings.append(
        ParseWarning(letterhead[0].number, f"council taken from the letterhead: {fallback!r}")
    )
    return fallback


def _officers(head: Head, items: list[AgendaItem], warnings: list[ParseWarning]) -> list[Officer]:
    officers = list(head.officers)
    if not any(o.role == "adjuster" for o in officers):
        for item in items:
            match = _ELECTED_ADJUSTER.search(item.body)
            if match:
                officers.append(Officer("adjuster", match.group("name"), item.line))
                warnings.append(ParseWarning(item.line, "adjuster taken from the agenda item"))
                break
    for role in ("chair", "secretary"):
        if not any(o.role == role for o in officers):
            warnings.append(
                ParseWarning(None, f"no {'ordförande' if role == 'chair' else 'sekreterare'} found")
            )
    return officers


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


def _cross_checks(
    attendees: list[Attendee], officers: list[Officer], items: list[AgendaItem]
) -> list[ParseWarning]:
    warnings = [
        ParseWarning(a.line, f"name contains markup-like characters, kept as written: {a.name!r}")
        for a in attendees
        if MARKUP_CHARACTERS.search(a.name)
    ]
    absent = {a.name for a in attendees if not a.present}
    for officer in officers:
        if officer.name in absent:
            warnings.append(
                ParseWarning(
                    officer.line, f"{officer.name} signs as {officer.role} but is marked absent"
                )
            )
    for item in items:
        if len(item.body) > _LONG_ITEM_CHARACTERS:
            size = f"{len(item.body) / 1000:.0f} kB"
            message = (
                f"item {item.number} holds {size} of text: is this file more than one protocol?"
            )
            warnings.append(ParseWarning(item.line, message))
    if not attendees:
        warnings.append(ParseWarning(None, "no attendance list found"))
    if not items:
        warnings.append(ParseWarning(None, "no numbered agenda items found"))
    return warnings
