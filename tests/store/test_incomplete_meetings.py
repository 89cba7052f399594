"""Meetings whose protocol gave no date or named no council: stored, listed last, filled in."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from importers.records import Attendee, Officer, ParsedFile, ParseWarning, Protocol, SourceText
from store import edits
from store.db import make_engine
from store.export import export_table
from store.loading import load_protocol
from store.models import Body, Meeting
from store.queries import (
    meeting_detail,
    meeting_page,
    meeting_row,
    next_needing_attention,
    person_detail,
)
from store.reconcile import suggestions

COUNCIL = "Kommunfullmäktige"


def parsed(name: str, day: date | None, body: str | None = COUNCIL) -> ParsedFile:
    """A small protocol from file `name`; its text (and hash) follows the name."""
    text = f"Protokoll {name}"
    warnings = () if day else (ParseWarning(3, "no meeting date found (looked for 'Datum')"),)
    protocol = Protocol(
        body, day, None, None, None, (Officer("chair", "Tore Sand", 5),), None, None, None,
        (Attendee("Tore Sand", "M", None, None, "member", True, 8),), (), warnings,
    )  # fmt: skip
    digest = hashlib.sha256(text.encode()).hexdigest()
    return ParsedFile(SourceText(f"arkiv/{name}", text, "utf-8", digest), protocol)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """Meetings 1 (2020-01-10), 2 (no date), 3 (2021-05-05, no council), 4 (no date), 5 (2019)."""
    engine = make_engine(str(tmp_path / "incomplete.db"))
    for name, day, body in (
        ("a.txt", date(2020, 1, 10), COUNCIL),
        ("b.txt", None, COUNCIL),
        ("c.txt", date(2021, 5, 5), None),
        ("d.txt", None, None),
        ("e.txt", date(2019, 3, 1), COUNCIL),
    ):
        assert load_protocol(engine, parsed(name, day, body)).status == "imported"
    return engine


def test_a_protocol_without_date_or_council_is_stored_with_its_warning(engine: Engine) -> None:
    with engine.connect() as conn:
        meetings = conn.execute(select(Meeting.id, Meeting.date, Meeting.body_id)).all()
        bodies = conn.execute(select(Body.name)).scalars().all()
    assert [tuple(m) for m in meetings] == [
        (1, date(2020, 1, 10), 1),
        (2, None, 1),
        (3, date(2021, 5, 5), None),
        (4, None, None),
        (5, date(2019, 3, 1), 1),
    ]
    assert bodies == [COUNCIL]  # no nameless council is made up
    detail = meeting_detail(engine, 4)
    assert (detail.date, detail.body_id, detail.body) == (None, None, None)
    assert detail.cursor == (None, 4)
    assert [(w.line, w.message) for w in detail.warnings] == [
        (3, "no meeting date found (looked for 'Datum')")
    ]


def test_the_list_puts_meetings_without_a_date_last_and_pages_across(engine: Engine) -> None:
    rows, cursor = [], None
    while True:
        page = meeting_page(engine, limit=2, after=cursor)
        rows += page.rows
        cursor = page.next_cursor
        if cursor is None:
            break
    assert [(r.id, r.date, r.body) for r in rows] == [
        (3, date(2021, 5, 5), None),
        (1, date(2020, 1, 10), COUNCIL),
        (5, date(2019, 3, 1), COUNCIL),
        (4, None, None),
        (2, None, COUNCIL),
    ]
    assert [r.id for r in meeting_page(engine, at=(None, 4)).rows] == [4, 2]
    assert [r.id for r in meeting_page(engine, at=(date(2019, 3, 1), 5)).rows] == [5, 4, 2]
    assert [r.id for r in meeting_page(engine, "kommunfullmäktige").rows] == [1, 5, 2]
    assert [r.id for r in meeting_page(engine, "2020").rows] == [1]
    assert meeting_row(engine, 4).body is None


def test_a_reviewed_meeting_without_date_or_council_still_needs_attention(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(update(Meeting).values(reviewed=True))
    assert next_needing_attention(engine) == 3  # no council
    assert next_needing_attention(engine, (date(2021, 5, 5), 3)) == 4  # no date, no council
    assert next_needing_attention(engine, (None, 4)) == 2  # no date (and its open warning)
    assert next_needing_attention(engine, (None, 2)) == 3  # wraps around
    edits.set_body(engine, 3, COUNCIL)
    assert next_needing_attention(engine) == 4


def test_the_secretary_fills_in_date_and_council_and_can_undo(engine: Engine) -> None:
    edits.update_field(engine, "meeting", 4, "date", "2018-11-02")
    edits.set_body(engine, 4, "Socialnämnden", create=True)
    detail = meeting_detail(engine, 4)
    assert (detail.date, detail.body) == (date(2018, 11, 2), "Socialnämnden")
    assert [r.id for r in meeting_page(engine).rows] == [3, 1, 5, 4, 2]
    edits.undo(engine)
    edits.undo(engine)
    detail = meeting_detail(engine, 4)
    assert (detail.date, detail.body) == (None, None)
    with pytest.raises(edits.EditError, match="must not be empty"):
        edits.update_field(engine, "meeting", 1, "date", "")


def test_exports_list_meetings_without_a_date_last(engine: Engine) -> None:
    def exported(name: str) -> list[dict[str, str]]:
        out = io.StringIO(newline="")
        export_table(engine, name, out)
        return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))

    meetings = [(r["meeting_id"], r["date"], r["body"]) for r in exported("meetings")]
    assert meetings == [
        ("5", "2019-03-01", COUNCIL),
        ("1", "2020-01-10", COUNCIL),
        ("3", "2021-05-05", ""),
        ("2", "", COUNCIL),
        ("4", "", ""),
    ]
    assert [r["meeting_id"] for r in exported("attendance")] == ["5", "1", "3", "2", "4"]
    people = exported("people")
    assert [(p["name"], p["meetings"], p["first_seen"], p["last_seen"]) for p in people] == [
        ("Tore Sand", "5", "2019-03-01", "2021-05-05")
    ]


def test_people_views_take_meetings_without_a_date(engine: Engine) -> None:
    person = person_detail(engine, 1)  # attendee and chair of each meeting
    assert [m.meeting_id for m in person.meetings][::2] == [3, 1, 5, 4, 2]
    variant = dataclasses.replace(
        parsed("f.txt", None, None).protocol,
        officers=(),
        attendees=(Attendee("Tore Sandh", "M", None, None, "member", True, 8),),
    )
    load_protocol(engine, ParsedFile(parsed("f.txt", None).source, variant))
    found = [s.spellings for s in suggestions(engine, min_score=0)]
    assert found == [("Tore Sand", "Tore Sandh")]
