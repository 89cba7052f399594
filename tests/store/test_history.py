"""One linear history: every change is an entry; undo, redo and discarding as in an editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import edits, history, merging
from store.db import make_engine
from store.history import HistoryError, list_history, redo, undo
from store.loading import import_paths, load_protocol
from store.models import Meeting
from tests.store.db_state import db_state

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
FILE_002 = SAMPLES / "002_51c692209e7ef6f5.txt"
LABEL_002 = "2022-04-26 Specifikt samverkansråd för skola, utbildning och kompetensförsörjning"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """A database file on disk holding one imported protocol (002)."""
    engine = make_engine(str(tmp_path / "history.db"))
    assert import_paths(engine, [FILE_002]).count("imported") == 1
    return engine


def _location(engine: Engine) -> str | None:
    with Session(engine) as session:
        return session.exec(select(Meeting.location)).one()


def test_redo_brings_back_the_change_undone_last_not_a_discarded_one(engine: Engine) -> None:
    edits.update_field(engine, "meeting", 1, "location", "Lokal A")
    undo(engine)
    edits.update_field(engine, "meeting", 1, "location", "Lokal B")
    undo(engine)
    assert redo(engine) == f"Redid: Location of the meeting {LABEL_002}: 'Via Zoom' → 'Lokal B'"
    assert _location(engine) == "Lokal B"
    assert redo(engine) is None, "'Lokal A' was discarded by the change made after its undo"
    assert _location(engine) == "Lokal B"


def test_redo_goes_forward_in_the_order_undo_went_back(engine: Engine) -> None:
    for place in ("A", "B", "C"):
        edits.update_field(engine, "meeting", 1, "location", place)
    undo(engine)
    undo(engine)
    assert _location(engine) == "A"
    redo(engine)
    assert _location(engine) == "B"
    undo(engine)
    undo(engine)
    assert _location(engine) == "Via Zoom"
    redo(engine)
    redo(engine)
    redo(engine)
    assert _location(engine) == "C"


def test_the_history_survives_a_restart(engine: Engine, tmp_path: Path) -> None:
    edits.update_field(engine, "meeting", 1, "location", "Lokal A")
    undo(engine)
    edits.update_field(engine, "meeting", 1, "location", "Lokal B")
    engine.dispose()
    again = make_engine(str(tmp_path / "history.db"))
    assert redo(again) is None
    undo(again)
    assert _location(again) == "Via Zoom"
    assert redo(again) is not None and _location(again) == "Lokal B"


def test_undoing_an_import_removes_exactly_what_it_added(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "import.db"))
    import_paths(engine, [SAMPLES / "000_40086cb381e27565.txt"])
    before = db_state(engine)
    import_paths(engine, [FILE_002])
    imported = db_state(engine)
    assert undo(engine) == f"Undid: Imported {FILE_002.name}: the meeting {LABEL_002}"
    assert db_state(engine) == before, "its meeting, source, people and organisations are gone"
    assert redo(engine) is not None
    assert db_state(engine) == imported, "the same rows, ids and uids as the import made"
    undo(engine)
    undo(engine)
    assert all(rows == [] for rows in db_state(engine).values())


def test_every_kind_of_change_is_an_entry_in_words(seeded_engine: Engine) -> None:
    engine = seeded_engine
    lejegren = merging.find(engine, "Irén Lejegren")
    with Session(engine) as session:
        place = session.get(Meeting, 1).location
    edits.update_field(engine, "meeting", 1, "location", "Kommunhuset")
    edits.add_agenda_item(engine, 1, 12, "Övriga frågor")
    edits.delete_row(engine, "attendance", 1)
    edits.set_reviewed(engine, 1, True)
    merging.merge(engine, lejegren, [merging.find(engine, "Irén Lejgren")])
    merging.split(engine, lejegren, "Irén Lejgren")
    merging.declare_different(engine, merging.find(engine, "Eva Sund"), 88)
    merging.reconcile_auto(engine, min_score=85)
    entries = list_history(engine)
    assert [e.action for e in entries] == [
        "reconcile", "different", "split", "merge", "review", "delete", "add", "edit",
        *["import"] * 5,
    ]  # fmt: skip
    label = entries[-9].meeting_label
    assert label is not None and label.startswith("20")
    summaries = [e.summary for e in entries]
    assert summaries[7] == f"Location of the meeting {label}: {place!r} → 'Kommunhuset'"
    assert summaries[6] == f"Added agenda item 12 (Övriga frågor) in the meeting {label}"
    assert summaries[5].startswith("Deleted attendee ") and label in summaries[5]
    assert summaries[4] == f"Marked the meeting {label} reviewed"
    assert summaries[3] == "Merged Irén Lejgren into Irén Lejegren (2 rows moved)"
    assert summaries[2] == "Split Irén Lejgren from Irén Lejegren (2 rows moved)"
    assert summaries[1] == "Declared Eva Sund and Ewa Sundkvist different people"
    assert summaries[0].startswith("Reconciled people automatically: merged ")
    assert (entries[3].person_label, entries[3].meeting_id) == ("Irén Lejegren", None)
    assert all(not e.undone and not e.can_redo for e in entries)


def test_reconcile_auto_is_one_entry_and_one_undo(seeded_engine: Engine) -> None:
    before = db_state(seeded_engine)
    results = merging.reconcile_auto(seeded_engine, min_score=85)
    assert len(results) >= 2 and len({r.batch for r in results}) == 1
    assert undo(seeded_engine).startswith("Undid: Reconciled people automatically: merged ")
    assert db_state(seeded_engine) == before
    [entry] = list_history(seeded_engine, limit=1)
    assert (entry.action, entry.undone, entry.can_redo) == ("reconcile", True, True)


def test_list_history_is_newest_first_filtered_limited_and_says_what_can_be_redone(
    seeded_engine: Engine,
) -> None:
    engine = seeded_engine
    for place in ("A", "B"):
        edits.update_field(engine, "meeting", 2, "location", place)
    edits.update_field(engine, "meeting", 3, "location", "C")
    undo(engine)
    undo(engine)
    about_two = list_history(engine, meeting_id=2)
    assert [e.summary.split(": ")[-1] for e in about_two[:2]] == ["'A' → 'B'", "'Via Zoom' → 'A'"]
    assert [(e.undone, e.can_redo) for e in about_two[:2]] == [(True, True), (False, False)]
    assert about_two[-1].action == "import" and {e.meeting_id for e in about_two} == {2}
    newest = list_history(engine, limit=2)
    assert [(e.meeting_id, e.undone, e.can_redo) for e in newest] == [
        (3, True, True),
        (2, True, True),
    ]
    edits.update_field(engine, "meeting", 2, "location", "D")
    assert [(e.undone, e.can_redo) for e in list_history(engine, limit=3)] == [
        (False, False),
        (True, False),
        (True, False),
    ]
    assert len(list_history(engine)) == 9 and list_history(engine, limit=0) == []


def test_an_undo_that_no_longer_fits_is_refused_and_changes_nothing(engine: Engine) -> None:
    edits.update_field(engine, "meeting", 1, "location", "Lokal A")
    edits.update_field(engine, "meeting", 1, "start_time", "14:00")
    with engine.begin() as conn:  # as a database tool (or an older protokoll) would
        conn.execute(update(Meeting.__table__).values(start_time=None, location="Elsewhere"))
    before = db_state(engine)
    with pytest.raises(HistoryError, match="the start time it changed has been changed since"):
        undo(engine)
    assert db_state(engine) == before
    assert not list_history(engine, limit=1)[0].undone


def test_an_undo_whose_row_is_gone_is_refused_and_changes_nothing(engine: Engine) -> None:
    edits.update_field(engine, "attendance", 3, "party", "MP")
    with engine.begin() as conn:  # removed outside the history
        conn.exec_driver_sql("DELETE FROM attendance WHERE id = 3")
    before = db_state(engine)
    with pytest.raises(HistoryError, match="the attendee it changed is no longer there"):
        undo(engine)
    assert db_state(engine) == before


def test_entries_outside_the_known_actions_are_refused(engine: Engine) -> None:
    with engine.begin() as conn, pytest.raises(ValueError, match="unknown history action"):
        history.begin(conn, "tidy")


def test_a_meeting_without_date_or_council_is_named_so_and_undone_like_any(
    tmp_path: Path,
) -> None:
    from tests.store.test_incomplete_meetings import parsed

    engine = make_engine(str(tmp_path / "incomplete.db"))
    empty = db_state(engine)
    load_protocol(engine, parsed("a.txt", None))
    load_protocol(engine, parsed("b.txt", None, body=None))
    edits.update_field(engine, "meeting", 2, "location", "Rådhuset")
    assert [e.summary for e in list_history(engine)] == [
        "Location of the meeting undated (council not named): (empty) → 'Rådhuset'",
        "Imported b.txt: the meeting undated (council not named)",
        "Imported a.txt: the meeting undated Kommunfullmäktige",
    ]
    for _ in range(3):
        undo(engine)
    assert db_state(engine) == empty


def test_undoing_an_import_takes_back_its_duplicate_warning_on_the_other_meeting(
    tmp_path: Path,
) -> None:
    from datetime import date

    from tests.store.test_incomplete_meetings import parsed

    engine = make_engine(str(tmp_path / "duplicates.db"))
    load_protocol(engine, parsed("a.txt", date(2020, 1, 10)))
    before = db_state(engine)
    load_protocol(engine, parsed("b.txt", date(2020, 1, 10)))
    warned = db_state(engine)
    assert any("possible duplicate of b.txt" in str(w) for w in warned["importwarning"])
    undo(engine)
    assert db_state(engine) == before
    redo(engine)
    assert db_state(engine) == warned
