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
import heapq
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from store.names import name_key

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

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


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """What the index knows of one person (built from the database or given directly)."""

    person_id: int
    name: str
    other_spellings: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    meetings: int = 0


class WordFolder:
    """`tuple(name_key(spelling).split())`, folding each distinct word once.

    100,000 names share a few thousand words. `name_key` works letter by letter
    (case, accents, w/v, qv/kv, hyphens, stray marks) except for
    `Surname, Given`, which it reorders: such spellings are folded whole.
    """

    def __init__(self) -> None:
        self._words: dict[str, tuple[str, ...]] = {}

    def __call__(self, spelling: str) -> tuple[str, ...]:
        """The folded words of `spelling`, as `name_key` gives them."""
        if "," in spelling:
            return tuple(name_key(spelling).split())
        known = self._words
        folded: list[str] = []
        for word in spelling.split():
            words = known.get(word)
            if words is None:
                words = known[word] = tuple(name_key(word).split())
            folded.extend(words)
        return tuple(folded)


DetailsOf = Callable[[Sequence[int]], Mapping[int, tuple[tuple[str, ...], tuple[str, ...]]]]
"""Parties and organisations by person id, read for the hits of one search."""


class PeopleIndex:
    """Every spelling of every person, ready for `search` on each keystroke.

    With `details`, the entries need no parties or organisations: they are
    looked up for the hits a search returns (see `store.people_loading`).
    """

    def __init__(self, people: Iterable[PersonEntry], details: DetailsOf | None = None) -> None:
        self._details = details
        self._known_details: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._people: list[PersonEntry] = list(people)
        owners: list[int] = []
        folded: list[tuple[str, ...]] = []
        fold = WordFolder()
        for position, person in enumerate(self._people):
            for spelling in dict.fromkeys((person.name, *person.other_spellings)):
                folded.append(fold(spelling))
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
        self._meetings = [person.meetings for person in self._people]
        self._most_active: dict[int, list[int]] = {}

    def set_meetings(self, meetings: Mapping[int, int]) -> None:
        """Give every person their meeting count (by id; 0 if not in `meetings`).

        For a loader that folds the names while the counts are still being read.
        """
        self._meetings = [meetings.get(person.person_id, 0) for person in self._people]
        self._most_active = {}

    def _by_meetings(self, limit: int) -> list[int]:
        """The `limit` people with most meetings (by name among equals), most first.

        `nsmallest` is `sorted(...)[:limit]` without sorting all 100,000.
        """
        if limit not in self._most_active:
            people, meetings = self._people, self._meetings
            self._most_active[limit] = heapq.nsmallest(
                limit, range(len(people)), key=lambda p: (-meetings[p], people[p].name)
            )
        return self._most_active[limit]

    @classmethod
    def load(cls, engine: Engine) -> PeopleIndex:
        """Build the index from every person in the database; details are read per search."""
        from store.people_loading import load_index  # it imports this module

        return load_index(engine)

    def __len__(self) -> int:
        return len(self._people)

    def search(self, query: str, limit: int = 50) -> list[PersonHit]:
        """The people best matching `query`, best first; the most active people for no query."""
        words = name_key(query).split()
        if not words:
            return self._hits([(p, 100.0) for p in self._by_meetings(limit)])
        matches = [self._matching_words(word) for word in words]
        best: dict[int, float] = {}
        for spelling in self._candidates(matches):
            score = self._score(self._words[spelling], matches)
            owner = self._owner[spelling]
            if score >= MIN_SCORE and score > best.get(owner, 0.0):
                best[owner] = score
        people, meetings = self._people, self._meetings
        order = sorted(best, key=lambda p: (-best[p], -meetings[p], people[p].name))
        return self._hits([(p, best[p]) for p in order[:limit]])

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

    def _hits(self, found: list[tuple[int, float]]) -> list[PersonHit]:
        """`PersonHit`s for (position, score) pairs, with their details looked up if need be."""
        people = [
            replace(self._people[position], meetings=self._meetings[position])
            for position, _ in found
        ]
        if self._details is not None and people:
            details = self._details_of([person.person_id for person in people])
            people = [
                replace(person, parties=parties, organizations=organizations)
                for person in people
                for parties, organizations in (details[person.person_id],)
            ]
        return [self._hit(person, score) for person, (_, score) in zip(people, found, strict=True)]

    def _details_of(self, person_ids: list[int]) -> Mapping[int, tuple[tuple[str, ...], ...]]:
        """Details by id, each read once for the life of the index (keystrokes repeat hits)."""
        assert self._details is not None
        known = self._known_details
        missing = [p for p in person_ids if p not in known]
        if missing:
            known.update(self._details(missing))
        return known

    @staticmethod
    def _hit(person: PersonEntry, score: float) -> PersonHit:
        return PersonHit(
            person_id=person.person_id,
            name=person.name,
            other_spellings=person.other_spellings,
            parties=person.parties,
            organizations=person.organizations,
            meetings=person.meetings,
            score=round(score, 1),
        )
