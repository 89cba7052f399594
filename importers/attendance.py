"""Attendance lists: section headings and the rows under them, in every known layout.

Layouts seen: `Name (PARTY)   Org` and `Name (S), ersättare<TAB>Org` (columns by
tabs or runs of spaces), `Name<TAB>PARTY<TAB>Org.`, `Name PARTY Org.` on single
spaces, and `Name Org` for other participants. `<del>` marks absence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.normalize import Line
from importers.organizations import (
    canonical_organization,
    clean_organization,
    split_name_and_organization,
)
from importers.parties import is_known_party, looks_like_party
from importers.records import Attendee, ParseWarning, Role

_SECTION_START = re.compile(
    r"^(?:närvarande|frånvarande|övriga|ej|icke|tjänstgörande|beslutande|ledamöter|ledamot"
    r"|ersättare|deltagare|tjänstepersoner|tjänstemän|adjungerade|gäster|närvarolista)\b",
    re.IGNORECASE,
)
_OTHER_WORDS = ("övriga", "deltagare", "tjänstepersoner", "tjänstemän", "adjungerade", "gäster")
_ABSENT_WORDS = ("frånvarande", "ej närvarande", "förhinder")
_SUBSTITUTE = re.compile(
    r",?\s*\(?\b(?:tjänstgörande\s+)?ersättare\b(?:\s+för\s+[^,()\t]+)?\)?\s*$", re.IGNORECASE
)
_ABSENT_CELL = re.compile(r"^\(?(?:frånvarande|ej närvarande|anmält förhinder)\)?$", re.I)
_PAREN_PARTY = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<party>[^()]{1,6})\)\s*,?\s*(?P<rest>.*)$")
_NAME_PARTICLES = frozenset({"von", "van", "af", "de", "der", "den", "la", "le", "di", "da", "du"})
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
MARKUP_CHARACTERS = re.compile(r"[\[\]<>{}*_#|\\]")


_FUNCTION = re.compile(
    r"^(?:(?:1:e|2:e|förste|andre)?\s*vice\s+)?(?:ordförande|sekreterare|justerare|"
    r"protokollförare|kommunchef|kommundirektör|regiondirektör|förvaltningschef|"
    r"nämndsekreterare|handläggare|controller|ekonomichef|utredare|\w+chef|\w+ansvarig)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AttendeeReading:
    """An attendance row read from a line, and what it could not keep."""

    row: Attendee
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True)
class Section:
    """What an attendance heading says about the rows under it."""

    role: Role
    present: bool


def read_section_heading(line: Line) -> Section | None:
    """The section a heading like `Närvarande ledamöter:` or `Övriga deltagare` opens."""
    text = line.text.strip("*: ")
    if len(line.cells) > 1 or "(" in text or len(text) > 60 or not _SECTION_START.match(text):
        return None
    if not (line.text.endswith(":") or line.heading or len(text.split()) <= 4):
        return None
    lowered = text.casefold()
    present = not any(word in lowered for word in _ABSENT_WORDS)
    if "ersättare" in lowered and "ledamöter" not in lowered:
        return Section("substitute", present)
    if any(word in lowered for word in _OTHER_WORDS):
        return Section("other", present)
    return Section("member", present)


def read_attendee(line: Line, section: Section) -> AttendeeReading | None:
    """One attendance row, or None when the line is not one."""
    cells = list(line.cells)
    role: Role = section.role
    present = section.present and not line.struck
    if any(_ABSENT_CELL.match(cell) for cell in cells):
        present = False
        cells = [cell for cell in cells if not _ABSENT_CELL.match(cell)]
    if cells and _SUBSTITUTE.search(cells[0]):
        role = "substitute"
        cells[0] = _SUBSTITUTE.sub("", cells[0])
    split = _split_columns(cells)
    if split is None or not looks_like_name(split[0]):
        return None
    name, party, organization = split
    warnings: tuple[ParseWarning, ...] = ()
    if organization and _FUNCTION.match(clean_organization(organization)):
        function = clean_organization(organization)
        warnings = (ParseWarning(line.number, f"{name}: role {function!r} noted, not stored"),)
        organization = None
    written = clean_organization(organization) if organization else None
    row = Attendee(
        name=name,
        party=party,
        organization=written or None,
        organization_canonical=canonical_organization(written) if written else None,
        role=role,
        present=present,
        line=line.number,
    )
    return AttendeeReading(row, warnings)


def _split_columns(cells: list[str]) -> tuple[str, str | None, str | None] | None:
    if not cells:
        return None
    paren = _PAREN_PARTY.match(cells[0])
    if paren and looks_like_party(paren.group("party").strip()):
        rest = " ".join([paren.group("rest"), *cells[1:]]).strip()
        return paren.group("name").strip(), paren.group("party").strip(), rest or None
    if len(cells) >= 3 and looks_like_party(cells[1]):
        return cells[0], cells[1], " ".join(cells[2:])
    if len(cells) == 2:
        if looks_like_party(cells[1]):
            return cells[0], cells[1], None
        return cells[0], None, cells[1]
    if len(cells) == 1 and "," in cells[0]:
        name, _, rest = cells[0].partition(",")
        return name.strip(), None, rest.strip() or None
    if len(cells) == 1:
        return _split_single_spaced(cells[0].split())
    return None


def _split_single_spaced(words: list[str]) -> tuple[str, str | None, str | None] | None:
    """`Caroline Dieker M Askersunds kommun.` or `Marie Hillman Askersunds kommun`."""
    for index in range(2, len(words)):
        if is_known_party(words[index].rstrip(",")):
            organization = " ".join(words[index + 1 :]) or None
            return " ".join(words[:index]), words[index].rstrip(","), organization
    split = split_name_and_organization(words)
    if split:
        return split[0], None, split[1]
    return " ".join(words), None, None


def looks_like_name(text: str) -> bool:
    """Could `text` be a person's name (two to six words, capitalised, no sentence)?"""
    if MARKUP_CHARACTERS.search(text):
        return 1 <= len(text.split()) <= 6
    words = text.split()
    if not 2 <= len(words) <= 6 or text.endswith((".", ":", "?")):
        return False
    for word in words:
        if word.casefold() in _NAME_PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return False
    return True
