"""The read side: meeting pages, filters, detail, attention and a person's meetings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from store import edits, queries
from store.db import make_engine
from store.models import (
    AgendaItem,
    Attendance,
    Body,
    ImportWarning,
    Meeting,
    Officer,
    Organization,
    Person,
    SourceDocument,
)

SOURCE = "Protokoll till Rådet\nTid: Onsdag 26 februari 2020 kl 9:00\nPlats: Örebro\n"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """Twelve meetings of two bodies; the newest has attendance, agenda and a warning."""
    engine = make_engine(str(tmp_path / "q.db"))
    with Session(engine) as session:
        school, region = Body(name="Skolrådet"), Body(name="Regionalt samverkansråd")
        irén, org = Person(name="Irén Lejegren"), Organization(name="Region Örebro län")
        source = SourceDocument(
            file_name="a.txt", path="a.txt", content_hash="h", encoding="utf-8", text=SOURCE
        )
        session.add_all([school, region, irén, org, source])
        session.flush()
        for month in range(1, 13):
            body = school if month % 2 else region
            place = "Örebro" if month == 12 else "Zoom"
            session.add(Meeting(body_id=body.id, date=date(2020, month, 3), location=place))
        session.flush()
        newest = 12
        session.get(Meeting, newest).source_id = source.id
        session.add_all(
            [
                Attendance(
                    meeting_id=newest,
                    person_id=irén.id,
                    name_as_written="Irén Lejgren",
                    party="S",
                    organization_id=org.id,
                    line=2,
                ),
                Attendance(
                    meeting_id=newest, person_id=irén.id, name_as_written="[/x]", present=False
                ),
                Officer(
                    meeting_id=newest, role="adjuster", person_id=irén.id, name_as_written="Irén"
                ),
                Officer(meeting_id=3, role="chair", person_id=irén.id, name_as_written="Irén L"),
                AgendaItem(meeting_id=newest, number=1, title="Mötet öppnades", line=3, end_line=4),
                ImportWarning(meeting_id=newest, line=2, message="odd line"),
            ]
        )
        session.commit()
    return engine


def test_pages_run_newest_first_and_join_up(engine: Engine) -> None:
    first = queries.meeting_page(engine, limit=5)
    assert [r.date.month for r in first.rows] == [12, 11, 10, 9, 8]
    assert first.rows[0].attendees == 1 and first.rows[0].warnings == 1
    second = queries.meeting_page(engine, after=first.next_cursor, limit=5)
    third = queries.meeting_page(engine, after=second.next_cursor, limit=5)
    assert [r.date.month for r in third.rows] == [2, 1]
    assert third.next_cursor is None


def test_a_page_can_start_at_a_meeting(engine: Engine) -> None:
    page = queries.meeting_page(engine, at=(date(2020, 6, 3), 6), limit=2)
    assert [r.id for r in page.rows] == [6, 5]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("skol", [11, 9, 7, 5, 3, 1]),
        ("skol 2020-03", [3]),
        ("2020-1", [1]),
        ("örebro", [12]),
        ("öppnades", [12]),
        ("50%", []),
        ("2019", []),
    ],
)
def test_filter_matches_body_date_place_and_agenda(
    engine: Engine, text: str, months: list[int]
) -> None:
    assert [r.date.month for r in queries.meeting_page(engine, text).rows] == months


def test_detail_has_everything_and_finds_header_lines(engine: Engine) -> None:
    detail = queries.meeting_detail(engine, 12)
    assert detail.body == "Regionalt samverkansråd" and detail.location == "Örebro"
    assert [a.name_as_written for a in detail.attendance] == ["Irén Lejgren", "[/x]"]
    assert detail.attendance[0].organization == "Region Örebro län"
    assert detail.agenda[0].title == "Mötet öppnades"
    assert detail.warnings[0].message == "odd line"
    assert detail.field_lines["date"] == 2 and detail.field_lines["location"] == 3
    assert detail.edited is False
    assert queries.meeting_detail(engine, 999) is None


def test_next_needing_attention_skips_reviewed_and_wraps(engine: Engine) -> None:
    for meeting_id in range(1, 12):
        edits.set_reviewed(engine, meeting_id, True)
    edits.set_reviewed(engine, 12, True)
    assert queries.next_needing_attention(engine) == 12  # its open warning
    edits.set_reviewed(engine, 2, False)
    assert queries.next_needing_attention(engine, after=(date(2020, 12, 3), 12)) == 2
    assert queries.next_needing_attention(engine, after=(date(2020, 2, 3), 2)) == 12


def test_person_detail_lists_attendance_and_offices(engine: Engine) -> None:
    person = queries.person_detail(engine, 1)
    assert person.name == "Irén Lejegren"
    assert [(m.meeting_id, m.role) for m in person.meetings][-1] == (3, "chair")
    assert {m.role for m in person.meetings if m.meeting_id == 12} == {"member", "adjuster"}


def test_known_choices(engine: Engine) -> None:
    choices = queries.known_choices(engine)
    assert choices.parties == ("S",)
    assert [name for _, name in choices.bodies] == ["Regionalt samverkansråd", "Skolrådet"]


def test_data_version_moves_with_edits_and_undo(engine: Engine) -> None:
    before = queries.data_version(engine)
    assert queries.data_version(engine) == before
    edits.update_field(engine, "meeting", 1, "location", "X")
    edited = queries.data_version(engine)
    assert edited != before
    edits.undo(engine)
    assert queries.data_version(engine) not in (before, edited)


def test_meeting_row_is_one_line_of_the_list(engine: Engine) -> None:
    row = queries.meeting_row(engine, 12)
    assert row == queries.meeting_page(engine, limit=1).rows[0]
    assert queries.meeting_row(engine, 999) is None
