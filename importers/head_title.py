"""The title line of a protocol, and the council (body) and date it may carry.

`Protokoll till Specifikt samverkansråd …`, `Protokoll Socialnämnden. 20 september 2017`,
`Kommunfullmäktige. Protokoll Ks 1241/2014` (the body before the title word, a diary
number after it), `PROTOKOLL NR 5/2001/2002` (a number, not a body),
`STORÅ KOMMUN   SAMMANTRÄDESPROTOKOLL   2 (110)` (a letterhead and a page number:
the body stands on the next line), `LiTHe kods vårmöte 2019 - Protokoll (2019-05-21)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.lexicon import TITLE_WORDS, looks_like_body

_TITLE = re.compile(r"(?<![\wåäöÅÄÖ])(?:" + "|".join(TITLE_WORDS) + r")(?![\wåäöÅÄÖ])", re.I)
_LEADING_LINK = re.compile(
    r"^(?:fört\s+vid\s+(?:sammanträde\s+med\s+)?|(?:till|från|för|vid|över|med)\s+)", re.I
)
_NUMBER_ONLY = re.compile(
    r"^(?:(?:nr|no|nummer)\.?\s*)?[\w.]{0,6}\s*\d[\d/.:-]*(?:\s*\(\s*\d+\s*\))?$|^\d+\s*\(\s*\d+\s*\)$",
    re.IGNORECASE,
)
_DIARY = re.compile(r"^[A-ZÅÄÖa-zåäö]{1,5}\.?\s+\d+[/-]\d+$|^(?:dnr|diarienr)\b.*$", re.I)
_YEAR_TAIL = re.compile(r"[\s,–-]*\b(?:19|20)\d{2}(?:/\d{2,4})?[\s,–-]*$")
_EDGE_PUNCTUATION = " .,;:–-()"
_MAX_TITLE_OFFSET = 80


@dataclass(frozen=True)
class Title:
    """What a title line says: the body named after and before the title word."""

    after: str
    """Text after the title word: a body, a date, a number, or nothing."""
    before: str
    """Text before the title word on the same line: a letterhead or the body."""


def find_title(text: str) -> Title | None:
    """The title a line holds, or None: the title word must be written capitalised."""
    match = _TITLE.search(text)
    if match is None or match.start() > _MAX_TITLE_OFFSET or not match.group(0)[:1].isupper():
        return None
    before = text[: match.start()].strip(_EDGE_PUNCTUATION + " ")
    if len(before.split()) > 6 and not looks_like_body(before):
        return None  # a sentence that happens to say "Protokoll"
    return Title(after=text[match.end() :].strip(), before=before)


def body_in(text: str) -> str | None:
    """The body a piece of the title names, or None for a number, a page or nothing."""
    text = _LEADING_LINK.sub("", text.strip())
    if _NUMBER_ONLY.match(text.strip(" .,;:–-")):
        return None
    text = text.strip(_EDGE_PUNCTUATION)
    if not text or _NUMBER_ONLY.match(text) or _DIARY.match(text):
        return None
    text = _YEAR_TAIL.sub("", text).strip(_EDGE_PUNCTUATION)
    if not text or not (text[:1].isupper() or text[:1].isdigit()) or text.isdigit():
        return None
    return text


def body_from_first_line(text: str) -> str | None:
    """`Brf Bronsyxan, 716406-9671` → `Brf Bronsyxan`: a letterhead without its numbers."""
    first = text.split(",")[0].strip(_EDGE_PUNCTUATION)
    if (
        not first
        or not first[:1].isupper()
        or len(first.split()) > 8
        or any(c.isdigit() for c in first)
    ):
        return None
    return first
