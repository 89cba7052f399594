"""The people index loads what a keystroke needs, and finds exactly what a full load finds.

`store.people_loading` reads spellings and meeting counts up front and each
hit's parties and organisations when a search returns it. The reference here
is the whole load done the plain way (every person's entry complete, through
ORM sessions), over a database with the awkward cases: an officer who is not
in the attendance list, two rows for one person at one meeting, spellings
`Surname, Given`, a person with no alias row and one with no party.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store.db import make_engine
from store.models import Attendance, Body, Meeting, Officer, Organization, Person, PersonAlias
from store.names import alias_key, name_key
from store.people_loading import hit_details, load_entries, load_index
from store.ranking import search_people
from store.search import PeopleIndex, PersonEntry, WordFolder

# name, other spellings, [(meeting number, party, organisation)], officer at meetings
PEOPLE = [
    ("Irén Lejegren", ["Lejegren, Irén", "Irén Lejgren"], [(0, "S", "Region Örebro län")], [1]),
    ("Berth Falk", [], [(0, "S", "Lekebergs kommun"), (0, "S", "Lekebergs kommun")], []),
    ("Ivonne Falk", ["Ivonny Falk"], [(1, "KD", "Laxå kommun"), (2, "M", "Nora kommun")], [2]),
    ("Per Jönsson", [], [(1, None, None)], []),
    ("Per Jonsson", [], [(2, "C", "Nora kommun")], [0, 2]),
    ("Solveig Oscarsson", ["Solweig Oscarsson"], [], [0]),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    engine = make_engine(str(tmp_path_factory.mktemp("loading") / "people.db"))
    with Session(engine) as session:
        body = Body(name="Regionalt samverkansråd")
        session.add(body)
        session.flush()
        meetings = [Meeting(body_id=body.id, date=date(2021, 3, day)) for day in (1, 2, 3)]
        session.add_all(meetings)
        session.flush()
        orgs: dict[str, Organization] = {}
        for name, others, rows, officer_at in PEOPLE:
            person = Person(name=name)
            session.add(person)
            session.flush()
            if name != "Per Jönsson":  # no alias row at all
                for spelling in [name, *others]:
                    session.add(
                        PersonAlias(person_id=person.id, spelling=spelling, key=alias_key(spelling))
                    )
            for number, party, org in rows:
                if org and org not in orgs:
                    orgs[org] = Organization(name=org)
                    session.add(orgs[org])
                    session.flush()
                session.add(
                    Attendance(
                        meeting_id=meetings[number].id,
                        person_id=person.id,
                        name_as_written=name,
                        party=party,
                        organization_id=orgs[org].id if org else None,
                    )
                )
            for number in officer_at:
                session.add(
                    Officer(
                        meeting_id=meetings[number].id,
                        role="adjuster",
                        person_id=person.id,
                        name_as_written=name,
                    )
                )
        session.commit()
    return engine


def full_entries(engine: Engine) -> list[PersonEntry]:
    """Every person's complete entry, read the plain way (the reference)."""
    with Session(engine) as session:
        spellings, parties, orgs = defaultdict(set), defaultdict(set), defaultdict(set)
        meetings = defaultdict(set)
        for person_id, spelling in session.exec(
            select(PersonAlias.person_id, PersonAlias.spelling)
        ):
            spellings[person_id].add(spelling)
        for row in session.exec(select(Attendance)):
            meetings[row.person_id].add(row.meeting_id)
            if row.party is not None:
                parties[row.person_id].add(row.party)
            if row.organization_id is not None:
                orgs[row.person_id].add(session.get(Organization, row.organization_id).name)
        for row in session.exec(select(Officer)):
            meetings[row.person_id].add(row.meeting_id)
        return [
            PersonEntry(
                p.id,
                p.name,
                tuple(sorted(spellings[p.id] - {p.name})),
                tuple(sorted(parties[p.id])),
                tuple(sorted(orgs[p.id])),
                len(meetings[p.id]),
            )
            for p in session.exec(select(Person).order_by(Person.id))
        ]


QUERIES = [
    "",
    "p",
    "per",
    "per jonsson",
    "falk",
    "ivony",
    "lejegren, iren",
    "lejgren",
    "solweig",
    "xqzzy",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_quick_load_finds_what_the_full_load_finds(engine: Engine, query: str) -> None:
    reference = PeopleIndex(full_entries(engine))
    quick = load_index(engine)
    for limit in (1, 3, 50):
        expected = [asdict(hit) for hit in search_people(reference, query, limit=limit)]
        assert [asdict(hit) for hit in search_people(quick, query, limit=limit)] == expected


def test_meetings_count_officer_duties_and_each_meeting_once(engine: Engine) -> None:
    hits = {hit.name: hit for hit in load_index(engine).search("", limit=10)}
    assert hits["Irén Lejegren"].meetings == 2  # attended one, adjusted another
    assert hits["Berth Falk"].meetings == 1  # two rows, one meeting
    assert hits["Per Jonsson"].meetings == 2  # officer at the meeting attended, and one more
    assert hits["Solveig Oscarsson"].meetings == 1  # only ever an officer


def test_entries_carry_spellings_but_no_details(engine: Engine) -> None:
    entries = {entry.name: entry for entry in load_entries(engine)}
    assert entries["Irén Lejegren"].other_spellings == ("Irén Lejgren", "Lejegren, Irén")
    assert entries["Per Jönsson"].other_spellings == ()
    assert entries["Ivonne Falk"].parties == ()


def test_details_are_read_for_the_asked_ids_only(engine: Engine) -> None:
    ids = {entry.name: entry.person_id for entry in load_entries(engine)}
    found = hit_details(engine, [ids["Ivonne Falk"], ids["Per Jönsson"]])
    assert found == {
        ids["Ivonne Falk"]: (("KD", "M"), ("Laxå kommun", "Nora kommun")),
        ids["Per Jönsson"]: ((), ()),
    }


@pytest.mark.parametrize(
    "spelling",
    [
        "Irén Lejegren",
        "Lejegren, Irén",
        "Sven-Erik  Kilsten",
        "Solweig Nordqvist",
        "ÅSA ÖST",
        "Anna-Lena Q. Svahn (S)",
        "Per\u00a0Jönsson",
        "Ire\u0301n Lejgren",
        "Björn\tEk 2",
        "Kerstin -",
        " - Ulla",
        "Marie_Falk",
        "Thorbjørn Ĺind",
        "Ŵilhelm Æsir",
        "O'Brien Ekqvist",
    ],
)
def test_word_folder_folds_as_name_key(spelling: str) -> None:
    fold = WordFolder()
    fold("Sven Erik Ek")  # words already seen are folded the same way
    assert fold(spelling) == tuple(name_key(spelling).split())
    assert fold(spelling) == tuple(name_key(spelling).split())
