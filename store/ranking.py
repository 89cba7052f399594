"""Search results with the spelling typed exactly first.

`PeopleIndex` folds names (w/v, q/k, é/e), so `nordkvist` scores Anna
Nordkvist and Anna Nordqvist alike. A person who spells a query word exactly
as typed (case aside) should come first: this reorders the hits, keeping
the index's order among equals.
"""

from __future__ import annotations

from store.search import PeopleIndex, PersonHit


def exact_words(hit: PersonHit, query: str) -> int:
    """How many of the query's words one of the hit's spellings has, letter for letter."""
    wanted = query.casefold().replace(",", " ").split()
    best = 0
    for spelling in (hit.name, *hit.other_spellings):
        words = set(spelling.casefold().replace(",", " ").split())
        best = max(best, sum(word in words for word in wanted))
    return best


def exact_first(hits: list[PersonHit], query: str) -> list[PersonHit]:
    """`hits` with those spelling more query words exactly first (stable otherwise)."""
    return sorted(hits, key=lambda hit: (-exact_words(hit, query), -hit.score))


def search_people(index: PeopleIndex, query: str, limit: int = 50) -> list[PersonHit]:
    """The index's hits for `query`, exact spellings first; the most active for no query."""
    if not query.strip():
        return index.search(query, limit=limit)
    return exact_first(index.search(query, limit=limit), query)
