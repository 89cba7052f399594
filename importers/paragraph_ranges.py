"""Partial attendance: the paragraphs a person was there for, as written and as numbers.

Forms: `§§ 1-36` on a line of its own, `1-6, 9-34` after the name, `t.o.m. § 125`,
`fr.o.m. § 12`, `§ 42 och 43`, `§10–13`. A time (`kl. 15.58-`, `16.00–16.50`) is
never a paragraph: bare numbers count only as whole numbers of up to three digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMBER = r"\d{1,3}(?![\d.:])"
_RANGE = rf"{_NUMBER}(?:\s*[-–]\s*{_NUMBER})?"
_RANGES = rf"{_RANGE}(?:\s*(?:,|och|&)\s*{_RANGE})*"
_UNTIL = r"t\.?\s?o\.?\s?m\.?|till och med|till"
_FROM = r"fr\.?\s?o\.?\s?m\.?|från och med|från"
_WITH_SIGN = re.compile(
    rf"(?:(?:{_UNTIL}|{_FROM})\s*)?§§?\s*{_RANGES}(?:\s*\(del\))?", re.IGNORECASE
)
_BARE_AT_END = re.compile(rf"(?:(?<=\))|(?<=,))\s*(?P<ranges>{_RANGES})\s*$")
_ALONE = re.compile(rf"^(?:(?:{_UNTIL}|{_FROM})\s*)?§§?\s*{_RANGES}(?:\s*\(del\))?\.?$", re.I)
_PIECE = re.compile(rf"(?P<first>{_NUMBER})(?:\s*[-–]\s*(?P<last>{_NUMBER}))?")


def is_paragraphs_line(text: str) -> bool:
    """Is `text` nothing but a paragraph list (`§§ 1-36`), belonging to the line above?"""
    return "§" in text and _ALONE.match(text.strip()) is not None


def take_paragraphs(text: str) -> tuple[str, str | None]:
    """Split `text` into what remains and the paragraph list it held (as written), if any."""
    match = _WITH_SIGN.search(text)
    if match is None:
        match = _BARE_AT_END.search(text)
    if match is None:
        return text, None
    written = match.group(0).strip(" ,")
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,")
    return rest, written


def paragraph_numbers(written: str, item_numbers: Iterable[int]) -> tuple[int, ...]:
    """The numbers `written` names; `t.o.m.`/`fr.o.m.` reach the meeting's first/last item."""
    numbers = sorted(set(item_numbers))
    lowered = written.casefold()
    pieces = [_expand(m) for m in _PIECE.finditer(written)]
    if not pieces:
        return ()
    if re.match(rf"^(?:{_UNTIL})\b", lowered) and numbers:
        return tuple(range(min(numbers[0], pieces[0][0]), pieces[-1][-1] + 1))
    if re.match(rf"^(?:{_FROM})\b", lowered) and numbers:
        return tuple(range(pieces[0][0], max(numbers[-1], pieces[-1][-1]) + 1))
    return tuple(sorted({n for piece in pieces for n in piece}))


def _expand(match: re.Match[str]) -> list[int]:
    first = int(match.group("first"))
    last = int(match.group("last") or first)
    if last < first or last - first > 500:
        return [first]
    return list(range(first, last + 1))
