"""A name printed surname first (`Frostdahl-Blomqvist Siw`) is found and reconciled as one."""

from __future__ import annotations

from pathlib import Path

from store.db import make_engine
from store.loading import import_paths
from store.reconcile import suggestions
from store.search import PeopleIndex

TICK_GRID = """\
Protokoll 2/2023
Organ   Personalsektionen
Sammanträdestid   28.3.2023 kl. 15.02–16.55

Beslutande
ordinarie   ersättare
[X] Frostdahl-Blomqvist Siw, ordförande   [ ] Palm Maria
[X] Wik Tobias   [X] Pott Henrik

13 § Sammanträdets laglighet
Sammanträdet konstaterades lagligt.
"""

GIVEN_FIRST = """\
Protokoll Personalsektionen
Datum: 2023-05-02

Närvarande ledamöter:
Siw Frostdahl-Blomqvist, ordförande
Tobias Wik

§ 25 Mötet öppnas
Ordföranden öppnade mötet.
"""


def test_surname_first_and_given_first_are_found_and_suggested_together(tmp_path: Path) -> None:
    folder = tmp_path / "arkiv"
    folder.mkdir()
    (folder / "mars.txt").write_text(TICK_GRID, encoding="utf-8")
    (folder / "maj.txt").write_text(GIVEN_FIRST, encoding="utf-8")
    engine = make_engine(str(tmp_path / "namn.db"))
    summary = import_paths(engine, [folder], workers=1)
    assert summary.count("imported") == 2

    hits = PeopleIndex.load(engine).search("siw frostdahl-blomqvist")
    names = [hit.name for hit in hits[:2]]
    assert sorted(names) == ["Frostdahl-Blomqvist Siw", "Siw Frostdahl-Blomqvist"]

    pairs = {frozenset((s.a.name, s.b.name)) for s in suggestions(engine)}
    assert frozenset(("Frostdahl-Blomqvist Siw", "Siw Frostdahl-Blomqvist")) in pairs
    assert frozenset(("Wik Tobias", "Tobias Wik")) in pairs
