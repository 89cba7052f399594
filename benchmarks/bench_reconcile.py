"""Reconciliation and search on synthetic people with known truth.

Run: `.venv/bin/python benchmarks/bench_reconcile.py [--sizes 2000 100000]`

For each size it prints precision, recall and run time of `store.reconcile`
(at the auto-merge score and at the suggestion score) beside a plain all-pairs
rapidfuzz baseline (`token_sort_ratio` over the names, cut at 90). At large
sizes the baseline is run for a random sample of names against all names and
its time is extrapolated: the output says so. Then it times a keystroke of
`PeopleIndex.search` over 100,000 names against a raw
`rapidfuzz.process.extract` over the same names.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import Record, records

from store.reconcile import (
    DEFAULT_AUTO_SCORE,
    DEFAULT_SUGGEST_SCORE,
    Profile,
    group_suggestions,
    suggest,
)
from store.search import PeopleIndex, PersonEntry

BASELINE_CUTOFF = 90.0
BASELINE_SAMPLE = 400
"""Names the baseline is run for when all names would take too long."""
Pair = tuple[int, int]


def profiles_of(people: list[Record]) -> list[Profile]:
    """Each record as the profile `store.reconcile` would load from the database."""
    return [
        Profile(
            id=r.record_id,
            name=r.name,
            spellings=((r.name, len(r.meetings)),),
            parties=frozenset({r.party} if r.party else ()),
            organizations=frozenset({r.organization}),
            councils=frozenset({f"council {r.council}"}),
            years=r.years,
            meetings=r.meetings,
        )
        for r in people
    ]


def true_pairs(people: list[Record]) -> set[Pair]:
    """Every pair of records that are one person."""
    by_truth: dict[int, list[int]] = defaultdict(list)
    for r in people:
        by_truth[r.truth].append(r.record_id)
    return {
        (min(a, b), max(a, b))
        for ids in by_truth.values()
        for a, b in itertools.combinations(ids, 2)
    }


def precision_recall(found: set[Pair], truth: set[Pair]) -> tuple[float, float]:
    """Share of found pairs that are true, share of true pairs found."""
    hits = len(found & truth)
    return (hits / len(found) if found else 1.0), (hits / len(truth) if truth else 1.0)


def timed(work: Callable[[], object]) -> tuple[object, float]:
    """The result of `work()` and the seconds it took."""
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def ours(people: list[Record]) -> list[str]:
    """Run `store.reconcile` once (lowest score) and score both thresholds.

    `pairs` are the suggested pairs; `groups` are the pairs inside the groups
    that `reconcile --auto` would merge (variants of variants join there).
    """
    profiles = profiles_of(people)
    truth = true_pairs(people)
    found, seconds = timed(lambda: suggest(profiles, min_score=DEFAULT_SUGGEST_SCORE))
    lines = []
    for label, cut in (("auto", DEFAULT_AUTO_SCORE), ("suggest", DEFAULT_SUGGEST_SCORE)):
        chosen = [s for s in found if s.score >= cut]  # type: ignore[attr-defined]
        groups, grouping = timed(lambda c=chosen: group_suggestions(c))
        for how, pairs in (("pairs", {s.ids for s in chosen}), ("groups", pairs_in(groups))):
            precision, recall = precision_recall(pairs, truth)
            spent = seconds + (grouping if how == "groups" else 0.0)
            lines.append(
                f"  protokoll  score>={cut:g} {how:6} ({label:7}) precision {precision:6.1%}  "
                f"recall {recall:6.1%}  pairs {len(pairs):7,}  time {spent:6.2f} s"
            )
    return lines


def pairs_in(groups: object) -> set[Pair]:
    """Every pair of members inside each group."""
    return {
        (min(a.id, b.id), max(a.id, b.id))
        for group in groups  # type: ignore[attr-defined]
        for a, b in itertools.combinations(group.members, 2)
    }


def baseline(people: list[Record], sample: int | None) -> str:
    """All-pairs rapidfuzz over the names, for every name or for a sample of them."""
    names = [r.name for r in people]
    truth = true_pairs(people)
    queries = (
        range(len(names)) if sample is None else random.Random(9).sample(range(len(names)), sample)
    )
    found: set[Pair] = set()

    def run() -> None:
        for i in queries:
            for _, _, j in process.extract(
                names[i], names, scorer=fuzz.token_sort_ratio, processor=utils.default_process,
                score_cutoff=BASELINE_CUTOFF, limit=None,
            ):  # fmt: skip
                if j != i:
                    found.add((min(i, j), max(i, j)))

    _, seconds = timed(run)
    if sample is not None:
        chosen = set(queries)
        truth = {p for p in truth if p[0] in chosen or p[1] in chosen}
        seconds *= len(names) / sample
    precision, recall = precision_recall(found, truth)
    how = "all pairs" if sample is None else f"estimated from {sample} sampled names x all"
    return (
        f"  baseline   token_sort>={BASELINE_CUTOFF:g} pairs            "
        f"precision {precision:6.1%}  "
        f"recall {recall:6.1%}  time {seconds:7.2f} s ({how})"
    )


def bench_reconcile(size: int) -> None:
    """Print our figures and the baseline's for `size` synthetic people."""
    people = records(size)
    persons = len({r.truth for r in people})
    print(
        f"\n{size:,} people ({persons:,} incl. look-alike relatives) as {len(people):,} "
        f"person records, {len(true_pairs(people)):,} true variant pairs"
    )
    for line in ours(people):
        print(line, flush=True)
    sample = None if len(people) <= 5_000 else BASELINE_SAMPLE
    print(baseline(people, sample), flush=True)


def keystrokes() -> Iterable[str]:
    """What someone types, one keystroke at a time."""
    for word in ("lejgren", "anna nordkvist", "sven erik k", "oscarson, solweig"):
        for end in range(1, len(word) + 1):
            yield word[:end]


def bench_search(size: int = 100_000) -> None:
    """Milliseconds per keystroke: `PeopleIndex.search` vs a raw `process.extract`."""
    people = records(size, seed=3, variant_share=0.1)
    by_truth: dict[int, list[str]] = defaultdict(list)
    for r in people:
        by_truth[r.truth].append(r.name)
    entries = [PersonEntry(t, names[0], tuple(names[1:])) for t, names in by_truth.items()]
    index, build = timed(lambda: PeopleIndex(entries))
    names = [r.name for r in people]
    ours_ms, raw_ms = [], []
    for query in keystrokes():
        ours_ms.append(1000 * timed(lambda q=query: index.search(q))[1])  # type: ignore[attr-defined]
        raw_ms.append(1000 * timed(lambda q=query: process.extract(
            q, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=50
        ))[1])  # fmt: skip
    print(f"\nsearch over {len(names):,} names (index built in {build:.1f} s):")
    for label, values in (("PeopleIndex.search", ours_ms), ("raw process.extract WRatio", raw_ms)):
        print(
            f"  {label:27} median {statistics.median(values):6.2f} ms  "
            f"p95 {sorted(values)[int(0.95 * len(values))]:6.2f} ms  max {max(values):6.2f} ms"
        )


def main() -> None:
    """Parse the sizes and run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 100_000])
    parser.add_argument("--search-size", type=int, default=100_000)
    arguments = parser.parse_args()
    for size in arguments.sizes:
        bench_reconcile(size)
    bench_search(arguments.search_size)


if __name__ == "__main__":
    main()
