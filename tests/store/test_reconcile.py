"""Suggestions on the five seed protocols, and the rules behind them.

Which pairs in the seeds are one person spelled two ways (true variants), and
which only look alike, is written down here with the reason, so a change in
scoring that merges a look-alike fails loudly.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store.db import make_engine
from store.merging import declare_different, find, reconcile_auto
from store.models import Person
from store.names import name_tokens
from store.reconcile import (
    DEFAULT_AUTO_SCORE,
    DEFAULT_SUGGEST_SCORE,
    ORGANIZATION_RULES,
    Profile,
    candidate_pairs,
    group_suggestions,
    person_block_keys,
    score_pair,
    suggest,
    suggested_groups,
    suggestions,
)

SEEDS = Path(__file__).parents[2] / "samples" / "protocols"

TRUE_VARIANTS = [
    # (spelling, spelling, why they are one person)
    (
        "Irén Lejegren",
        "Irén Lejgren",
        "chair of the same council, S, Region Örebro län; one letter",
    ),
    ("Solweig Oscarsson", "Solveig Oscarsson", "S, Nora kommun in every protocol; w/v"),
    ("Anna Nordqvist", "Anna Nordkvist", "M, Degerfors kommun; qv/kv"),
    ("Ulla Kalander Karlsson", "Ulla Kalander-Karlsson", "S, Ljusnarsbergs kommun; hyphen"),
    ("Sven Erik Kilsten", "Sven-Erik Kilsten", "SD, Region Örebro län; hyphen"),
    ("Tom Rymoén", "Tom Rymoen", "M, Nora kommun, adjuster; é/e"),
    ("Ivonny Falk", "Ivonne Falk", "KD, Laxå kommun, new member in 2021, again in 2022; typo"),
    (
        "Anita Thorsberg Ladinek",
        "Anita Thorsberg",
        "Region Örebro län, övriga; second surname dropped",
    ),
]

LOOK_ALIKES = [
    # (name, name, why they are two people)
    ("Berth Falk", "Ivonny Falk", "both in the 2021 attendance list"),
    ("Berth Falk", "Ivonne Falk", "both in the 2022 attendance list"),
    ("Linda Svahn", "Andreas Svahn", "other first name; Lindesbergs kommun vs Region Örebro län"),
    ("Eva Sund", "Ewa Sundkvist", "Sund is not Sundkvist; övriga vs KD member of another council"),
    ("Karin Sundin", "Eva Sund", "other first name, other surname"),
    ("Björn Johansson", "John Johansson", "both in the 2022 Regionalt list"),
    ("Ola Karlsson", "Ulla Kalander-Karlsson", "both in the 2020 Regionalt list"),
    ("Ola Karlsson", "Ulla Kalander Karlsson", "M vs S, Region vs Ljusnarsberg; Ola is not Ulla"),
    ("Torbjörn Ahlin", "Torbjörn Appelqvist", "both in the 2020 Regionalt list"),
    ("Thorbjörn Bäckrud", "Torbjörn Appelqvist", "other surname; KD Laxå vs M Hallsberg"),
    ("Lena Fagerlund", "Lena Berglund", "both in the 2022 Regionalt list"),
    ("Anna Olofsson", "Gustav Olofsson", "both in both Regionalt lists"),
    ("Christina Kuurne", "Christina Landoff", "other surname; Hällefors vs Nora"),
    ("Tommy Larserö", "Tommy Henningsson", "both in the 2020 Regionalt list"),
    ("Peter Larsson", "Petter Arneback", "both in the 2022 Regionalt list"),
    ("Caroline Dieker", "Caroline Elfors", "both in the 2022 Regionalt list"),
    ("Anna Ahnér", "Anne Andersson", "other surname"),
    ("Kim Bäckström", "Thorbjörn Bäckrud", "other names; V Degerfors vs KD Laxå"),
]


@pytest.fixture
def engine(seeded_engine: Engine) -> Engine:
    """A fresh copy of the seeds database (tests/conftest.py), for tests that change it."""
    return seeded_engine


def _pairs(engine: Engine, min_score: float = DEFAULT_SUGGEST_SCORE) -> dict[frozenset, float]:
    return {
        frozenset((s.a.name, s.b.name)): s.score for s in suggestions(engine, "person", min_score)
    }


def test_every_true_variant_pair_is_suggested(seeds: Path) -> None:
    found = _pairs(make_engine(str(seeds)))
    for a, b, why in TRUE_VARIANTS:
        assert frozenset((a, b)) in found, f"{a} / {b} not suggested ({why})"


def test_true_variants_score_at_or_above_the_auto_score(seeds: Path) -> None:
    found = _pairs(make_engine(str(seeds)))
    for a, b, why in TRUE_VARIANTS:
        assert found[frozenset((a, b))] >= DEFAULT_AUTO_SCORE, f"{a} / {b}: {why}"


def test_no_look_alike_reaches_the_auto_score(seeds: Path) -> None:
    found = _pairs(make_engine(str(seeds)), min_score=0)
    for a, b, why in LOOK_ALIKES:
        assert found.get(frozenset((a, b)), 0) < DEFAULT_AUTO_SCORE, f"{a} / {b}: {why}"


def test_reconcile_auto_merges_exactly_the_true_variants(engine: Engine) -> None:
    results = reconcile_auto(engine)
    assert len(results) == len(TRUE_VARIANTS)
    for a, b, why in TRUE_VARIANTS:
        assert find(engine, a) == find(engine, b), f"{a} / {b} not merged ({why})"
    for a, b, why in LOOK_ALIKES:
        assert find(engine, a) != find(engine, b), f"{a} / {b} merged ({why})"
    assert _pairs(engine) == {frozenset(("Eva Sund", "Ewa Sundkvist")): 74.2}


def test_reconcile_auto_keeps_the_most_used_spelling(engine: Engine) -> None:
    names = {result.name for result in reconcile_auto(engine)}
    # Lejegren is written 4 times (two lists, chair twice), Lejgren twice.
    assert "Irén Lejegren" in names
    # Solveig 3 protocols, Solweig 2; Rymoén as member and adjuster, Rymoen once.
    assert {"Solveig Oscarsson", "Tom Rymoén"} <= names
    # A tie: the fuller name, then the one with more marks (a hyphen, an accent).
    assert {"Anita Thorsberg Ladinek", "Sven-Erik Kilsten"} <= names


def test_reasons_are_in_words(seeds: Path) -> None:
    [oscarsson] = [
        s for s in suggestions(make_engine(str(seeds))) if s.a.name.endswith("Oscarsson")
    ]
    assert oscarsson.reasons[:2] == ("same party S", "same organisation Nora kommun")
    assert oscarsson.reasons[-1] == "w/v"


def test_a_pair_declared_different_is_not_suggested_again(engine: Engine) -> None:
    sund, sundkvist = find(engine, "Eva Sund"), find(engine, "Ewa Sundkvist")
    assert frozenset(("Eva Sund", "Ewa Sundkvist")) in _pairs(engine)
    declare_different(engine, sund, sundkvist)
    assert frozenset(("Eva Sund", "Ewa Sundkvist")) not in _pairs(engine, min_score=0)


def test_groups_come_best_first_with_the_canonical_spelling(seeds: Path) -> None:
    groups = suggested_groups(make_engine(str(seeds)))
    assert [g.score for g in groups] == sorted((g.score for g in groups), reverse=True)
    assert groups[-1].canonical == "Eva Sund"
    lejegren = next(g for g in groups if g.canonical == "Irén Lejegren")
    assert [m.name for m in lejegren.members] == ["Irén Lejegren", "Irén Lejgren"]
    assert lejegren.keep.name == "Irén Lejegren"


# --- the rules, on plain profiles --------------------------------------------------


def _person(pid: int, name: str, meetings: set[int], party: str = "S", org: str = "Nora kommun"):
    return Profile(
        id=pid,
        name=name,
        spellings=((name, len(meetings)),),
        parties=frozenset({party}),
        organizations=frozenset({org}),
        meetings=frozenset(meetings),
    )


def test_two_people_in_one_meeting_are_never_suggested() -> None:
    berth, ivonny = _person(1, "Berth Falk", {1, 2}), _person(2, "Berth Falck", {2})
    assert score_pair(berth, ivonny) is None
    assert suggest([berth, ivonny], min_score=0) == []


def test_a_group_never_joins_two_people_of_one_meeting() -> None:
    # Anna Lind ~ Anna Lindh ~ Ana Lindh, but Anna Lind and Ana Lindh sat in meeting 3 together.
    people = [
        _person(1, "Anna Lind", {1, 3}),
        _person(2, "Anna Lindh", {2}),
        _person(3, "Ana Lindh", {3, 4}),
    ]
    groups = group_suggestions(suggest(people, min_score=0))
    for group in groups:
        ids = {m.id for m in group.members}
        assert not {1, 3} <= ids


def test_evidence_moves_the_score() -> None:
    same = score_pair(_person(1, "Irén Lejegren", {1}), _person(2, "Irén Lejgren", {2}))
    other = score_pair(
        _person(1, "Irén Lejegren", {1}), _person(2, "Irén Lejgren", {2}, party="M", org="Laxå")
    )
    assert same is not None and other is not None
    assert same.score > 95 > 80 > other.score
    assert "different party S/M" in other.reasons


def test_variants_share_a_block_and_strangers_do_not() -> None:
    def shared(a: str, b: str) -> bool:
        keys = set(person_block_keys(name_tokens(a)))
        return bool(keys & set(person_block_keys(name_tokens(b))))

    assert shared("Irén Lejegren", "Irén Lejgren")  # a letter dropped
    assert shared("Ivonny Falk", "Ivonne Falk")  # a letter changed
    assert shared("Anita Thorsberg Ladinek", "Anita Thorsberg")  # a surname dropped
    assert shared("Lejgren Irén", "Irén Lejgren")  # word order
    assert not shared("Linda Svahn", "Andreas Svahn")
    assert not shared("Berth Falk", "Ivonny Falk")


def test_blocking_grows_about_linearly() -> None:
    rng = random.Random(5)
    first = [
        "Anna",
        "Eva",
        "Lars",
        "Per",
        "Karin",
        "Ulla",
        "Irén",
        "Björn",
        "Åsa",
        "Tom",
        "Sven-Erik",
        "Maria",
        "Johan",
        "Lena",
    ]
    syllables = [c + v for c in "bdfghjklmnprstv" for v in "aeiouyåäö"]

    def name() -> str:
        surname = "".join(rng.choice(syllables) for _ in range(3)) + rng.choice(["son", "gren"])
        return f"{rng.choice(first)} {surname.capitalize()}"

    def pairs(n: int) -> int:
        keys = ((i, person_block_keys(name_tokens(name()))) for i in range(n))
        return len(candidate_pairs(keys))

    # Twice the people, about twice the pairs (all pairs would be four times as many).
    assert pairs(8000) < 2.6 * pairs(4000)


def _org(oid: int, name: str, people: set[int], meetings: set[int]) -> Profile:
    return Profile(
        id=oid,
        name=name,
        spellings=((name, len(people)),),
        people=frozenset(people),
        meetings=frozenset(meetings),
    )


def test_organisation_variants_are_suggested_and_places_are_not_confused() -> None:
    orgs = [
        _org(1, "Askersund kommun", {1, 2}, {1}),
        _org(2, "Askersunds kommun", {2, 3}, {2}),
        _org(3, "Region Örebro", {4}, {2}),
        _org(4, "Region Örebro län", {4, 5}, {1}),
        _org(5, "Hallsberg kommun", {6}, {2}),
        _org(6, "Hallsbergs kommun", {7}, {1}),
        _org(7, "Lekebergs kommun", {8}, {1, 2}),
        _org(8, "Lindesbergs kommun", {9}, {1, 2}),
        _org(9, "Örebro kommun", {10}, {1, 2}),
    ]
    found = {
        frozenset((s.a.name, s.b.name)): s
        for s in suggest(orgs, rules=ORGANIZATION_RULES, min_score=0)
    }
    askersund = found[frozenset(("Askersund kommun", "Askersunds kommun"))]
    assert askersund.score == 100 and askersund.reasons == ("1 people in common", "genitive s")
    assert found[frozenset(("Region Örebro", "Region Örebro län"))].reasons[-1] == "län dropped"
    assert found[frozenset(("Hallsberg kommun", "Hallsbergs kommun"))].score >= DEFAULT_AUTO_SCORE
    lookalike = found.get(frozenset(("Lekebergs kommun", "Lindesbergs kommun")))
    assert lookalike is None or lookalike.score < DEFAULT_SUGGEST_SCORE
    for pair, suggestion in found.items():
        if "Örebro kommun" in pair:
            assert suggestion.score == 0, pair


def test_seed_organisations_are_already_one_each(seeds: Path) -> None:
    # The importer folds Askersund/Askersunds and Region Örebro/Region Örebro län itself.
    engine = make_engine(str(seeds))
    assert suggestions(engine, "organization") == []
    with Session(engine) as session:
        assert len(session.exec(select(Person)).all()) == 96
