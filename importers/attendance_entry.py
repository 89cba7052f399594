"""One person's entry in an attendance list: name, party, organisation, and what is said of them.

An entry is the text of one cell (or of a whole line): `Tore Sand (M), Ordförande`,
`[X] Frostdahl-Blomqvist Siw, ordförande`, `Inger Carlsson (S) Ersätter Allan Armaghan (S), 9-34`,
`Andreas Gudinge (S), tjg ersättare`, `Karin Öst, förvaltningschef`, `Agneta Blom (S) 1-6, 9-34`,
`Vivianne Pettersson M`, `Caroline Dieker	M	Askersunds kommun.`, `Eva Ek anmält förhinder`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from importers.lexicon import ABSENT_MARKS, FUNCTIONS, REPLACES, SUBSTITUTE_MARKS
from importers.organizations import (
    canonical_organization,
    clean_organization,
    is_organization,
    split_name_and_organization,
)
from importers.paragraph_ranges import take_paragraphs
from importers.parties import is_known_party, looks_like_party
from importers.records import Attendee, Role

_TICK = re.compile(r"^\[\s*(?P<mark>[xX✓✔]?)\s*\]\s*")
_DIGIT = re.compile(r"\d")
_ABSENT_HINT = re.compile("frånvar|förhinder|ej närv")
_SUBSTITUTE_HINT = re.compile("ersätt|tjg|tjänstgör|stället")
_NOTE_HINT = re.compile("distans|länk|digital|på plats")
"""Cheap looks (in casefolded text) before the patterns they guard are tried."""
_TICKS = frozenset({"X", "x", "✓", "✔"})
EMPTY_SEAT = re.compile(r"^[-–—_.]{2,}$")
_PAREN = re.compile(r"\s*\((?P<inside>[^()]{1,40})\)")
_NOTES = re.compile(
    r"[,\s]*\(?\b(?:deltar på distans|på distans|distans|via länk|digitalt|på plats)\b\)?", re.I
)
_NAME_PARTICLES = frozenset({"von", "van", "af", "de", "der", "den", "la", "le", "di", "da", "du"})
_NAME_WORD = re.compile(r"^(?:[^\W\d_]|\ufffd)[\w'’.\ufffd-]*$")
"""A word of a name; `�` stands for a letter lost before import (`B�rje T�nsg�rd`)."""
MARKUP_CHARACTERS = re.compile(r"[\[\]<>{}*_#|\\]")
_SUBSTITUTE_TAIL = re.compile(
    r"[,\s]*\(?\b(?:" + "|".join(re.escape(m) for m in SUBSTITUTE_MARKS) + r")\b"
    r"(?:\s+för\s+[^,()\t]+)?\)?\s*$",
    re.IGNORECASE,
)
_SUBSTITUTE_HEAD = re.compile(
    r"^(?:" + "|".join(re.escape(m) for m in SUBSTITUTE_MARKS) + r")\b\s*", re.IGNORECASE
)
_TIME_NOTE = re.compile(
    r"^(?:(?:t\.?\s?o\.?\s?m\.?|fr\.?\s?o\.?\s?m\.?|från|till|efter)\s*)?"
    r"(?:kl\.?|klockan)\s*\d",
    re.IGNORECASE,
)
_ABSENT = re.compile(
    r"[,\s]*\(?\b(?:" + "|".join(re.escape(m) for m in ABSENT_MARKS) + r")\b\)?", re.IGNORECASE
)


class Entry(NamedTuple):
    """The people one entry names: one, or a substitute and the member replaced."""

    people: tuple[Attendee, ...]
    ticked: bool = False
    """An `X` stood in a column after the name: a tick grid, where a row without one is absent."""


def read_entry(
    cells: Sequence[str], role: Role, present: bool, line: int, *, struck: bool = False
) -> Entry | None:
    """The people one entry names, or None when it is not an entry."""
    entry = _read_entry(tuple(cells), role, present, struck)
    if entry is None:
        return None
    people, ticked = entry
    if len(people) == 1:  # most rows: `_at_line` and `Entry` written out
        person = people[0]
        stamped = _new_attendee((*person[:_LINE_FIELD], line, *person[_AFTER_LINE:]))
        return _new_entry(((stamped,), ticked))
    return Entry(tuple(_at_line(person, line) for person in people), ticked)


_LINE_FIELD = Attendee._fields.index("line")
_AFTER_LINE = _LINE_FIELD + 1
_new_attendee = functools.partial(tuple.__new__, Attendee)
"""`Attendee._make` without a Python-level call: it runs for every row."""
_new_entry = functools.partial(tuple.__new__, Entry)


def _at_line(person: Attendee, line: int) -> Attendee:
    """The person read at `line` (`_replace`, without its keyword handling: it runs per row)."""
    return _new_attendee((*person[:_LINE_FIELD], line, *person[_AFTER_LINE:]))


@functools.lru_cache(maxsize=16384)
def _read_entry(cells: tuple[str, ...], role: Role, present: bool, struck: bool) -> Entry | None:
    """`read_entry` at line 0, kept per row: a council's roster recurs in every protocol."""
    line = 0
    cells = [stripped for c in cells if (stripped := c.strip())]
    if not cells or (EMPTY_SEAT.match(cells[0]) and all(EMPTY_SEAT.match(c) for c in cells)):
        return None
    tick = _TICK.match(cells[0]) if cells[0][0] == "[" else None
    if tick:
        present = present and bool(tick.group("mark"))
        cells[0] = cells[0][tick.end() :]
    ticked = False
    if not _TICKS.isdisjoint(cells):
        ticked = any(c in _TICKS for c in cells[1:])
        cells = [c for c in cells if c not in _TICKS]
    present = present and not struck
    text = "\t".join(cells)
    folded = text.casefold()
    if _ABSENT_HINT.search(folded) and _ABSENT.search(text):
        present = False
        text = _ABSENT.sub("", text)
    paragraphs = None
    if "§" in text or _DIGIT.search(text):
        text, paragraphs = take_paragraphs(text)
    hinted = _SUBSTITUTE_HINT.search(folded) is not None
    if hinted and (replaced := REPLACES.search(text)):
        return _substitution(text, replaced, present, line, paragraphs)
    parts = text.split("\t")
    if hinted and any(_SUBSTITUTE_TAIL.search(part) for part in parts):
        role = "substitute"
        text = "\t".join(_SUBSTITUTE_TAIL.sub("", part) for part in parts)
    person = read_person(text, role, present, line, paragraphs)
    return Entry((person,), ticked) if person is not None else None


def _substitution(
    text: str, match: re.Match[str], present: bool, line: int, paragraphs: str | None
) -> Entry | None:
    """`A (S) ersätter B (S)`: A sat as substitute, B was absent."""
    left, right = text[: match.start()].strip(" ,\t"), text[match.end() :].strip(" ,\t")
    left = _SUBSTITUTE_TAIL.sub("", left)
    substitute = read_person(left, "substitute", present, line, paragraphs)
    if substitute is None:
        return None
    people = [substitute]
    replaced = read_person(right, "member", False, line, paragraphs) if right else None
    if replaced is not None:
        people.append(replaced._replace(function=None))
    return Entry(tuple(people))


def read_person(
    text: str, role: Role, present: bool, line: int, paragraphs: str | None = None
) -> Attendee | None:
    """Name, party, organisation and function out of one person's text."""
    if _NOTE_HINT.search(text):
        text = _NOTES.sub("", text)
    party, text = _take_party(text) if "(" in text else (None, text)
    cells = [stripped for c in text.split("\t") if (stripped := c.strip(" ,"))]
    if not cells:
        return None
    first, *more = cells
    name, _, after = first.partition(",")
    pieces = [p.strip() for p in [*after.split(","), *more] if p.strip()]
    if party is None and not after and not more:
        name, party, organization = _split_single_spaced(first.split())
        pieces = [organization] if organization else []
    elif party is None and (split := _trailing_party(name)):
        name, party = split
    elif party is None and pieces and looks_like_party(pieces[0]) and " " not in pieces[0]:
        party, pieces = pieces[0], pieces[1:]
    name = name.strip()
    if not looks_like_name(name):
        return None
    substitute, function, written, canonical = _read_pieces(tuple(pieces))
    role = "substitute" if substitute else role
    return Attendee(name, party, written, canonical, role, present, line, paragraphs, (), function)


@functools.lru_cache(maxsize=8192)
def _read_pieces(pieces: tuple[str, ...]) -> tuple[bool, str | None, str | None, str | None]:
    """What the pieces after a name say: (marked a substitute, function, organisation, canonical).

    Kept per pieces: the same organisations and functions recur on every list.
    """
    substitute, kept = _substitute_pieces(pieces)
    function, organization = _function_and_organization(kept)
    written = (clean_organization(organization) if organization else None) or None
    return substitute, function, written, canonical_organization(written) if written else None


def _take_party(text: str) -> tuple[str | None, str]:
    """The first `(PARTY)` in `text`, and the text without its party codes in brackets."""
    kept: list[str] = []
    party = None
    end = 0
    for match in _PAREN.finditer(text):
        inside = match.group("inside").strip()
        if looks_like_party(inside):
            party = party or inside
            kept.append(text[end : match.start()])
            end = match.end()
    if party is None:
        return None, text
    kept.append(text[end:])
    return party, "".join(kept)


def _trailing_party(name: str) -> tuple[str, str] | None:
    """`Anna Berg S` (a party on single spaces before the comma) → (`Anna Berg`, `S`)."""
    words = name.split()
    if len(words) >= 3 and is_known_party(words[-1]):
        return " ".join(words[:-1]), words[-1]
    return None


def _substitute_pieces(pieces: tuple[str, ...]) -> tuple[bool, list[str]]:
    """`ersättare Örebro kommun` after the comma: a substitute, from that organisation."""
    substitute = False
    kept = []
    for piece in pieces:
        marked = _SUBSTITUTE_HEAD.match(piece)
        if marked:
            substitute = True
            piece = piece[marked.end() :]
        if piece.strip():
            kept.append(piece.strip())
    return substitute, kept


def _function_and_organization(pieces: list[str]) -> tuple[str | None, str | None]:
    """`kanslist, protokollförare`: what the person does; the rest is the organisation."""
    functions = []
    organization = []
    for piece in pieces:
        cleaned = clean_organization(piece)
        if _TIME_NOTE.match(cleaned):
            continue  # `t.o.m. kl. 18.45`: when they left, shown in the source
        if is_organization(cleaned):
            organization.append(cleaned)
        elif FUNCTIONS.match(cleaned) or _is_function_phrase(cleaned):
            functions.append(cleaned)
        elif cleaned:
            organization.append(cleaned)
    return ", ".join(functions) or None, ", ".join(organization) or None


def _is_function_phrase(text: str) -> bool:
    """`SST:s representant`, `medlem i rådet`: a role word in it, and no organisation's name."""
    if not any(FUNCTIONS.match(word) for word in text.split()):
        return False  # a word-by-word look: searching the pattern through the text is slow
    return not is_organization(text)


def _split_single_spaced(words: list[str]) -> tuple[str, str | None, str | None]:
    """`Caroline Dieker M Askersunds kommun.` or `Marie Hillman Askersunds kommun`."""
    for index in range(2, len(words)):
        if is_known_party(words[index].rstrip(",.")):
            organization = " ".join(words[index + 1 :]) or None
            return " ".join(words[:index]), words[index].rstrip(",."), organization
    split = split_name_and_organization(words)
    if split:
        return split[0], None, split[1]
    return " ".join(words), None, None


@functools.lru_cache(maxsize=8192)
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
        if not _NAME_WORD.match(word) or not (word[0].isupper() or word[0] == "\ufffd"):
            return False
    return True
