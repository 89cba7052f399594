"""Candidates for "these two are one": people and organisations, scored with reasons.

Work grows close to linearly with the number of names: each spelling is put in
a few small blocks (its folded key with any one letter deleted, the key with a
word dropped, first name with the start of the surname), and only names
sharing a block are compared. A pair is then scored by how alike the names are
(`store.names.name_similarity`) plus evidence: same party, same organisation,
same council, overlapping years. Two people in one meeting's attendance are
different people, and a pair declared different is never suggested again.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from sqlalchemy import Select, select, union_all
from sqlalchemy.engine import Engine
from sqlmodel import Session

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
from store.names import (
    ORGANIZATION_KINDS,
    alias_key,
    display_tokens,
    name_similarity,
    name_tokens,
    organization_differences,
    organization_similarity,
    organization_words,
    spelling_differences,
)

DEFAULT_SUGGEST_SCORE = 70.0
"""Suggestions below this are not shown: the secretary would mostly say "different"."""
DEFAULT_AUTO_SCORE = 90.0
"""`reconcile --auto` merges from here: high enough that no look-alike in the seeds merges."""
BLOCK_CAP = 30
"""A block larger than this is compared only with near neighbours in sorted order."""
NEIGHBOURS = 6
"""How many sorted neighbours each member of an over-large block is compared with."""
LOOSE = "p:"
"""Blocks of first name and surname start: they find Sund/Sundkvist, but only among rare names."""
LOOSE_CAP = 8
"""A loose block larger than this is left out: its names are common, its pairs mostly strangers."""

SAME_PARTY = 4.0
DIFFERENT_PARTY = -12.0
SAME_ORGANIZATION = 4.0
DIFFERENT_ORGANIZATION = -15.0
SAME_COUNCIL = 2.0
OVERLAPPING_YEARS = 1.0
PEOPLE_IN_COMMON = 6.0
NO_ONE_IN_COMMON = -10.0
LINKED_SHARE = 0.5
"""Two groups join only if at least this share of their cross pairs are suggested."""
MOST_EVIDENCE = SAME_PARTY + SAME_ORGANIZATION + SAME_COUNCIL + OVERLAPPING_YEARS + PEOPLE_IN_COMMON


@dataclass(frozen=True)
class Profile:
    """What reconciliation knows of one person (or organisation)."""

    id: int
    name: str
    spellings: tuple[tuple[str, int], ...]
    """Every spelling with how many rows use it, the most used first."""
    parties: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    councils: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    meetings: frozenset[int] = frozenset()
    people: frozenset[int] = frozenset()
    """For an organisation: the people listed under it."""

    @property
    def rows(self) -> int:
        """How many attendance and officer rows use any of the spellings."""
        return sum(count for _, count in self.spellings)


@dataclass(frozen=True)
class Suggestion:
    """Two people (or organisations) that may be one, with the reasons in words."""

    kind: str
    a: Profile
    b: Profile
    score: float
    spellings: tuple[str, str]
    """The most alike spelling of `a` and of `b`: the two the reasons compare."""

    @cached_property
    def reasons(self) -> tuple[str, ...]:
        """Why, in words: evidence first, then how the spellings differ (worked out on demand)."""
        rules = RULES_BY_KIND[self.kind]
        _, evidence = rules.evidence(self.a, self.b)
        return (*evidence, *rules.differences(*self.spellings))

    @property
    def ids(self) -> tuple[int, int]:
        """The two ids, smaller first."""
        return (min(self.a.id, self.b.id), max(self.a.id, self.b.id))


@dataclass(frozen=True)
class SuggestedGroup:
    """People (or organisations) that may all be one, best pair first."""

    kind: str
    members: tuple[Profile, ...]
    pairs: tuple[Suggestion, ...]
    score: float
    canonical: str
    """The suggested spelling to keep: the most used one."""

    @property
    def keep(self) -> Profile:
        """The member that holds the suggested canonical spelling."""
        return next(m for m in self.members if self.canonical in dict(m.spellings))


# --- blocking ------------------------------------------------------------------


def person_block_keys(words: Sequence[str]) -> Iterator[str]:
    """Blocks a folded name goes into; a name one edit or one dropped word away shares one."""
    key = " ".join(words)
    yield "k:" + key
    yield "d:" + key
    for position in range(len(key)):
        if key[position] != " ":
            yield "d:" + key[:position] + key[position + 1 :]
    if len(words) >= 2:
        yield "o:" + " ".join(sorted(words))
        yield f"p:{words[0]}|{words[-1][:4]}"
    for dropped in range(1, len(words)) if len(words) >= 3 else ():
        yield "k:" + " ".join(words[:dropped] + words[dropped + 1 :])


def candidate_pairs(
    keys: Iterable[tuple[int, Iterable[str]]], order: Sequence[str] | None = None
) -> set[tuple[int, int]]:
    """Pairs of items sharing a block.

    A block of more than `BLOCK_CAP` items (a common name) pairs each item only
    with its `NEIGHBOURS` next ones in the order of `order[item]` (the folded
    names), so one popular name cannot make the work quadratic.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for item, item_keys in keys:
        for key in set(item_keys):
            blocks[key].append(item)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2 or (key.startswith(LOOSE) and len(members) > LOOSE_CAP):
            continue
        if len(members) <= BLOCK_CAP:
            pairs.update(itertools.combinations(sorted(members), 2))
            continue
        ranked = sorted(members, key=order.__getitem__ if order else None)
        for n, first in enumerate(ranked):
            for second in ranked[n + 1 : n + 1 + NEIGHBOURS]:
                pairs.add((min(first, second), max(first, second)))
    return pairs


# --- scoring -------------------------------------------------------------------


def person_evidence(a: Profile, b: Profile) -> tuple[float, list[str]]:
    """Points for and against two people being one, with the reasons in words."""
    points, reasons = 0.0, []
    for label, mine, theirs, same, different in (
        ("party", a.parties, b.parties, SAME_PARTY, DIFFERENT_PARTY),
        (
            "organisation",
            a.organizations,
            b.organizations,
            SAME_ORGANIZATION,
            DIFFERENT_ORGANIZATION,
        ),
    ):
        if mine & theirs:
            points += same
            reasons.append(f"same {label} {_listed(mine & theirs)}")
        elif mine and theirs:
            points += different
            reasons.append(f"different {label} {_listed(mine)}/{_listed(theirs)}")
    council_points, council_reasons = _shared_councils(a, b)
    if a.years & b.years:
        points += OVERLAPPING_YEARS
        council_reasons.append(f"both active {_listed(str(y) for y in a.years & b.years)}")
    return points + council_points, reasons + council_reasons


def person_points(a: Profile, b: Profile) -> float:
    """The points of `person_evidence`, without the words: fast, for every candidate pair."""
    points = 0.0
    for mine, theirs, same, different in (
        (a.parties, b.parties, SAME_PARTY, DIFFERENT_PARTY),
        (a.organizations, b.organizations, SAME_ORGANIZATION, DIFFERENT_ORGANIZATION),
    ):
        if not mine.isdisjoint(theirs):
            points += same
        elif mine and theirs:
            points += different
    if not a.councils.isdisjoint(b.councils):
        points += SAME_COUNCIL
    if not a.years.isdisjoint(b.years):
        points += OVERLAPPING_YEARS
    return points


def organization_evidence(a: Profile, b: Profile) -> tuple[float, list[str]]:
    """Points for and against two organisations being one: people in common, same council."""
    points, reasons = _shared_councils(a, b)
    if a.people & b.people:
        points += PEOPLE_IN_COMMON
        reasons.insert(0, f"{len(a.people & b.people)} people in common")
    elif not a.meetings.isdisjoint(b.meetings):
        points += NO_ONE_IN_COMMON
        reasons.insert(0, "both in one meeting, no one in common")
    return points, reasons


def _shared_councils(a: Profile, b: Profile) -> tuple[float, list[str]]:
    if a.councils & b.councils:
        return SAME_COUNCIL, [f"same council {_listed(a.councils & b.councils)}"]
    return 0.0, []


def _listed(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


@dataclass(frozen=True)
class Rules:
    """How one kind of thing (people, organisations) is folded, blocked and scored."""

    kind: str
    fold: Callable[[str], tuple[str, ...]]
    block_keys: Callable[[Sequence[str]], Iterable[str]]
    likeness: Callable[[Sequence[str], Sequence[str]], float]
    evidence: Callable[[Profile, Profile], tuple[float, list[str]]]
    points: Callable[[Profile, Profile], float]
    """The points of `evidence` alone, for speed."""
    differences: Callable[[str, str], list[str]]
    one_per_meeting: bool
    """True when two names in one meeting's list are two different ones (people)."""


def organization_block_keys(words: Sequence[str]) -> Iterator[str]:
    """Blocks an organisation goes into: its key, one letter deleted, each place's start."""
    key = " ".join(words)
    yield "k:" + key
    yield "d:" + key
    for position in range(len(key)):
        yield "d:" + key[:position] + key[position + 1 :]
    for word in words:
        if word not in ORGANIZATION_KINDS:
            yield "p:" + word[:3]


PERSON_RULES = Rules(
    kind="person",
    fold=lru_cache(maxsize=1 << 18)(name_tokens),
    block_keys=person_block_keys,
    likeness=name_similarity,
    evidence=person_evidence,
    points=person_points,
    differences=spelling_differences,
    one_per_meeting=True,
)
ORGANIZATION_RULES = Rules(
    kind="organization",
    fold=lru_cache(maxsize=1 << 14)(organization_words),
    block_keys=organization_block_keys,
    likeness=organization_similarity,
    evidence=organization_evidence,
    points=lambda a, b: organization_evidence(a, b)[0],
    differences=organization_differences,
    one_per_meeting=False,
)


def _most_alike(a: Profile, b: Profile, rules: Rules) -> tuple[float, str, str]:
    """The likeness of the most alike spelling of `a` and of `b`, and those spellings."""
    if len(a.spellings) == 1 and len(b.spellings) == 1:  # the common case, kept cheap
        sa, sb = a.spellings[0][0], b.spellings[0][0]
        return rules.likeness(rules.fold(sa), rules.fold(sb)), sa, sb
    return max(
        (rules.likeness(rules.fold(sa), rules.fold(sb)), sa, sb)
        for sa, _ in a.spellings
        for sb, _ in b.spellings
    )


RULES_BY_KIND = {rules.kind: rules for rules in (PERSON_RULES, ORGANIZATION_RULES)}


def score_pair(
    a: Profile, b: Profile, rules: Rules = PERSON_RULES, min_score: float = 0.0
) -> Suggestion | None:
    """Score two profiles; None when they cannot be one (two people at one meeting)
    or score below `min_score`."""
    if rules.one_per_meeting and not a.meetings.isdisjoint(b.meetings):
        return None
    likeness, spelling_a, spelling_b = _most_alike(a, b, rules)
    if likeness + MOST_EVIDENCE < min_score:
        return None
    score = round(max(0.0, min(100.0, likeness + rules.points(a, b))), 1)
    if score < min_score:
        return None
    return Suggestion(rules.kind, a, b, score, (spelling_a, spelling_b))


def suggest(
    profiles: Sequence[Profile],
    *,
    rules: Rules = PERSON_RULES,
    distinct: Iterable[tuple[int, int]] = (),
    min_score: float = DEFAULT_SUGGEST_SCORE,
) -> list[Suggestion]:
    """Every pair of `profiles` scoring at least `min_score`, best first."""
    declared = {(min(pair), max(pair)) for pair in distinct}
    keys = {s: " ".join(rules.fold(s)) for p in profiles for s, _ in p.spellings}
    blocks = (
        (n, (k for s, _ in p.spellings for k in rules.block_keys(keys[s].split())))
        for n, p in enumerate(profiles)
    )
    found = []
    order = [keys[p.spellings[0][0]] for p in profiles]
    for first, second in candidate_pairs(blocks, order):
        a, b = profiles[first], profiles[second]
        if (min(a.id, b.id), max(a.id, b.id)) in declared:
            continue
        suggestion = score_pair(a, b, rules, min_score)
        if suggestion is not None:
            found.append(suggestion)
    found.sort(key=lambda s: (-s.score, s.a.name, s.b.name))
    return found


# --- groups and the spelling to keep -------------------------------------------


def suggest_canonical(members: Iterable[Profile]) -> str:
    """The spelling to keep: the most used; on a tie the fuller, then the one with more marks."""
    counts: dict[str, int] = defaultdict(int)
    for member in members:
        for spelling, count in member.spellings:
            counts[spelling] += count
    return min(counts, key=lambda s: (-counts[s], -len(display_tokens(s)), -_marks(s), s))


def _marks(spelling: str) -> int:
    """Letters beyond ASCII, and hyphens: `Sven-Erik` and `Rymoén` say more than their folds."""
    return sum(1 for c in spelling if not c.isascii() or c == "-")


class _Groups:
    """Union-find over profiles; never joins groups sharing a meeting or declared different,
    nor groups that are mostly strangers to each other (a chain of look-alikes)."""

    def __init__(
        self, declared: set[tuple[int, int]], suggested: set[tuple[int, int]], kind: str
    ) -> None:
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[Profile]] = {}
        self.meetings: dict[int, set[int]] = {}
        self.declared = declared
        self.suggested = suggested
        self.kind = kind

    def root(self, profile: Profile) -> int:
        if profile.id not in self.parent:
            self.parent[profile.id] = profile.id
            self.members[profile.id] = [profile]
            self.meetings[profile.id] = set(profile.meetings)
        node = profile.id
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: Profile, b: Profile) -> bool:
        """Join the groups of `a` and `b` if allowed; True when they are (now) one group."""
        first, second = self.root(a), self.root(b)
        if first == second:
            return True
        if not self._compatible(first, second):
            return False
        self.parent[second] = first
        self.members[first] += self.members.pop(second)
        self.meetings[first] |= self.meetings.pop(second)
        return True

    def _compatible(self, first: int, second: int) -> bool:
        if self.kind == "person" and not self.meetings[first].isdisjoint(self.meetings[second]):
            return False
        cross = [
            (min(x.id, y.id), max(x.id, y.id))
            for x in self.members[first]
            for y in self.members[second]
        ]
        if any(pair in self.declared for pair in cross):
            return False
        return sum(pair in self.suggested for pair in cross) >= LINKED_SHARE * len(cross)


def group_suggestions(
    suggestions: Sequence[Suggestion], distinct: Iterable[tuple[int, int]] = ()
) -> list[SuggestedGroup]:
    """Join suggested pairs into groups, best pair first; a group never holds two people
    of one meeting or a pair declared different. Best group first."""
    if not suggestions:
        return []
    kind = suggestions[0].kind
    suggested = {s.ids for s in suggestions}
    groups = _Groups({(min(p), max(p)) for p in distinct}, suggested, kind)
    pairs_of: dict[int, list[Suggestion]] = defaultdict(list)
    for suggestion in sorted(suggestions, key=lambda s: -s.score):
        if groups.join(suggestion.a, suggestion.b):
            pairs_of[suggestion.a.id].append(suggestion)
    result = []
    for members in groups.members.values():
        if len(members) < 2:
            continue
        pairs = tuple(s for m in members for s in pairs_of.get(m.id, ()))
        ordered = tuple(sorted(members, key=lambda m: (-m.rows, m.name)))
        score = max(s.score for s in pairs)
        result.append(SuggestedGroup(kind, ordered, pairs, score, suggest_canonical(ordered)))
    result.sort(key=lambda g: (-g.score, g.canonical))
    return result


# --- reading the database ------------------------------------------------------


def load_people(session: Session) -> list[Profile]:
    """A `Profile` of every person: spellings with row counts, parties, organisations, meetings."""
    rows = _union(
        select(Attendance.person_id, Attendance.name_as_written, Attendance.meeting_id),
        select(Officer.person_id, Officer.name_as_written, Officer.meeting_id),
    )
    parties = _sets(session, select(Attendance.person_id, Attendance.party))
    organizations = _sets(
        session,
        select(Attendance.person_id, Organization.name).join(
            Organization, Organization.id == Attendance.organization_id
        ),
    )
    aliases = _sets(session, select(PersonAlias.person_id, PersonAlias.spelling))
    names = session.exec(select(Person.id, Person.name)).all()
    return _profiles(session, names, aliases, rows, parties=parties, organizations=organizations)


def load_organizations(session: Session) -> list[Profile]:
    """A `Profile` of every organisation: spellings with row counts, people, meetings."""
    written = Attendance.organization_as_written
    rows = _union(
        select(Attendance.organization_id, written, Attendance.meeting_id).where(
            Attendance.organization_id.is_not(None), written.is_not(None)
        )
    )
    people = _sets(session, select(Attendance.organization_id, Attendance.person_id))
    aliases = _sets(session, select(OrganizationAlias.organization_id, OrganizationAlias.spelling))
    names = session.exec(select(Organization.id, Organization.name)).all()
    return _profiles(session, names, aliases, rows, people=people)


def load_distinct(session: Session, kind: str) -> set[tuple[int, int]]:
    """The pairs of `kind` (`person`, `organization`) declared different."""
    query = select(DistinctPair.first_id, DistinctPair.second_id).where(DistinctPair.kind == kind)
    return {(first, second) for first, second in session.exec(query).all()}


def _union(*queries: Select) -> Select:
    """(owner id, as written, meeting id, meeting date, council) for every row of the queries."""
    both = (union_all(*queries) if len(queries) > 1 else queries[0]).subquery()
    owner, written, meeting = both.c
    return (
        select(owner, written, meeting, Meeting.date, Body.name)
        .join(Meeting, Meeting.id == meeting)
        .outerjoin(Body, Body.id == Meeting.body_id)
    )


def _sets(session: Session, query: Select) -> dict[int, set]:
    """`{owner id: set of values}` from a two-column query, leaving out empty values."""
    groups: dict[int, set] = defaultdict(set)
    for owner, value in session.exec(query.distinct()).all():
        if value is not None:
            groups[owner].add(value)
    return groups


def _profiles(
    session: Session,
    names: Sequence[tuple[int, str]],
    aliases: dict[int, set],
    rows: Select,
    **extra: dict[int, set],
) -> list[Profile]:
    """Profiles from names, alias spellings and the rows that use them."""
    counts, seen = _usage(session, rows)
    profiles = []
    for owner, name in names:
        spellings = {alias_key(s): s for s in sorted(aliases.get(owner, ()))}
        spellings.setdefault(alias_key(name), name)
        used = sorted(spellings.items(), key=lambda item: (-counts[owner][item[0]], item[1]))
        meetings, years, councils = seen[owner]
        profiles.append(
            Profile(
                id=owner,
                name=name,
                spellings=tuple((s, counts[owner][k]) for k, s in used),
                meetings=frozenset(meetings),
                years=frozenset(years),
                councils=frozenset(councils),
                **{field: frozenset(values.get(owner, ())) for field, values in extra.items()},
            )
        )
    return profiles


def _usage(session: Session, rows: Select) -> tuple[dict, dict]:
    """Per owner: rows per spelling key, and the (meetings, years, councils) of those rows."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen: dict[int, tuple[set, set, set]] = defaultdict(lambda: (set(), set(), set()))
    for owner, written, meeting, day, council in session.exec(rows).all():
        counts[owner][alias_key(written)] += 1
        meetings, years, councils = seen[owner]
        meetings.add(meeting)
        if day is not None:  # a meeting without a date (or council) yet says nothing of either
            years.add(day.year)
        if council is not None:
            councils.add(council)
    return counts, seen


# --- the whole thing, from an engine ------------------------------------------


def suggestions(
    engine: Engine, kind: str = "person", min_score: float = DEFAULT_SUGGEST_SCORE
) -> list[Suggestion]:
    """Every suggested pair of people (or organisations) in the database, best first."""
    rules = PERSON_RULES if kind == "person" else ORGANIZATION_RULES
    with Session(engine) as session:
        profiles = load_people(session) if kind == "person" else load_organizations(session)
        distinct = load_distinct(session, kind)
    return suggest(profiles, rules=rules, distinct=distinct, min_score=min_score)


def suggested_groups(
    engine: Engine, kind: str = "person", min_score: float = DEFAULT_SUGGEST_SCORE
) -> list[SuggestedGroup]:
    """Suggested groups of people (or organisations) in the database, best first."""
    with Session(engine) as session:
        distinct = load_distinct(session, kind)
    return group_suggestions(suggestions(engine, kind, min_score), distinct)
