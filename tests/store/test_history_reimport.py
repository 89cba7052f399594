"""Undo after `import --replace`: back through the re-import, never onto another row.

Each case here once went wrong: the log named rows by id, and a re-import gives
the ids of the rows it replaces to new rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import edits, history, merging
from store.db import make_engine
from store.history import HistoryError, list_history, redo, undo
from store.loading import import_paths
from store.models import Attendance, Meeting, Person
from tests.store.db_state import db_state

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
NEW_ATTENDEE = "Irén Lejgren (S)\tRegion Örebro län\n"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A protocol file someone will correct and import again."""
    path = tmp_path / "002.txt"
    path.write_text((SAMPLES / "002_51c692209e7ef6f5.txt").read_text(encoding="utf-8"))
    return path


@pytest.fixture
def engine(tmp_path: Path, copy: Path) -> Engine:
    """Two meetings on disk; the copy's meeting (id 2) has the newest rows."""
    engine = make_engine(str(tmp_path / "reimport.db"))
    assert import_paths(engine, [SAMPLES / "000_40086cb381e27565.txt"]).count("imported") == 1
    assert import_paths(engine, [copy]).count("imported") == 1
    return engine


def _correct(copy: Path, *, extra: bool = False) -> None:
    """The secretary's corrected file: another place, and maybe one more attendee."""
    text = copy.read_text(encoding="utf-8").replace("Plats: Via Zoom", "Plats: Teams")
    if extra:
        text = text.replace(NEW_ATTENDEE, NEW_ATTENDEE + "Nils Nyman (S)\tNora kommun\n")
    copy.write_text(text, encoding="utf-8")


def _reimport(engine: Engine, copy: Path) -> None:
    outcome = import_paths(engine, [copy], replace=True).outcomes[0]
    assert (outcome.status, outcome.meeting_id) == ("replaced", 2), outcome.message


def _attendees(engine: Engine, meeting_id: int = 2) -> list[tuple[int, str, int]]:
    with Session(engine) as session:
        query = select(Attendance.id, Attendance.name_as_written, Attendance.person_id).where(
            Attendance.meeting_id == meeting_id
        )
        return sorted(session.exec(query).all())


def _location(engine: Engine) -> str | None:
    with Session(engine) as session:
        return session.get(Meeting, 2).location


def test_undo_after_a_reimport_never_puts_an_old_value_over_the_new_file(
    engine: Engine, copy: Path
) -> None:
    edits.update_field(engine, "meeting", 2, "location", "Kommunhuset")
    _correct(copy)
    _reimport(engine, copy)
    assert _location(engine) == "Teams"
    assert undo(engine).startswith("Undid: Re-imported 002.txt over the meeting 2022-04-26 ")
    assert _location(engine) == "Kommunhuset", "the meeting as it was before the re-import"
    assert undo(engine).startswith("Undid: Location of the meeting 2022-04-26 ")
    assert _location(engine) == "Via Zoom"
    redo(engine)
    redo(engine)
    assert _location(engine) == "Teams"


def test_undoing_an_add_after_a_reimport_reused_its_id_deletes_no_one_else(
    engine: Engine, copy: Path
) -> None:
    imported = db_state(engine)
    added = edits.add_attendee(engine, 2, "Karin Handlagd", party="S")
    edited = db_state(engine)
    _correct(copy, extra=True)
    _reimport(engine, copy)
    reimported = db_state(engine)
    taken = [row for row in _attendees(engine) if row[0] == added.row_id]
    assert taken and taken[0][1] != "Karin Handlagd", "the re-import gave its id to another row"
    undo(engine)
    assert db_state(engine) == edited
    undo(engine)
    assert db_state(engine) == imported
    redo(engine)
    redo(engine)
    assert db_state(engine) == reimported


def test_undoing_a_delete_after_a_reimport_inserts_no_duplicate(engine: Engine, copy: Path) -> None:
    imported = db_state(engine)
    first = _attendees(engine)[0]
    edits.delete_row(engine, "attendance", first[0])
    _correct(copy)
    _reimport(engine, copy)
    assert [name for _, name, _ in _attendees(engine)].count(first[1]) == 1
    undo(engine)
    assert first[1] not in [name for _, name, _ in _attendees(engine)]
    undo(engine)
    assert db_state(engine) == imported
    names = [name for _, name, _ in _attendees(engine)]
    assert len(names) == len(set(names))


def test_a_review_mark_goes_and_comes_back_with_the_reimport(engine: Engine, copy: Path) -> None:
    edits.set_reviewed(engine, 2, True)
    _correct(copy)
    _reimport(engine, copy)
    with Session(engine) as session:
        assert session.get(Meeting, 2).reviewed is False
    undo(engine)
    with Session(engine) as session:
        assert session.get(Meeting, 2).reviewed is True
    assert [e.action for e in list_history(engine, meeting_id=2)] == [
        "reimport",
        "review",
        "import",
    ]


def test_merge_then_reimport_then_undo_restores_exactly_the_links_before_the_merge(
    engine: Engine, copy: Path
) -> None:
    before_merge = db_state(engine)
    keep = merging.find(engine, "Irén Lejegren")
    other = merging.find(engine, "Irén Lejgren")
    merging.merge(engine, keep, [other])
    _correct(copy, extra=True)
    _reimport(engine, copy)
    lejgren = [row for row in _attendees(engine) if row[1] == "Irén Lejgren"]
    assert [person for _, _, person in lejgren] == [keep], "the spelling lands on the merged one"
    with Session(engine) as session:
        reused = session.get(Person, other)
    assert reused is not None and reused.name == "Nils Nyman", "the merged-away id, given again"
    undo(engine)  # the re-import
    undo(engine)  # the merge
    assert db_state(engine) == before_merge
    assert merging.find(engine, "Irén Lejgren") == other


def test_an_import_after_an_undo_discards_the_redo(engine: Engine, copy: Path) -> None:
    edits.update_field(engine, "meeting", 2, "location", "Kommunhuset")
    undo(engine)
    _correct(copy)
    outcome = import_paths(engine, [copy]).outcomes[0]
    assert outcome.status == "replaced", "the undone edit no longer protects the meeting"
    assert redo(engine) is None
    assert _location(engine) == "Teams"


def test_a_change_to_a_row_a_reimport_replaced_is_refused_naming_the_reimport(
    engine: Engine, copy: Path
) -> None:
    """Logged against the meeting as it was before the re-import, as a stale writer would."""
    with Session(engine) as session:
        stale = session.get(Meeting, 2)
    _correct(copy)
    _reimport(engine, copy)
    with Session(engine) as session:
        entry = history.begin(session.connection(), "edit", meeting_id=2)
        entry.update(stale, "location", "Via Zoom", "Kommunhuset")
        entry.finish("Location of the meeting: 'Via Zoom' → 'Kommunhuset'")
        session.commit()
    before = db_state(engine)
    with pytest.raises(HistoryError, match=r"replaced by a re-import \(Re-imported 002.txt over"):
        undo(engine)
    assert db_state(engine) == before
