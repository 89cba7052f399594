"""Edits: each change is stored with its history entry, and undo/redo replay the history."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import edits, history
from store.db import make_engine
from store.models import (
    AgendaItem,
    Attendance,
    Body,
    EditLog,
    HistoryBatch,
    Meeting,
    Officer,
    Organization,
    Person,
    PersonAlias,
)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """A database on disk with one meeting and one attendee."""
    engine = make_engine(str(tmp_path / "edits.db"))
    with Session(engine) as session:
        body = Body(name="Regionalt samverkansråd")
        person = Person(name="Irén Lejegren")
        session.add_all([body, person])
        session.flush()
        meeting = Meeting(body_id=body.id, date=date(2020, 2, 26), start_time=time(9))
        session.add(meeting)
        session.flush()
        session.add(Attendance(meeting_id=meeting.id, person_id=person.id, name_as_written="Irén"))
        session.commit()
    return engine


def _meeting(engine: Engine) -> Meeting:
    with Session(engine) as session:
        return session.exec(select(Meeting)).one()


def _log(engine: Engine) -> list[EditLog]:
    with Session(engine) as session:
        return list(session.exec(select(EditLog).order_by(EditLog.id)))


def _entries(engine: Engine) -> list[HistoryBatch]:
    with Session(engine) as session:
        return list(session.exec(select(HistoryBatch).order_by(HistoryBatch.id)))


def test_update_field_stores_and_logs_in_one_go(engine: Engine) -> None:
    result = edits.update_field(engine, "meeting", 1, "location", "Almen")
    meeting = _meeting(engine)
    assert meeting.location == "Almen"
    [change] = _log(engine)
    assert (change.table_name, change.row_uid, change.field) == ("meeting", meeting.uid, "location")
    assert (change.old_value, change.new_value) == ("null", '"Almen"')
    [entry] = _entries(engine)
    assert (entry.id, entry.action, entry.meeting_id) == (change.batch, "edit", 1)
    assert entry.summary == (
        "Location of the meeting 2020-02-26 Regionalt samverkansråd: (empty) → 'Almen'"
    )
    assert result.batch == entry.id and result.meeting_id == 1


def test_a_value_equal_to_the_stored_one_writes_no_entry(engine: Engine) -> None:
    edits.update_field(engine, "meeting", 1, "location", "Almen")
    edits.undo(engine)
    assert edits.update_field(engine, "meeting", 1, "start_time", "9:00").batch == 0
    assert edits.redo(engine) is not None, "a change that changed nothing discards no redo"


def test_values_are_parsed_by_column_type(engine: Engine) -> None:
    edits.update_field(engine, "meeting", 1, "date", "2020-03-01")
    edits.update_field(engine, "meeting", 1, "end_time", "12.30")
    edits.update_field(engine, "attendance", 1, "present", "nej")
    meeting = _meeting(engine)
    assert (meeting.date, meeting.end_time) == (date(2020, 3, 1), time(12, 30))
    with Session(engine) as session:
        assert session.get(Attendance, 1).present is False


@pytest.mark.parametrize(
    ("table", "field", "value", "message"),
    [
        ("meeting", "date", "2020-02-30", "not a date"),
        ("meeting", "start_time", "25:00", "not a time"),
        ("meeting", "date", "", "must not be empty"),
        ("attendance", "role", "boss", "role must be one of"),
        ("attendance", "present", "maybe", "not yes or no"),
        ("meeting", "id", "3", "cannot be edited"),
        ("attendance", "person_id", "999", "there is no person 999"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_stored(
    engine: Engine, table: str, field: str, value: str, message: str
) -> None:
    with pytest.raises(edits.EditError, match=message):
        edits.update_field(engine, table, 1, field, value)
    assert _log(engine) == []


def test_undo_and_redo_replay_the_log_with_types(engine: Engine) -> None:
    edits.update_field(engine, "meeting", 1, "start_time", "10:15")
    edits.update_field(engine, "meeting", 1, "date", "2021-01-02")
    assert edits.undo(engine) == (
        "Undid: Date of the meeting 2020-02-26 Regionalt samverkansråd: 2020-02-26 → 2021-01-02"
    )
    assert _meeting(engine).date == date(2020, 2, 26)
    edits.undo(engine)
    assert _meeting(engine).start_time == time(9)
    assert edits.undo(engine) is None
    edits.redo(engine)
    assert _meeting(engine).start_time == time(10, 15)
    edits.redo(engine)
    assert _meeting(engine).date == date(2021, 1, 2)
    assert edits.redo(engine) is None


def test_a_new_edit_after_undo_drops_the_redo(engine: Engine) -> None:
    edits.update_field(engine, "meeting", 1, "location", "A")
    edits.undo(engine)
    edits.update_field(engine, "meeting", 1, "location", "B")
    assert edits.redo(engine) is None
    assert _meeting(engine).location == "B"


def test_undo_survives_a_new_engine(engine: Engine, tmp_path: Path) -> None:
    edits.update_field(engine, "meeting", 1, "location", "Almen")
    engine.dispose()
    again = make_engine(str(tmp_path / "edits.db"))
    edits.undo(again)
    assert _meeting(again).location is None


def test_delete_and_insert_are_undone_with_every_column(engine: Engine) -> None:
    edits.update_field(engine, "attendance", 1, "party", "S")
    edits.delete_row(engine, "attendance", 1)
    with Session(engine) as session:
        assert session.get(Attendance, 1) is None
    edits.undo(engine)
    with Session(engine) as session:
        row = session.get(Attendance, 1)
        assert (row.name_as_written, row.party, row.present) == ("Irén", "S", True)
    added = edits.insert_row(
        engine, "attendance", {"meeting_id": 1, "person_id": 1, "name_as_written": "Ny"}
    )
    edits.undo(engine)
    with Session(engine) as session:
        assert session.get(Attendance, added.row_id) is None


def test_a_batch_is_undone_together(engine: Engine) -> None:
    with Session(engine) as session:
        entry = history.begin(session.connection(), "merge")
        meeting = session.get(Meeting, 1)
        entry.update(meeting, "location", None, "X")
        meeting.location = "X"
        person = Person(name="Ny person")
        session.add(person)
        session.flush()
        entry.insert(person)
        entry.finish("Two changes")
        session.commit()
    assert edits.undo(engine) == "Undid: Two changes"
    assert _meeting(engine).location is None
    with Session(engine) as session:
        assert session.exec(select(Person).where(Person.name == "Ny person")).first() is None


def test_review_goes_through_the_log_but_is_not_an_edit(engine: Engine) -> None:
    """A review mark is undoable; it protects the meeting through `reviewed`, not as an edit."""
    edits.set_reviewed(engine, 1, True)
    assert _meeting(engine).reviewed is True
    assert _entries(engine)[-1].action == "review"
    assert _entries(engine)[-1].summary == (
        "Marked the meeting 2020-02-26 Regionalt samverkansråd reviewed"
    )
    with Session(engine) as session:
        assert not edits.is_edited(session, 1)
        assert edits.edited_meeting_ids(session) == set()
    edits.update_field(engine, "meeting", 1, "location", "Kommunhuset")
    with Session(engine) as session:
        assert edits.edited_meeting_ids(session) == {1}
    edits.undo(engine)
    edits.undo(engine)
    assert _meeting(engine).reviewed is False


def test_renaming_an_attendee_relinks_the_person_and_undoes_in_one_step(engine: Engine) -> None:
    edits.rename_attendee(engine, "attendance", 1, "  Kim   Bäckström ")
    with Session(engine) as session:
        row = session.get(Attendance, 1)
        assert row.name_as_written == "Kim Bäckström"
        assert session.get(Person, row.person_id).name == "Kim Bäckström"
    edits.undo(engine)
    with Session(engine) as session:
        assert session.get(Attendance, 1).person_id == 1
        assert session.exec(select(Person)).all() == [session.get(Person, 1)]


def test_organisation_must_be_known_unless_created(engine: Engine) -> None:
    with pytest.raises(edits.EditError, match="unknown organisation"):
        edits.set_organization(engine, 1, "Nora kommun")
    edits.set_organization(engine, 1, "Nora kommun", create=True)
    edits.set_organization(engine, 1, "nora  KOMMUN")
    with Session(engine) as session:
        row = session.get(Attendance, 1)
        assert row.organization_as_written == "nora KOMMUN"
        assert session.get(Organization, row.organization_id).name == "Nora kommun"


def test_adding_rows_links_people_and_undoes_in_one_step(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(PersonAlias(person_id=1, spelling="Irén", key="irén"))
        session.commit()
    added = edits.add_attendee(engine, 1, "Irén", party="S", role="substitute")
    officer = edits.add_officer(engine, 1, "chair", "Ny Ordförande")
    item = edits.add_agenda_item(engine, 1, 7, "  Övriga  frågor ")
    with Session(engine) as session:
        row = session.get(Attendance, added.row_id)
        assert (row.person_id, row.role, row.position) == (1, "substitute", 1)
        assert session.get(Person, session.get(Officer, officer.row_id).person_id).name == (
            "Ny Ordförande"
        )
        assert session.get(AgendaItem, item.row_id).title == "Övriga frågor"
    edits.undo(engine)
    edits.undo(engine)
    with Session(engine) as session:
        assert session.get(Officer, officer.row_id) is None
        assert session.exec(select(Person).where(Person.name == "Ny Ordförande")).first() is None
    with pytest.raises(edits.EditError, match="role must be one of"):
        edits.add_officer(engine, 1, "boss", "X")
