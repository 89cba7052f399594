"""Merge, split and declare different on a real SQLite file, and undo them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import edits
from store.db import make_engine
from store.loading import import_paths
from store.merging import MergeError, declare_different, find, merge, split
from store.models import (
    Attendance,
    Body,
    DistinctPair,
    Meeting,
    Officer,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)
from store.names import alias_key

SEEDS = Path(__file__).parents[2] / "samples" / "protocols"


@pytest.fixture
def engine(seeded_engine: Engine) -> Engine:
    """A fresh copy of the seeds database (tests/conftest.py), for tests that change it."""
    return seeded_engine


def _state(engine: Engine) -> dict[str, list]:
    """Everything a merge or split may touch, in a comparable form."""
    with Session(engine) as session:
        return {
            "people": sorted(session.exec(select(Person.id, Person.name)).all()),
            "aliases": sorted(session.exec(select(PersonAlias.key, PersonAlias.person_id)).all()),
            "attendance": sorted(session.exec(select(Attendance.id, Attendance.person_id)).all()),
            "officers": sorted(session.exec(select(Officer.id, Officer.person_id)).all()),
            "distinct": sorted(
                session.exec(select(DistinctPair.first_id, DistinctPair.second_id)).all()
            ),
        }


def _rows_of(engine: Engine, person_id: int) -> list[str]:
    with Session(engine) as session:
        written = session.exec(
            select(Attendance.name_as_written).where(Attendance.person_id == person_id)
        ).all()
        officers = session.exec(
            select(Officer.name_as_written).where(Officer.person_id == person_id)
        ).all()
    return sorted([*written, *officers])


def test_merge_moves_every_row_and_keeps_the_spelling_as_alias(engine: Engine) -> None:
    keep, other = find(engine, "Irén Lejegren"), find(engine, "Irén Lejgren")
    result = merge(engine, keep, [other])
    assert (result.keep_id, result.merged_ids, result.rows_moved) == (keep, (other,), 2)
    # two attendance rows and two chair rows as Lejegren, one of each as Lejgren
    assert _rows_of(engine, keep) == ["Irén Lejegren"] * 4 + ["Irén Lejgren"] * 2
    with Session(engine) as session:
        assert session.get(Person, other) is None
        keys = session.exec(select(PersonAlias.key).where(PersonAlias.person_id == keep)).all()
    assert sorted(keys) == ["irén lejegren", "irén lejgren"]
    assert find(engine, "Irén Lejgren") == keep


def test_a_later_import_of_a_merged_spelling_lands_on_the_kept_person(
    engine: Engine, tmp_path: Path
) -> None:
    keep = find(engine, "Irén Lejegren")
    merge(engine, keep, [find(engine, "Irén Lejgren")])
    text = (SEEDS / "002_51c692209e7ef6f5.txt").read_text(encoding="utf-8")
    later = tmp_path / "later.txt"
    later.write_text(text.replace("26 april 2022", "27 april 2023"), encoding="utf-8")
    assert import_paths(engine, [later]).count("imported") == 1
    with Session(engine) as session:
        meeting = session.exec(select(Meeting).where(Meeting.date == date(2023, 4, 27))).one()
        query = select(Attendance.person_id).where(
            Attendance.meeting_id == meeting.id, Attendance.name_as_written == "Irén Lejgren"
        )
        assert session.exec(query).all() == [keep]


def test_merge_under_a_chosen_name_and_undo_redo(engine: Engine) -> None:
    before = _state(engine)
    keep, other = find(engine, "Solveig Oscarsson"), find(engine, "Solweig Oscarsson")
    result = merge(engine, keep, [other], name="Solweig Oscarsson")
    with Session(engine) as session:
        assert session.get(Person, keep).name == "Solweig Oscarsson"
    after = _state(engine)
    assert edits.undo(engine) == (
        "Undid: Merged Solweig Oscarsson into Solveig Oscarsson, now called Solweig Oscarsson "
        "(2 rows moved)"
    )
    assert _state(engine) == before
    assert edits.redo(engine) is not None
    assert _state(engine) == after
    assert result.batch == 6, "the five imports of the seeds are the entries before it"


def test_merge_adds_a_new_canonical_spelling_as_alias(engine: Engine) -> None:
    keep, other = find(engine, "Tom Rymoén"), find(engine, "Tom Rymoen")
    merge(engine, keep, [other], name="Tom  Rymoén Ek")
    assert find(engine, "tom rymoén ek") == keep
    edits.undo(engine)
    with pytest.raises(MergeError, match="no person is called"):
        find(engine, "Tom Rymoén Ek")


def test_split_detaches_a_spelling_with_its_rows(engine: Engine) -> None:
    keep = find(engine, "Irén Lejegren")
    merge(engine, keep, [find(engine, "Irén Lejgren")])
    merged = _state(engine)
    result = split(engine, keep, "irén lejgren")
    assert result.rows_moved == 2 and result.spelling == "Irén Lejgren"
    assert _rows_of(engine, result.new_id) == ["Irén Lejgren"] * 2
    assert _rows_of(engine, keep) == ["Irén Lejegren"] * 4
    assert find(engine, "Irén Lejgren") == result.new_id
    # splitting says "different": the pair is not suggested straight back
    assert (keep, result.new_id) in _state(engine)["distinct"]
    edits.undo(engine)
    assert _state(engine) == merged


def test_splitting_off_the_canonical_spelling_renames_the_rest(engine: Engine) -> None:
    keep = find(engine, "Irén Lejegren")
    merge(engine, keep, [find(engine, "Irén Lejgren")])
    result = split(engine, keep, "Irén Lejegren")
    with Session(engine) as session:
        assert session.get(Person, keep).name == "Irén Lejgren"
        assert session.get(Person, result.new_id).name == "Irén Lejegren"


def test_split_refuses_what_cannot_be_split(engine: Engine) -> None:
    berth = find(engine, "Berth Falk")
    with pytest.raises(MergeError, match="not a spelling of Berth Falk"):
        split(engine, berth, "Ivonny Falk")
    with pytest.raises(MergeError, match="no other spelling"):
        split(engine, berth, "Berth Falk")


def test_merge_refuses_nonsense(engine: Engine) -> None:
    berth = find(engine, "Berth Falk")
    with pytest.raises(MergeError, match="no person with id 9999"):
        merge(engine, berth, [9999])
    with pytest.raises(MergeError, match="nothing to merge"):
        merge(engine, berth, [berth])
    before = _state(engine)
    with pytest.raises(MergeError, match="spelling of another person"):
        merge(engine, berth, [find(engine, "Tom Rymoen")], name="Andreas Svahn")
    assert _state(engine) == before


def test_people_listed_at_one_meeting_are_merged_only_by_force(engine: Engine) -> None:
    berth, ivonny = find(engine, "Berth Falk"), find(engine, "Ivonny Falk")
    before = _state(engine)
    with pytest.raises(MergeError, match="both listed at meeting 2: they are different people"):
        merge(engine, berth, [ivonny])
    assert _state(engine) == before
    assert merge(engine, berth, [ivonny], force=True).rows_moved == 1


def test_declared_different_follows_a_merge(engine: Engine) -> None:
    sund, sundkvist = find(engine, "Eva Sund"), find(engine, "Ewa Sundkvist")
    assert declare_different(engine, sundkvist, sund) is not None
    assert declare_different(engine, sund, sundkvist) is None  # already declared
    ladinek, thorsberg = find(engine, "Anita Thorsberg Ladinek"), find(engine, "Anita Thorsberg")
    declare_different(engine, sund, thorsberg)
    merge(engine, ladinek, [thorsberg])
    assert (min(sund, ladinek), max(sund, ladinek)) in _state(engine)["distinct"]
    with pytest.raises(MergeError, match="different from itself"):
        declare_different(engine, sund, sund)


def test_find_by_id_spelling_or_folded_name(engine: Engine) -> None:
    lejegren = find(engine, "Irén Lejegren")
    assert find(engine, str(lejegren)) == lejegren
    assert find(engine, "  IRÉN   LEJEGREN ") == lejegren
    assert find(engine, "Lejegren, Iren") == lejegren  # folded: order and accent
    with pytest.raises(MergeError, match=r"ambiguous.*Sven Erik Kilsten.*Sven-Erik Kilsten"):
        find(engine, "Kilsten, Sven Erik")
    with pytest.raises(MergeError, match="no person is called 'Nobody'"):
        find(engine, "Nobody")


# --- organisations -----------------------------------------------------------------


@pytest.fixture
def orgs(tmp_path: Path) -> Engine:
    """A database where the importer did not fold the kommun names: two organisations."""
    engine = make_engine(str(tmp_path / "orgs.db"))
    with Session(engine) as session:
        body = Body(name="Regionalt samverkansråd")
        person = Person(name="Caroline Dieker")
        session.add_all([body, person])
        session.flush()
        for day, spelling in ((1, "Askersund kommun"), (2, "Askersunds kommun")):
            org = Organization(name=spelling)
            meeting = Meeting(body_id=body.id, date=date(2020, 1, day))
            session.add_all([org, meeting])
            session.flush()
            session.add(
                OrganizationAlias(
                    organization_id=org.id, spelling=spelling, key=alias_key(spelling)
                )
            )
            session.add(
                Attendance(
                    meeting_id=meeting.id,
                    person_id=person.id,
                    name_as_written="Caroline Dieker",
                    organization_id=org.id,
                    organization_as_written=spelling,
                )
            )
        session.commit()
    return engine


def _org_state(engine: Engine) -> list:
    with Session(engine) as session:
        return [
            sorted(session.exec(select(Organization.id, Organization.name)).all()),
            sorted(session.exec(select(Attendance.id, Attendance.organization_id)).all()),
            sorted(
                session.exec(select(OrganizationAlias.key, OrganizationAlias.organization_id)).all()
            ),
        ]


def test_organisations_merge_split_and_undo(orgs: Engine) -> None:
    before = _org_state(orgs)
    short = find(orgs, "Askersund kommun", kind="organization")
    full = find(orgs, "Askersunds kommun", kind="organization")
    # the name of the one merged away becomes the kept one's name: unique names hold
    merge(orgs, full, [short], kind="organization", name="Askersund kommun")
    assert _org_state(orgs)[0] == [(full, "Askersund kommun")]
    assert {org for _, org in _org_state(orgs)[1]} == {full}
    result = split(orgs, full, "Askersund kommun", kind="organization")
    assert result.rows_moved == 1
    assert _org_state(orgs)[0] == [(full, "Askersunds kommun"), (result.new_id, "Askersund kommun")]
    edits.undo(orgs)
    edits.undo(orgs)
    assert _org_state(orgs) == before


def test_a_folded_organisation_name_can_be_ambiguous(orgs: Engine) -> None:
    with pytest.raises(MergeError, match="ambiguous"):
        find(orgs, "askersund  kommun.", kind="organization")
