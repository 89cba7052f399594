"""Partial attendance: the paragraphs a person attended, stored as written and as ranges."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from importers.records import Attendee, ParsedFile, Protocol, SourceText
from store import edits
from store.db import make_engine
from store.edits import EditError
from store.loading import load_protocol
from store.models import Attendance, EditLog
from store.paragraphs import check_ranges, compact_ranges, parse_ranges, set_paragraphs
from store.queries import meeting_detail


@pytest.mark.parametrize(
    ("numbers", "text"),
    [
        ((), ""),
        ((7,), "7"),
        ((1, 2, 3, 4, 5, 6, 9, 10, 11), "1-6,9-11"),
        ((5, 3, 4, 3, 12), "3-5,12"),
        (tuple(range(1, 126)), "1-125"),
    ],
)
def test_compact_ranges(numbers: tuple[int, ...], text: str) -> None:
    assert compact_ranges(numbers) == text


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [
        ("", ()),
        ("1-6, 9-11", (1, 2, 3, 4, 5, 6, 9, 10, 11)),
        ("§§ 1-3", (1, 2, 3)),
        ("§ 4", (4,)),
        ("1–2; 7 och 9", (1, 2, 7, 9)),
        ("3-5,§ 4, 12", (3, 4, 5, 12)),
    ],
)
def test_parse_ranges_reads_what_a_secretary_types(typed: str, numbers: tuple[int, ...]) -> None:
    assert parse_ranges(typed) == numbers
    assert check_ranges(typed) is None


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("9-3", "runs backwards"),
        ("0-4", "from 1 to"),
        ("1-100000", "from 1 to"),
        ("t.o.m. 12", "is not a paragraph"),
        ("1,,2", "is not a paragraph"),
    ],
)
def test_parse_ranges_refuses_what_is_not_a_range_list(typed: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_ranges(typed)
    assert problem in (check_ranges(typed) or "")


def _parsed(attendees: tuple[Attendee, ...]) -> ParsedFile:
    text = "protokoll " + " ".join(a.name for a in attendees)
    digest = hashlib.sha256(text.encode()).hexdigest()
    protocol = Protocol(
        "Socialnämnden", date(2017, 9, 20), None, None, None, (), None, None, None,
        attendees, (), (),
    )  # fmt: skip
    return ParsedFile(SourceText("p/son.txt", text, "utf-8", digest), protocol)


def _attendee(name: str, paragraphs: str | None, numbers: tuple[int, ...]) -> Attendee:
    return Attendee(name, "S", None, None, "member", True, 10, paragraphs, numbers)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """One meeting: Agneta Blom attended §§ 1-6 and 9-34, Henrik Elamson up to § 5, Eva all."""
    engine = make_engine(str(tmp_path / "paragraphs.db"))
    people = (
        _attendee("Agneta Blom", "1-6, 9-34", (*range(1, 7), *range(9, 35))),
        _attendee("Henrik Elamson", "t.o.m. § 5", (1, 2, 3, 4, 5)),
        _attendee("Eva Lind", None, ()),
    )
    assert load_protocol(engine, _parsed(people)).status == "imported"
    return engine


def _stored(engine: Engine) -> list[tuple]:
    query = select(
        Attendance.name_as_written, Attendance.paragraphs, Attendance.paragraph_numbers
    ).order_by(Attendance.position)
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def test_loading_keeps_paragraphs_as_written_and_as_ranges(engine: Engine) -> None:
    assert _stored(engine) == [
        ("Agneta Blom", "1-6, 9-34", "1-6,9-34"),
        ("Henrik Elamson", "t.o.m. § 5", "1-5"),
        ("Eva Lind", None, None),
    ]
    rows = meeting_detail(engine, 1).attendance
    assert [(r.paragraphs, r.paragraph_numbers) for r in rows] == [
        ("1-6, 9-34", "1-6,9-34"),
        ("t.o.m. § 5", "1-5"),
        (None, None),
    ]


def test_set_paragraphs_stores_both_in_one_undoable_batch(engine: Engine) -> None:
    result = set_paragraphs(engine, 3, "§§ 2-4,  8")
    assert (result.old, result.new, result.meeting_id) == (None, "§§ 2-4, 8", 1)
    assert _stored(engine)[2] == ("Eva Lind", "§§ 2-4, 8", "2-4,8")
    with engine.connect() as conn:
        query = select(EditLog.field).where(EditLog.batch == result.batch).order_by(EditLog.id)
        logged = conn.execute(query).scalars().all()
    assert logged == ["paragraphs", "paragraph_numbers"]
    edits.undo(engine)
    assert _stored(engine)[2] == ("Eva Lind", None, None)


def test_empty_paragraphs_mean_present_for_all(engine: Engine) -> None:
    set_paragraphs(engine, 1, "  ")
    assert _stored(engine)[0] == ("Agneta Blom", None, None)


def test_a_bad_range_list_is_refused_and_nothing_changes(engine: Engine) -> None:
    with pytest.raises(EditError, match="runs backwards"):
        set_paragraphs(engine, 1, "34-9")
    with pytest.raises(EditError, match="no longer exists"):
        set_paragraphs(engine, 99, "1-2")
    assert _stored(engine)[0] == ("Agneta Blom", "1-6, 9-34", "1-6,9-34")
