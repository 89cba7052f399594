"""A protocol's table of contents: never items, but a list to check the items against.

`Innehåll` / `Ärenden   Sida` / `Paragrafer` over lines such as
`39 §  Sammanträdets laglighet och beslutförhet ........ 1` (dotted leaders and a
page number), or a run of such lines with no heading at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.lexicon import CONTENTS_HEADINGS
from importers.normalize import Line

_LEADER_PAGE = re.compile(r"(?:\.{3,}|…+|(?:\.\s){3,}|_{4,}|\s{3,})\s*\d{1,3}\s*$")
_DOTS = re.compile(r"(?:\.{3,}|…+|(?:\.\s){3,}|_{4,})")
_ENTRY = re.compile(
    r"^(?:§\s*(?P<a>\d{1,3})|(?P<b>\d{1,3})\s*§|(?P<c>\d{1,3})\.?)\s+(?P<title>\D.*?)"
    r"\s*(?:\.{3,}|…+|(?:\.\s){3,}|_{4,}|\s{2,})\s*\d{1,3}\s*$"
)
_MIN_RUN = 3
_GAP = 2


@dataclass(frozen=True)
class ContentsEntry:
    """An item the contents lists: its number, title and the line it stands on."""

    number: int
    title: str
    line: int


@dataclass(frozen=True)
class Contents:
    """Where the table of contents stands, and what it lists."""

    indexes: frozenset[int]
    """Indexes (in the normalised lines) of the lines that belong to the contents."""
    entries: tuple[ContentsEntry, ...]


def find_contents(lines: list[Line]) -> Contents:
    """The table(s) of contents in `lines`; empty when there is none."""
    # A leader line ends in a page number: most lines are ruled out by their last character.
    leaders = [line.raw[-1:].isdigit() and _is_leader_line(line) for line in lines]
    if not any(leaders):
        return _NO_CONTENTS  # every block holds a leader line, headed or not: most documents
    indexes: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        headed = not line.blank and CONTENTS_HEADINGS.match(line.text) is not None
        run = _run_from(lines, leaders, index, headed)
        if run:
            indexes.update(run)
            index = max(run) + 1
        else:
            index += 1
    entries = [entry for i in sorted(indexes) if (entry := _entry(lines[i]))]
    return Contents(frozenset(indexes), tuple(entries))


_NO_CONTENTS = Contents(frozenset(), ())


def _run_from(lines: list[Line], leaders: list[bool], start: int, headed: bool) -> list[int]:
    """The lines of a contents block starting at `start`, or [] when none starts there.

    `leaders[i]` says whether line i ends in leaders and a page number.
    """
    if not (headed or leaders[start] or lines[start].blank):
        return []  # the common case, decided without walking on
    run = [start] if headed else []
    found = 0
    index = start + (1 if headed else 0)
    pending: list[int] = []
    while index < len(lines) and len(pending) <= _GAP:
        if lines[index].blank:
            pending.append(index)
        elif leaders[index]:
            run += [*pending, index]
            pending = []
            found += 1
        elif found and any(leaders[index + 1 : index + 3]):
            pending.append(index)  # a title that wrapped: leaders and a page follow
        else:
            break
        index += 1
    enough = found >= _MIN_RUN or (headed and found >= 1)
    return run if enough else []


def _is_leader_line(line: Line) -> bool:
    text = line.raw  # stripped already
    if not text[-1:].isdigit() or not _LEADER_PAGE.search(text):
        return False
    return bool(_DOTS.search(text)) or (_ENTRY.match(line.text) is not None and len(line.cells) > 1)


def _entry(line: Line) -> ContentsEntry | None:
    match = _ENTRY.match(line.text) or _ENTRY.match(" ".join(line.raw.split("\t")))
    if match is None:
        return None
    number = int(match.group("a") or match.group("b") or match.group("c"))
    title = _DOTS.sub("", match.group("title")).strip(" .")
    return ContentsEntry(number, title, line.number)


def missing_items(contents: Contents, found: set[int]) -> list[tuple[int, str]]:
    """(line, message) for each item the contents lists that the protocol does not hold."""
    return [
        (
            entry.line,
            f"item {entry.number} ({entry.title!r}) is listed in the contents but not found",
        )
        for entry in contents.entries
        if entry.number not in found
    ]
