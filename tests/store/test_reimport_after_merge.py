"""What blocks a re-import: changes to what a meeting says, not merges or review marks."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from store import merging
from store.db import make_engine
from store.loading import import_paths
from store.models import Attendance, Meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"


def test_changed_protocol_replaces_a_meeting_whose_people_were_merged(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "p.db"))
    copy = tmp_path / "002.txt"
    copy.write_text((SAMPLES / "002_51c692209e7ef6f5.txt").read_text(encoding="utf-8"))
    assert import_paths(engine, [SAMPLES / "000_40086cb381e27565.txt", copy]).count("imported") == 2
    keep = merging.find(engine, "Irén Lejegren")
    merging.merge(engine, keep, [merging.find(engine, "Irén Lejgren")])

    copy.write_text(copy.read_text(encoding="utf-8").replace("Plats: Via Zoom", "Plats: Teams"))
    outcome = import_paths(engine, [copy]).outcomes[0]

    assert outcome.status == "replaced", outcome.message
    with Session(engine) as session:
        meeting = session.get(Meeting, outcome.meeting_id)
        assert meeting is not None and meeting.location == "Teams"
        row = session.exec(
            select(Attendance).where(
                Attendance.meeting_id == meeting.id, Attendance.name_as_written == "Irén Lejgren"
            )
        ).one()
    assert row.person_id == keep


def test_a_content_edit_still_protects_the_meeting(tmp_path: Path) -> None:
    from store import edits

    engine = make_engine(str(tmp_path / "p.db"))
    copy = tmp_path / "002.txt"
    copy.write_text((SAMPLES / "002_51c692209e7ef6f5.txt").read_text(encoding="utf-8"))
    meeting_id = import_paths(engine, [copy]).outcomes[0].meeting_id
    assert meeting_id is not None
    edits.update_field(engine, "meeting", meeting_id, "location", "Kommunhuset")

    copy.write_text(copy.read_text(encoding="utf-8").replace("Plats: Via Zoom", "Plats: Teams"))
    assert import_paths(engine, [copy]).outcomes[0].status == "refused"


def test_a_review_mark_taken_back_leaves_the_meeting_replaceable(tmp_path: Path) -> None:
    from store import edits

    engine = make_engine(str(tmp_path / "p.db"))
    copy = tmp_path / "002.txt"
    copy.write_text((SAMPLES / "002_51c692209e7ef6f5.txt").read_text(encoding="utf-8"))
    meeting_id = import_paths(engine, [copy]).outcomes[0].meeting_id
    assert meeting_id is not None
    edits.set_reviewed(engine, meeting_id, True)
    with Session(engine) as session:
        assert not edits.is_edited(session, meeting_id)
    edits.set_reviewed(engine, meeting_id, False)

    copy.write_text(copy.read_text(encoding="utf-8").replace("Plats: Via Zoom", "Plats: Teams"))
    assert import_paths(engine, [copy]).outcomes[0].status == "replaced"
