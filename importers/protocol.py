"""Parsing a whole protocol: head, attendance lists, agenda items, and what follows from them."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from importers.agenda import ITEM_HEADING, Heading, find_headings, may_open_item, read_item
from importers.attendance import (
    AttendanceReader,
    AttendanceReading,
    Section,
    is_tick_row,
    read_section_heading,
)
from importers.attendance_entry import MARKUP_CHARACTERS
from importers.contents import find_contents, missing_items
from importers.document import Document, DocumentLine
from importers.head_title import body_from_first_line
from importers.head_when import DateError, Head
from importers.header import (
    body_from_letterhead,
    head_look,
    is_role_line,
    read_head,
)
from importers.markup import text_lines
from importers.next_meeting import find_next_meeting, next_meeting_warnings
from importers.normalize import Line, NormalizedText, normalize
from importers.officers import find_officers
from importers.paragraph_ranges import paragraph_numbers
from importers.records import AgendaItem, Attendee, Officer, ParseWarning, Protocol, ProtocolError

_LONG_ITEM_CHARACTERS = 100_000


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
    contents = find_contents(lines)
    attendance_at = _first_section_heading(lines)
    headings, warnings = find_headings(lines, attendance_at or 0, contents.indexes)
    zone_end = _first_heading(headings, lines)
    zone = lines[attendance_at:zone_end] if attendance_at is not None else []
    skipped = {lines[i].number for i in contents.indexes}
    attendance, leftovers = _read_attendance(
        [Line.blank_at(x.number) if x.number in skipped else x for x in zone]
    )
    attendees = attendance.attendees
    attendance_warnings = attendance.warnings
    head_lines = [
        line if i not in contents.indexes else Line.blank_at(line.number)
        for i, line in enumerate(lines[: attendance_at if attendance_at is not None else zone_end])
    ] + leftovers
    try:
        head = read_head(head_lines, body_from_letterhead(normalized.letterhead))
    except DateError as error:
        raise ProtocolError(path, error.message, error.line) from None
    warnings = [*head.warnings, *attendance_warnings, *warnings]
    items = [
        read_item(lines, heading, headings[n + 1].index if n + 1 < len(headings) else len(lines))
        for n, heading in enumerate(headings)
    ]
    _refuse_non_protocol(head, attendees, items, path)
    meeting_date = _date_or_warning(head, warnings)
    body = _body_or_warning(head, normalized, warnings)
    attendees = _attended_paragraphs(attendees, items)
    officers, officer_warnings = find_officers(head.officers, attendees, items)
    warnings += officer_warnings
    next_date, next_text = find_next_meeting(items, meeting_date) if meeting_date else (None, None)
    if meeting_date:
        warnings += next_meeting_warnings(items, meeting_date, next_date)
    warnings += _cross_checks(attendees, officers, items)
    warnings += _lost_letters(lines)
    found = {item.number for item in items}
    warnings += [ParseWarning(line, message) for line, message in missing_items(contents, found)]
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
        if (
            may_open_item(line.text)
            and ITEM_HEADING.match(line.text)
            and not line.text[:4].isdigit()
        ):
            return None
        if not line.blank and (read_section_heading(line) or is_tick_row(line)):
            return index
    return None


def _first_heading(headings: list[Heading], lines: list[Line]) -> int:
    return headings[0].index if headings else len(lines)


def _read_attendance(lines: list[Line]) -> tuple[AttendanceReading, list[Line]]:
    """Attendees of the lists; lines that belong to the head instead (labels, signatures)."""
    reader = AttendanceReader()
    leftovers: list[Line] = []
    signing = False
    """Inside the signatures (`Elektroniska underskrifter`): names there are not attendees."""
    for index, line in enumerate(lines):
        if line.blank:
            leftovers.append(line)
            continue
        heading, opens, in_head = _row_look(line.raw)
        signing = heading is None and (signing or opens)
        if signing or (heading is None and (in_head or _signs_above_role(lines, index))):
            leftovers.append(line)
            continue
        leftovers.append(Line.blank_at(line.number))
        if heading:
            reader.heading(heading, line)
        elif not reader.row(line):
            message = f"not an attendance row: {line.text!r}"
            reader.reading.warnings.append(ParseWarning(line.number, message))
    return reader.close(), leftovers


@functools.lru_cache(maxsize=8192)
def _row_look(raw: str) -> tuple[Section | None, bool, bool]:
    """(the section it opens, opens the signatures, belongs to the head) of a line in the lists.

    Kept per text, as its parts are: a council's rows recur from meeting to meeting.
    """
    line = Line(0, raw)
    heading = read_section_heading(line)
    if heading is not None:
        return heading, False, False
    opens, in_head = head_look(line)
    return None, opens, in_head


def _signs_above_role(lines: list[Line], index: int) -> bool:
    """A name standing over a role line (`Anna Andersson` / `Ordförande`) is a signature."""
    if "(" in lines[index].text or ("\t" in lines[index].raw and len(lines[index].cells) > 2):
        return False
    following = next((x for x in lines[index + 1 : index + 3] if not x.blank), None)
    return following is not None and is_role_line(following)


def _refuse_non_protocol(
    head: Head, attendees: list[Attendee], items: list[AgendaItem], path: str
) -> None:
    """Refuse only what is no protocol at all: no head, no attendance and no items."""
    if items or attendees or (head.date and head.body):
        return
    if head.body is None and head.date is None:
        message = "not a protocol: no title or date, no attendance list and no numbered items"
    else:
        message = "not a protocol: a heading, but no attendance list and no numbered items"
    raise ProtocolError(path, message, head.field_lines.get("title", 1))


def _date_or_warning(head: Head, warnings: list[ParseWarning]) -> date | None:
    if head.date is None:
        line = head.field_lines.get("title", head.field_lines.get("body", 1))
        message = "no meeting date found (looked for 'Datum', 'Tid', 'Sammanträdesdatum' …"
        warnings.append(ParseWarning(line, message + " and in the title): fill it in"))
    return head.date


def _body_or_warning(
    head: Head, normalized: NormalizedText, warnings: list[ParseWarning]
) -> str | None:
    if head.body:
        return head.body
    letterhead = normalized.letterhead
    first = next((x for x in normalized.lines if not x.blank), None)
    if letterhead and (fallback := body_from_letterhead(letterhead)):
        line = letterhead[0].number
    elif first is not None and (fallback := body_from_first_line(first.text)):
        line = first.number
    else:
        message = "no council named (looked for a title such as 'Protokoll Kommunstyrelsen'"
        warnings.append(ParseWarning(1, message + " or a label such as 'Organ'): fill it in"))
        return None
    warnings.append(ParseWarning(line, f"council taken from the first line: {fallback!r}"))
    return fallback


def _attended_paragraphs(attendees: list[Attendee], items: list[AgendaItem]) -> list[Attendee]:
    numbers = [item.number for item in items]
    return [
        a._replace(paragraph_numbers=paragraph_numbers(a.paragraphs, numbers))
        if a.paragraphs
        else a
        for a in attendees
    ]


def _lost_letters(lines: list[Line]) -> list[ParseWarning]:
    """Letters replaced by `�` before the file came here: said once, at the first such line."""
    damaged = [line for line in lines if "\ufffd" in line.raw]
    if not damaged:
        return []
    count = sum(line.raw.count("\ufffd") for line in damaged)
    message = (
        f"{count} character(s) on {len(damaged)} line(s) were lost before import (shown as �):"
        " names and words with å, ä, ö or § may be incomplete; check them against the original"
    )
    return [ParseWarning(damaged[0].number, message)]


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
