"""Attendance lists: their headings, their columns, and the entries under them.

A heading opens a section (`Närvarande ledamöter:`, `Suppleanter`, `Tjänstepersoner`);
a heading of several section words on one line opens columns
(`Beslutande   Ledamöter   Tjänstgörande ersättare`, `ordinarie   ersättare`), and
each cell of the rows below belongs to its column. A heading with a colon and text
after it is a list in running text (`Närvarande: Roger Nilsson, Anna Berg och …`).
What one entry says is read in `attendance_entry`.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from importers.attendance_entry import EMPTY_SEAT, Entry, looks_like_name, read_entry
from importers.lexicon import DAMAGED_SECTION_LENGTH, SECTION_PREFIXES, SECTIONS, section_for
from importers.normalize import Line
from importers.paragraph_ranges import is_paragraphs_line
from importers.parties import looks_like_party
from importers.records import Attendee, ParseWarning, Role

__all__ = [
    "Section", "is_tick_row", "looks_like_name", "read_attendance_lines", "read_section_heading",
]  # fmt: skip

_GROUP_WORDS = frozenset({"beslutande", "närvarande", "övriga närvarande", "övriga"})
_SECTION_KEYS = sorted(SECTIONS, key=lambda k: len(k.split()), reverse=True)
_FIRST_WORDS = frozenset(key.split()[0] for key in SECTIONS)
_OPENERS = _FIRST_WORDS | frozenset(SECTION_PREFIXES)
"""The words a heading longer than a damaged one can begin with."""
_PERSON_WITH_PARTY = re.compile(
    r"(?P<name>(?:[A-ZÅÄÖÉ][\w'’-]+\s+){1,4}[A-ZÅÄÖÉ][\w'’-]+)\s*\((?P<party>[^()]{1,5})\)"
)
_MORE_MEMBERS = re.compile(r"\bsamt\s+(?:ytterligare\s+)?(?:ca\s+)?\d+\s+\w+.*$", re.I)
_TICK_ROW = re.compile(r"^\[\s*[xX✓✔]?\s*\]\s*[A-ZÅÄÖÉ]")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\boch\b|&)\s*")


@dataclass(frozen=True)
class Section:
    """What an attendance heading says about the rows under it."""

    role: Role
    present: bool
    columns: tuple[Section, ...] = ()
    """For a heading of several columns, what each column holds."""
    inline: str = ""
    """The list that follows the heading on its own line (`Närvarande: A, B och C`)."""


def read_section_heading(line: Line) -> Section | None:
    """The section a heading opens, or None when the line is not an attendance heading."""
    return _section_heading(line.raw)


@functools.lru_cache(maxsize=8192)
def _section_heading(raw: str) -> Section | None:
    """`read_section_heading` of a line's raw text (its text and cells follow from it).

    Kept per text: every attendance row is asked, and a council's rows recur.
    """
    line = Line(0, raw)
    text = line.text.strip("*: ")
    if not text or "(" in text or text[:1].isdigit():
        return None
    head, colon, rest = line.text.partition(":")
    if colon and rest.strip() and (found := section_for(head)):
        return Section(found[0], found[1], inline=rest.strip())
    if len(text) > 70:
        return None
    if (
        len(text) > DAMAGED_SECTION_LENGTH
        and text.split(" ", 1)[0].casefold().rstrip(":") not in _OPENERS
    ):
        return None  # a long line opens a section only with a section word: most rows end here
    columns = _column_sections(line)
    if columns:
        return columns
    found = section_for(text)
    return Section(*found) if found else None


def _column_sections(line: Line) -> Section | None:
    """`Beslutande  Ledamöter  Tjänstgörande ersättare`: the columns it opens, if several."""
    phrases = []
    for cell in line.cells:
        found = _section_phrases(cell)
        if found is None:
            return None  # every cell must be section words: most lines fail at the first
        phrases.append(found)
    words = [w for cell in phrases for w in cell]
    if len(words) < 2:
        return None
    if words[0] in _GROUP_WORDS and len(words) >= 3:
        words = words[1:]
    if words[0] in _GROUP_WORDS and len(words) == 2 and words[0] == "beslutande":
        words = words[1:]
    columns = tuple(Section(*SECTIONS[w]) for w in words)
    if len(columns) == 1:
        return columns[0]
    return Section(columns[0].role, columns[0].present, columns=columns)


def _section_phrases(text: str) -> list[str] | None:
    """Split `Övriga närvarande Ersättare Tjänstepersoner` into section phrases, or None."""
    words = text.casefold().strip(" :").split()
    if not words or words[0] not in _FIRST_WORDS:
        return None
    phrases: list[str] = []
    while words:
        for key in _SECTION_KEYS:
            size = len(key.split())
            if " ".join(words[:size]) == key:
                phrases.append(key)
                words = words[size:]
                break
        else:
            return None
    return phrases or None


@dataclass
class AttendanceReading:
    """Attendees read from the lists, and the lines that belong to the head instead."""

    attendees: list[Attendee] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


@dataclass
class _Column:
    section: Section
    entries: list[tuple[str, Line]] = field(default_factory=list)


class AttendanceReader:
    """Reads attendance lines one at a time, keeping the section and its columns."""

    def __init__(self) -> None:
        self.reading = AttendanceReading()
        self.section: Section | None = None
        self.columns: list[_Column] = []
        self.running: tuple[Section, list[str], int] | None = None
        self.grid: list[tuple[int, bool]] = []
        """Index and tick of each plain row of the section: a grid of `X` marks, if any."""

    def heading(self, section: Section, line: Line) -> None:
        """A new heading: close what was open, open what it says."""
        self.close()
        self.section = section
        self.columns = [_Column(c) for c in section.columns]
        if section.inline:
            self.running = (section, [section.inline], line.number)

    def row(self, line: Line) -> bool:
        """Read a row under the current section; False when it is not an attendance row."""
        if self.section is None and is_tick_row(line):
            self.section = Section("member", True)  # a tick grid needs no heading
        if self.section is None:
            return False
        if self.running is not None and self._continues_running(line):
            return True
        if is_paragraphs_line(line.text) and self.reading.attendees:
            self._paragraphs_for_last(line)
            return True
        if self.columns:
            return self._column_row(line)
        return self._plain_row(line, self.section)

    def close(self) -> AttendanceReading:
        """Finish what is open; the reading so far."""
        if self.running is not None:
            section, texts, number = self.running
            self._running_list(section, " ".join(texts), number)
            self.running = None
        for column in self.columns:
            for text, line in column.entries:
                self._add(read_entry(text.split("\t"), column.section.role,
                                     column.section.present, line.number, struck=line.struck),
                          line)  # fmt: skip
        self.columns = []
        self._close_grid()
        return self.reading

    def _close_grid(self) -> None:
        """In a column of `X` marks, the rows without one were absent."""
        if any(ticked for _, ticked in self.grid):
            for index, ticked in self.grid:
                if not ticked:
                    self.reading.attendees[index] = self.reading.attendees[index]._replace(
                        present=False
                    )
        self.grid = []

    def _continues_running(self, line: Line) -> bool:
        """A list in running text goes on where a name was cut (`… Lasse` / `Johnsson, …`)."""
        texts = self.running[1]  # type: ignore[index]
        last = texts[-1].rstrip()
        if last.endswith(".") or ":" in line.text or read_section_heading(line):
            return False
        cut = last.endswith((",", " och")) or len(_LIST_SPLIT.split(last)[-1].split()) == 1
        if not (cut or line.text[:1].islower()):
            return False
        texts.append(line.text)
        return True

    def _running_list(self, section: Section, text: str, number: int) -> None:
        more = _MORE_MEMBERS.search(text)
        if more:
            self.reading.warnings.append(ParseWarning(number, f"not named: {more.group(0)!r}"))
            text = text[: more.start()]
        for piece in _LIST_SPLIT.split(text.strip().rstrip(".")):
            entry = read_entry([piece], section.role, section.present, number)
            if entry is None and piece.strip():
                message = f"not a name in the attendance list: {piece.strip()!r}"
                self.reading.warnings.append(ParseWarning(number, message))
            self._add(entry, None)

    def _plain_row(self, line: Line, section: Section) -> bool:
        if more := _MORE_MEMBERS.search(line.text):
            self.reading.warnings.append(ParseWarning(line.number, f"not named: {more[0]!r}"))
            if more.start() == 0:
                return True
            line = Line(line.number, line.raw[: line.raw.find(more[0][:12])].rstrip(" ,"))
        pieces = _people_in_line(line)
        if len(pieces) > 1:
            for piece in pieces:
                self._add(read_entry([piece], section.role, section.present, line.number), line)
            return True
        entry = read_entry(line.cells, section.role, section.present, line.number,
                           struck=line.struck)  # fmt: skip
        if entry is None:
            return bool(EMPTY_SEAT.match(line.text))
        attendees = self.reading.attendees
        first = len(attendees)
        for index in range(first, first + len(entry.people)):
            self.grid.append((index, entry.ticked))
        attendees.extend(entry.people)
        return True

    def _column_row(self, line: Line) -> bool:
        cells = _merge_ticks(list(line.cells))
        if not cells:
            return True
        if len(cells) > len(self.columns):
            return self._plain_row(line, self.columns[0].section)
        targets = list(range(len(cells)))
        if len(cells) < len(self.columns) and all(_is_fragment(c) for c in cells):
            targets = [self._incomplete_column()] * len(cells)
        for cell, index in zip(cells, targets, strict=True):
            column = self.columns[index]
            if _is_fragment(cell) and column.entries:
                text, first = column.entries[-1]
                column.entries[-1] = (f"{text} {cell}", first)
            elif not EMPTY_SEAT.match(cell):
                column.entries.append((cell, line))
        return True

    def _incomplete_column(self) -> int:
        for index, column in enumerate(self.columns):
            if column.entries and _ends_incomplete(column.entries[-1][0]):
                return index
        return 0

    def _paragraphs_for_last(self, line: Line) -> None:
        last = self.reading.attendees[-1]
        self.reading.attendees[-1] = last._replace(paragraphs=line.text.rstrip("."))

    def _add(self, entry: Entry | None, line: Line | None) -> None:
        if entry is not None:
            self.reading.attendees.extend(entry.people)


def is_tick_row(line: Line) -> bool:
    """`[X] Caldén Anna, ordförande`: a row of a tick grid, whatever heading it lacks."""
    return bool(_TICK_ROW.match(line.text))


def _merge_ticks(cells: list[str]) -> list[str]:
    """`[X]` and `[ ]` read as cells of their own belong to the name after them."""
    merged: list[str] = []
    for cell in cells:
        if merged and re.fullmatch(r"\[\s*[xX✓✔]?\s*\]", merged[-1]):
            merged[-1] = f"{merged[-1]} {cell}"
        else:
            merged.append(cell)
    return merged


def _is_fragment(cell: str) -> bool:
    """The end of an entry that wrapped onto the next line (`Lind (M)`, `och kommunchef`)."""
    text = re.sub(r"\s*\([^()]{1,5}\)\s*$", "", cell).strip(" ,")
    if not text or text[:1].islower():
        return True
    return len(text.split()) == 1 and not text.startswith("[") and not looks_like_party(text)


def _ends_incomplete(text: str) -> bool:
    return bool(re.search(r"(?:ersätter|för|och|,)\s*(?:[A-ZÅÄÖ][\w-]+)?$", text, re.I))


def _people_in_line(line: Line) -> list[str]:
    """Many `Name (PARTY)` in one line (a page's lines joined): one piece per person."""
    if line.text.count("(") < 3:
        return []
    matches = [m for m in _PERSON_WITH_PARTY.finditer(line.text) if looks_like_party(m["party"])]
    if len(matches) < 3 or len(matches) < len(line.cells):
        return []
    starts = [m.start() for m in matches] + [len(line.text)]
    return [line.text[a:b].strip(" ,;") for a, b in itertools.pairwise(starts)]


def read_attendance_lines(lines: list[Line]) -> AttendanceReading:
    """Read a run of lines that are all attendance (used by tests and small lists)."""
    reader = AttendanceReader()
    for line in lines:
        if line.blank:
            continue
        section = read_section_heading(line)
        if section:
            reader.heading(section, line)
        elif not reader.row(line):
            reader.reading.warnings.append(
                ParseWarning(line.number, f"not an attendance row: {line.text!r}")
            )
    return reader.close()
