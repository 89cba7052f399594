"""The paragraphs (§§) a person attended: compact ranges, reading them, and editing them.

A person who came late or left early attended only some paragraphs. The
protocol says so in its own words (`§§ 1-36`, `t.o.m. § 125`), which are kept
as written; the numbers are kept beside them as compact ranges (`1-6,9-34`),
plain text that reads the same on SQLite and PostgreSQL and in a CSV cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy.engine import Engine
from sqlmodel import Session

from store import history
from store.edits import EditError, EditResult
from store.models import Attendance

MAX_PARAGRAPH = 9999
"""No protocol has more paragraphs than this: a bigger number is a typing slip."""
_PART = re.compile(r"^(\d+)(?:\s*[-–—]\s*(\d+))?$")
_SEPARATORS = re.compile(r"\s*(?:,|;|\boch\b|&)\s*")
_SECTION_SIGNS = re.compile(r"^(?:§\s*)+")


def compact_ranges(numbers: Iterable[int]) -> str:
    """Numbers as compact ranges: 1, 2, 3, 5, 9, 10 gives `1-3,5,9-10`; none gives ``."""
    parts: list[str] = []
    run: list[int] = []
    for number in sorted(set(numbers)):
        if run and number == run[-1] + 1:
            run.append(number)
            continue
        if run:
            parts.append(_run_text(run))
        run = [number]
    if run:
        parts.append(_run_text(run))
    return ",".join(parts)


def _run_text(run: list[int]) -> str:
    return str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}"


def parse_ranges(text: str) -> tuple[int, ...]:
    """The numbers of a range list such as `1-6, 9-34` or `§§ 1-36`, in order, each once.

    Raises `ValueError` with a message for the person who typed it; an empty
    text is no numbers.
    """
    body = _SECTION_SIGNS.sub("", text.strip()).strip()
    if not body:
        return ()
    numbers: set[int] = set()
    for part in _SEPARATORS.split(body):
        numbers.update(_part_numbers(_SECTION_SIGNS.sub("", part).strip()))
    return tuple(sorted(numbers))


def _part_numbers(part: str) -> range:
    match = _PART.match(part)
    if match is None:
        raise ValueError(f"{part!r} is not a paragraph or a range (e.g. 1-6, 9-34)")
    first = int(match[1])
    last = int(match[2]) if match[2] else first
    if first < 1 or last > MAX_PARAGRAPH:
        raise ValueError(f"{part!r}: paragraphs run from 1 to {MAX_PARAGRAPH}")
    if last < first:
        raise ValueError(f"{part!r} runs backwards: write {last}-{first}")
    return range(first, last + 1)


def check_ranges(text: str) -> str | None:
    """What is wrong with a typed range list, or None when it is fine (empty is fine)."""
    try:
        parse_ranges(text)
    except ValueError as error:
        return str(error)
    return None


def set_paragraphs(engine: Engine, attendance_id: int, text: str) -> EditResult:
    """Set the paragraphs one attendance row covers, as typed, and their numbers: one batch.

    Empty text means the person attended every paragraph. Raises `EditError`
    for a text that is not a range list, or a row that no longer exists.
    """
    text = " ".join(text.split())
    try:
        numbers = compact_ranges(parse_ranges(text)) or None
    except ValueError as error:
        raise EditError(str(error)) from None
    with Session(engine) as session:
        row = session.get(Attendance, attendance_id)
        if row is None:
            raise EditError(f"attendance {attendance_id} no longer exists")
        old = row.paragraphs
        wanted = (("paragraphs", text or None), ("paragraph_numbers", numbers))
        changes = [(f, getattr(row, f), value) for f, value in wanted if getattr(row, f) != value]
        entry = None
        if changes:
            entry = history.begin(session.connection(), "edit", meeting_id=row.meeting_id)
            conn = session.connection()
            entry.finish(history.changed(conn, row, "paragraphs", old, text or None))
        for field, before, value in changes:
            entry.update(row, field, before, value)  # type: ignore[union-attr]
            setattr(row, field, value)
        session.commit()
        batch = entry.id if entry is not None else 0
        return EditResult(
            "attendance", attendance_id, "paragraphs", old, text or None, batch, row.meeting_id
        )
