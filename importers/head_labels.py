"""Finding the labels of a protocol's head in a line, with or without a colon.

`Tid: 26 februari 2020`, `Sammanträdesdatum 2006-05-02`, several on one line
(`Tid 30 september 2008 kl Plats Sessionssalen, Rådhuset, Örebro`), in cells
(`Sekreterare   Sara Ek   Paragrafer §§ 1-45`), or alone with the value on the
next line (`Datum` / `2024-02-01`). Which words are labels, and of what, is
`lexicon.HEAD_LABELS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.lexicon import HEAD_LABELS, close_key, label_pattern

_LABELS = label_pattern()
_AT_START = re.compile(r"^(?:" + _LABELS.pattern + r")", re.IGNORECASE)


@dataclass(frozen=True)
class Labelled:
    """One label and the value written after it on the same line (maybe empty)."""

    label: str
    """The label folded to lower case, as a key of `HEAD_LABELS`."""
    field: str
    value: str
    colon: bool


def split_labels(text: str) -> list[Labelled]:
    """The labels a line starts with and carries, each with its value; [] when none."""
    first = _AT_START.match(text)
    if first is None and (repaired := _repaired_label(text)) is not None:
        text, first = repaired, _AT_START.match(repaired)
    if first is None or not _written_as_label(text, first):
        return []
    found: list[Labelled] = []
    starts = [first] + [m for m in _LABELS.finditer(text, first.end()) if _inner_label(text, m)]
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        raw_value = text[match.end() : end]
        colon = raw_value.lstrip().startswith(":")
        value = " ".join(raw_value.strip().removeprefix(":").split())
        key = " ".join(match.group(0).casefold().split())
        found.append(Labelled(key, HEAD_LABELS[key], value, colon))
    return found


def _repaired_label(text: str) -> str | None:
    """`Sammanträdestd 15.9.2022`: a label that lost a letter, put right, or None."""
    words = text.split(" ", 4)
    if len(words[0]) < 4 or not words[0][:1].isupper():
        return None
    for count in range(min(4, len(words)), 0, -1):
        near = close_key(" ".join(words[:count]), HEAD_LABELS)
        if near is not None and words[0][:1].isupper():
            return near.capitalize() + text[len(" ".join(words[:count])) :]
    return None


def _written_as_label(text: str, match: re.Match[str]) -> bool:
    """A label word opens the line as a label: with a colon, or capitalised before a value."""
    after = text[match.end() :]
    if after.lstrip().startswith(":"):
        return True
    if after and not after[0].isspace():
        return False
    word = match.group(0)
    return word[:1].isupper()


def _inner_label(text: str, match: re.Match[str]) -> bool:
    """A later label on the same line: capitalised (or with a colon) after a space or a tab."""
    before = text[: match.start()]
    if not before or not before[-1].isspace():
        return False
    if before.endswith(("\t", "  ")):
        return True  # a label in a cell of its own
    word = match.group(0)
    after = text[match.end() :]
    if after.lstrip().startswith(":"):
        return True
    if after and not after[0].isspace():
        return False
    return word[:1].isupper() and not _inside_name(before)


def _inside_name(before: str) -> bool:
    """`… Eva Tid` would be a surname, not a label: a capitalised word just before it."""
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and not words[-1].endswith((",", ".", ":"))
