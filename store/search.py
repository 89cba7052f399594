"""People search: every spelling of every person, found on each keystroke.

The index folds names the way `store.names` does (so `lejgren` finds Irén
Lejegren, `ewa` finds Eva and `lejegren, irén` finds her too) and keeps the
vocabulary of name words. A query word is matched against that vocabulary
exactly, as a prefix (for the word being typed) and with
`rapidfuzz.process.extract` for typos. The query word with the fewest
spellings picks the candidates (at most `MAX_CANDIDATES`, those matching every
query word first), and every candidate
is scored word by word: the mean over the query's words of the best match
among the candidate's words. No full scan of the names happens per keystroke.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import func, select, union
from sqlalchemy.engine import Engine
from sqlmodel import Session

from store.models import Attendance, Officer, Organization, Person, PersonAlias
from store.names import name_key

MAX_CANDIDATES = 1500
"""Spellings scored per query at most, the best-matching by the driving word first."""
MAX_FILTERED = 20_000
"""Spellings of the driving word checked against the other query words, at most (keeps a
keystroke fast when every word is common)."""
MIN_SCORE = 50.0
"""Hits scoring below this are not shown."""
FUZZY_WORDS = 50
"""Close vocabulary words looked at per query word."""
FUZZY_CUTOFF = 70.0
"""rapidfuzz ratio from which a vocabulary word counts as the query word with a typo."""
_LAST = "\U0010ffff"


@dataclass(frozen=True)
class PersonHit:
    """One person found by a search, with what tells them apart."""

    person_id: int
    name: str
    other_spellings: tuple[str, ...]
    parties: tuple[str, ...]
    organizations: tuple[str, ...]
    meetings: int
    score: float


@dataclass(frozen=True)
class PersonEntry:
    """What the index knows of one person (built from the database or given directly)."""

    person_id: int
    name: str
    other_spellings: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    meetings: int = 0


class PeopleIndex:
    """Every spelling of every person, ready for `search` on each keystroke."""

    def __init__(self, people: Iterable[PersonEntry]) -> None:
        self._people: list[PersonEntry] = list(people)
        owners: list[int] = []
        folded: list[tuple[str, ...]] = []
        for position, person in enumerate(self._people):
            for spelling in dict.fromkeys((person.name, *person.other_spellings)):
                folded.append(tuple(name_key(spelling).split()))
                owners.append(position)
        self._vocabulary = sorted({word for words in folded for word in words})
        number = {word: n for n, word in enumerate(self._vocabulary)}
        self._owner = owners
        self._words = [tuple(number[w] for w in words) for words in folded]
        spellings_of: list[list[int]] = [[] for _ in self._vocabulary]
        for spelling, words in enumerate(self._words):
            for word in set(words):
                spellings_of[word].append(spelling)
        self._spellings_of = [tuple(s) for s in spellings_of]
        self._by_meetings = sorted(
            range(len(self._people)),
            key=lambda p: (-self._people[p].meetings, self._people[p].name),
        )

    @classmethod
    def load(cls, engine: Engine) -> PeopleIndex:
        """Build the index from every person in the database."""
        with Session(engine) as session:
            return cls(load_entries(session))

    def __len__(self) -> int:
        return len(self._people)

    def search(self, query: str, limit: int = 50) -> list[PersonHit]:
        """The people best matching `query`, best first; the most active people for no query."""
        words = name_key(query).split()
        if not words:
            return [self._hit(p, 100.0) for p in self._by_meetings[:limit]]
        matches = [self._matching_words(word) for word in words]
        best: dict[int, float] = {}
        for spelling in self._candidates(matches):
            score = self._score(self._words[spelling], matches)
            owner = self._owner[spelling]
            if score >= MIN_SCORE and score > best.get(owner, 0.0):
                best[owner] = score
        people = self._people
        order = sorted(best, key=lambda p: (-best[p], -people[p].meetings, people[p].name))
        return [self._hit(p, best[p]) for p in order[:limit]]

    def _candidates(self, matches: list[dict[int, float]]) -> list[int]:
        """Spellings to score: those of the query word with the fewest, best words first.

        With several query words, spellings that match them all come first, so
        `anna lind` reaches Anna Lindberg even when both words match thousands.
        """
        sized = [
            (sum(len(self._spellings_of[w]) for w in m), n) for n, m in enumerate(matches) if m
        ]
        if not sized:
            return []
        size, driving = min(sized)
        driver = matches[driving]
        ranked = (
            spelling
            for word in sorted(driver, key=driver.__getitem__, reverse=True)
            for spelling in self._spellings_of[word]
        )
        others = [m for n, m in enumerate(matches) if m and n != driving]
        if not others or size > MAX_FILTERED:
            return list(itertools.islice(ranked, MAX_CANDIDATES))
        ranked_all = list(ranked)
        sets = [set().union(*(self._spellings_of[word] for word in m)) for m in others]
        matching_all = [s for s in ranked_all if all(s in spellings for spellings in sets)]
        return (matching_all or ranked_all)[:MAX_CANDIDATES]

    @staticmethod
    def _score(words: tuple[int, ...], matches: list[dict[int, float]]) -> float:
        """Mean over query words of their best match among `words`; extra words cost a little."""
        total = 0.0
        for match in matches:
            best = 0.0
            for word in words:
                weight = match.get(word, 0.0)
                if weight > best:
                    best = weight
            total += best
        extra = max(0, len(words) - len(matches))
        return 100.0 * total / len(matches) - 2.0 * extra

    def _matching_words(self, word: str) -> dict[int, float]:
        """Vocabulary words close to `word`, by weight: exact 1.0, prefix 0.9–1.0, typo below."""
        found: dict[int, float] = {}
        if len(word) >= 3:
            for _, score, position in process.extract(
                word,
                self._vocabulary,
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=FUZZY_WORDS,
            ):
                found[position] = 0.95 * score / 100
        start = bisect.bisect_left(self._vocabulary, word)
        end = bisect.bisect_left(self._vocabulary, word + _LAST, lo=start)
        for position in range(start, min(end, start + MAX_CANDIDATES)):
            found[position] = 0.9 + 0.1 * len(word) / len(self._vocabulary[position])
        return found

    def _hit(self, position: int, score: float) -> PersonHit:
        person = self._people[position]
        return PersonHit(
            person_id=person.person_id,
            name=person.name,
            other_spellings=person.other_spellings,
            parties=person.parties,
            organizations=person.organizations,
            meetings=person.meetings,
            score=round(score, 1),
        )


def load_entries(session: Session) -> list[PersonEntry]:
    """One `PersonEntry` per person: spellings, parties, organisations, meeting count."""
    spellings = _grouped(session, select(PersonAlias.person_id, PersonAlias.spelling))
    parties = _grouped(
        session,
        select(Attendance.person_id, Attendance.party).where(Attendance.party.is_not(None)),
    )
    organizations = _grouped(
        session,
        select(Attendance.person_id, Organization.name).join(
            Organization, Organization.id == Attendance.organization_id
        ),
    )
    meetings = _meeting_counts(session)
    entries = []
    for person_id, name in session.exec(select(Person.id, Person.name)).all():
        others = tuple(s for s in spellings.get(person_id, ()) if s != name)
        entries.append(
            PersonEntry(
                person_id=person_id,
                name=name,
                other_spellings=others,
                parties=tuple(parties.get(person_id, ())),
                organizations=tuple(organizations.get(person_id, ())),
                meetings=meetings.get(person_id, 0),
            )
        )
    return entries


def _grouped(session: Session, query) -> dict[int, list[str]]:
    """`{person_id: sorted distinct values}` from a two-column query."""
    groups: dict[int, set[str]] = defaultdict(set)
    for person_id, value in session.exec(query.distinct()).all():
        groups[person_id].add(value)
    return {person_id: sorted(values) for person_id, values in groups.items()}


def _meeting_counts(session: Session) -> dict[int, int]:
    """How many meetings each person attended or served as an officer at."""
    both = union(
        select(Attendance.person_id, Attendance.meeting_id),
        select(Officer.person_id, Officer.meeting_id),
    ).subquery()
    query = select(both.c.person_id, func.count()).group_by(both.c.person_id)
    return dict(session.exec(query).all())
