"""People search: typo- and variant-tolerant, one hit per person, with what tells people apart."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store.db import make_engine
from store.models import Attendance, Body, Meeting, Organization, Person, PersonAlias
from store.names import alias_key
from store.search import PeopleIndex, PersonEntry

PEOPLE = [
    # name, other spellings, party, organisation, meetings
    ("Irén Lejegren", ["Irén Lejgren"], "S", "Region Örebro län", 3),
    ("Berth Falk", [], "S", "Lekebergs kommun", 3),
    ("Ivonne Falk", ["Ivonny Falk"], "KD", "Laxå kommun", 2),
    ("Per Jönsson", [], "M", "Kumla kommun", 1),
    ("Per Jonsson", [], "C", "Nora kommun", 1),
    ("Solveig Oscarsson", ["Solweig Oscarsson"], "S", "Nora kommun", 3),
    ("Sven-Erik Kilsten", ["Sven Erik Kilsten"], "SD", "Region Örebro län", 2),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A database on disk with the people above, each at their meetings."""
    engine = make_engine(str(tmp_path_factory.mktemp("search") / "search.db"))
    with Session(engine) as session:
        body = Body(name="Regionalt samverkansråd")
        session.add(body)
        session.flush()
        meetings = [Meeting(body_id=body.id, date=date(2020, 1, day)) for day in (1, 2, 3)]
        session.add_all(meetings)
        session.flush()
        for name, others, party, org_name, count in PEOPLE:
            _add_person(session, name, others, party, org_name, meetings[:count])
        session.commit()
    return engine


def _add_person(
    session: Session, name: str, others: list[str], party: str, org_name: str, meetings: list
) -> None:
    person = Person(name=name)
    org = session.exec(select(Organization).where(Organization.name == org_name)).first()
    org = org or Organization(name=org_name)
    session.add_all([person, org])
    session.flush()
    for spelling in [name, *others]:
        session.add(PersonAlias(person_id=person.id, spelling=spelling, key=alias_key(spelling)))
    for meeting in meetings:
        session.add(
            Attendance(
                meeting_id=meeting.id,
                person_id=person.id,
                name_as_written=name,
                party=party,
                organization_id=org.id,
            )
        )


@pytest.fixture(scope="module")
def index(engine: Engine) -> PeopleIndex:
    return PeopleIndex.load(engine)


def _names(index: PeopleIndex, query: str) -> list[str]:
    return [hit.name for hit in index.search(query)]


def test_a_typo_finds_the_person_under_the_canonical_name(index: PeopleIndex) -> None:
    [first, *_] = index.search("lejgren")
    assert first.name == "Irén Lejegren"
    assert first.other_spellings == ("Irén Lejgren",)
    assert (first.parties, first.organizations, first.meetings) == (
        ("S",),
        ("Region Örebro län",),
        3,
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lejegren, Irén", "Irén Lejegren"),  # surname first
        ("iren lejegren", "Irén Lejegren"),  # no accent
        ("lejegrn", "Irén Lejegren"),  # a letter missing
        ("lej", "Irén Lejegren"),  # still typing
        ("solweig", "Solveig Oscarsson"),  # w/v
        ("oscarson", "Solveig Oscarsson"),
        ("sven erik", "Sven-Erik Kilsten"),  # space for hyphen
        ("kilsten sven-erik", "Sven-Erik Kilsten"),  # any word order
        ("ivonny", "Ivonne Falk"),  # found by another spelling
    ],
)
def test_tolerant_queries_find_the_person_first(
    index: PeopleIndex, query: str, expected: str
) -> None:
    assert _names(index, query)[0] == expected


def test_one_hit_per_person_even_when_several_spellings_match(index: PeopleIndex) -> None:
    assert _names(index, "oscarsson").count("Solveig Oscarsson") == 1


def test_swedish_letters_rank_the_exact_spelling_first(index: PeopleIndex) -> None:
    assert _names(index, "jönsson")[:2] == ["Per Jönsson", "Per Jonsson"]
    assert _names(index, "jonsson")[:2] == ["Per Jonsson", "Per Jönsson"]


def test_both_falks_are_found_and_told_apart(index: PeopleIndex) -> None:
    hits = {hit.name: hit for hit in index.search("falk")}
    assert hits["Berth Falk"].parties == ("S",)
    assert hits["Ivonne Falk"].parties == ("KD",)


def test_nonsense_finds_nobody_and_no_query_lists_the_most_active(index: PeopleIndex) -> None:
    assert index.search("xqzzy") == []
    assert [hit.name for hit in index.search("", limit=2)] == ["Berth Falk", "Irén Lejegren"]


def test_limit_is_respected(index: PeopleIndex) -> None:
    assert len(index.search("per", limit=5)) == 2
    assert len(index.search("per", limit=1)) == 1


def test_every_kind_of_query_finds_people_among_100000_names() -> None:
    """How fast is for benchmarks/bench_reconcile.py; this checks what comes back."""
    rng = random.Random(7)
    first = ["Anna", "Eva", "Lars", "Per", "Karin", "Sven-Erik", "Ulla", "Irén", "Björn", "Åsa"]
    stems = ["Lind", "Berg", "Holm", "Sjö", "Ek", "Dahl", "Falk", "Svahn", "Öst", "Nord", "Kil"]
    ends = ["qvist", "gren", "ström", "sson", "lund", "berg", "én", "sten", "man", "blad"]
    names = [
        f"{rng.choice(first)} {rng.choice(stems)}{rng.choice(ends)}{rng.randrange(40) or ''}"
        for _ in range(100_000)
    ]
    index = PeopleIndex(PersonEntry(n, name) for n, name in enumerate(names))
    for query in ("a", "an", "anna", "lindqvst", "anna lindkvist", "sven erik k"):
        hits = index.search(query)
        assert hits, query
        assert all(hit.score >= 50 for hit in hits), query
    top = index.search("sven erik k")[0].name
    assert top.startswith("Sven-Erik K"), top


def test_half_typed_second_word_finds_the_person_among_thousands() -> None:
    """`anna lind` must find Anna Lindberg even when both words match thousands of spellings."""
    surnames = [f"Ek{n:04d}" for n in range(3000)]
    people = [PersonEntry(n, f"Anna {surname}") for n, surname in enumerate(surnames)]
    people += [PersonEntry(3000 + n, f"Per Lind{n:04d}") for n in range(3000)]
    people.append(PersonEntry(9999, "Anna Lindberg"))
    index = PeopleIndex(people)

    hits = index.search("anna lind")

    assert hits[0].name == "Anna Lindberg"
