"""`protokoll people …` and `protokoll orgs …`, driven through the real CLI on a SQLite file."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner, Result

from store import edits
from store.db import make_engine
from tui.cli import app

SAMPLES = Path(__file__).parent.parent / "samples" / "protocols"
LOOK_ALIKES = [
    ("Berth Falk", "Ivonne Falk"),
    ("Linda Svahn", "Andreas Svahn"),
    ("Eva Sund", "Ewa Sundkvist"),
    ("Björn Johansson", "John Johansson"),
    ("Ola Karlsson", "Ulla Kalander Karlsson"),
]


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["--db", str(db), *args])


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    assert run(db, "import", str(SAMPLES)).exit_code == 0
    engine = make_engine(str(db))
    with engine.connect() as connection:  # all into the main file, so copies hold it
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return db


@pytest.fixture
def db(seeds: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "people.db"
    shutil.copy(seeds, copy)
    return copy


def _person_line(db: Path, query: str) -> str:
    return run(db, "people", "search", query, "--limit", "1").stdout.strip()


def test_search_finds_a_person_by_a_typo(db: Path) -> None:
    result = run(db, "people", "search", "solweig oscarson")
    assert result.exit_code == 0
    first, second = result.stdout.splitlines()[:2]
    # w/v folds: both spellings match as well; the one spelt exactly as typed comes first
    assert "Solweig Oscarsson  [S, Nora kommun]  2 möten" in first
    assert "Solveig Oscarsson  [S, Nora kommun]  3 möten" in second


def test_search_takes_several_words_and_ranks_the_exact_spelling_first(db: Path) -> None:
    result = run(db, "people", "search", "Irén", "Lejgren")
    assert result.exit_code == 0
    assert "Irén Lejgren  [" in result.stdout.splitlines()[0]
    nordkvist = run(db, "people", "search", "nordkvist").stdout.splitlines()
    assert "Anna Nordkvist" in nordkvist[0] and "Anna Nordqvist" in nordkvist[1]


def test_suggest_as_csv_lists_every_true_variant(db: Path) -> None:
    result = run(db, "people", "suggest", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"name_a", "name_b", "score", "reasons"} <= set(rows[0])
    pairs = {frozenset((r["name_a"], r["name_b"])) for r in rows}
    assert frozenset(("Irén Lejegren", "Irén Lejgren")) in pairs
    assert frozenset(("Anita Thorsberg Ladinek", "Anita Thorsberg")) in pairs
    assert len(rows) == 9  # eight true variants and Eva Sund / Ewa Sundkvist
    oscarsson = next(r for r in rows if "Solveig Oscarsson" in (r["name_a"], r["name_b"]))
    assert oscarsson["score"] == "100" and oscarsson["reasons"].endswith("w/v")


def test_suggest_table_and_min_score(db: Path) -> None:
    table = run(db, "people", "suggest", "--min-score", "97").stdout.splitlines()
    assert len(table) == 7 and table[0].startswith("100.0  ")
    assert run(db, "people", "suggest", "--format", "xml").exit_code != 0


def test_reconcile_auto_merges_variants_and_no_look_alike(db: Path) -> None:
    dry = run(db, "people", "reconcile")
    assert dry.stdout.count("Skulle slå ihop") == 8 and "Inget sammanslaget" in dry.stdout
    result = run(db, "people", "reconcile", "--auto")
    assert result.exit_code == 0
    assert result.stdout.count("Slog ihop") == 8
    assert "Irén Lejegren <- Irén Lejgren" in result.stdout
    for a, b in LOOK_ALIKES:
        assert a not in result.stdout or b not in result.stdout, (a, b)
    line = _person_line(db, "Irén Lejgren")
    assert "Irén Lejegren (även Irén Lejgren)" in line and "3 möten" in line
    assert "Inget att slå ihop" in run(db, "people", "reconcile", "--auto").stdout


def test_merge_split_and_different_by_name_or_id(db: Path) -> None:
    merged = run(db, "people", "merge", "Tom Rymoén", "tom rymoen")
    assert merged.exit_code == 0, merged.output
    assert merged.stdout == "Slog ihop Tom Rymoen med Tom Rymoén: 1 rad flyttad.\n"
    split = run(db, "people", "split", "53", "Tom Rymoen")
    assert split.exit_code == 0
    assert split.stdout == "Lösgjorde Tom Rymoen från Tom Rymoén: 1 rad flyttad.\n"
    different = run(db, "people", "different", "Eva Sund", "88")
    assert different.stdout == "Eva Sund och Ewa Sundkvist är olika.\n"
    assert "Eva Sund" not in run(db, "people", "suggest").stdout
    assert edits.undo(make_engine(str(db))) == (
        "Undid: Declared Eva Sund and Ewa Sundkvist different people"
    )


def test_names_that_are_ambiguous_or_unknown_are_clear_errors(db: Path) -> None:
    ambiguous = run(db, "people", "merge", "Kilsten, Sven Erik", "Tom Rymoen")
    assert ambiguous.exit_code == 1
    assert "kan vara flera" in ambiguous.stderr and "id 61: Sven Erik Kilsten" in ambiguous.stderr
    unknown = run(db, "people", "different", "Nobody Atall", "Eva Sund")
    assert unknown.exit_code == 1 and "ingen heter 'Nobody Atall'" in unknown.stderr


def test_people_of_one_meeting_are_not_merged_without_force(db: Path) -> None:
    refused = run(db, "people", "merge", "Berth Falk", "Ivonny Falk")
    assert refused.exit_code == 1 and "both listed at meeting" in refused.stderr
    assert run(db, "people", "merge", "Berth Falk", "Ivonny Falk", "--force").exit_code == 0


def test_orgs_commands(db: Path) -> None:
    # The importer already folds the seeds' kommun spellings into one organisation each.
    assert (
        run(db, "orgs", "suggest").stdout
        == "Inga organisationer att föreslå vid 70 poäng eller mer.\n"
    )
    result = run(db, "orgs", "split", "Askersunds kommun", "Askersund kommun")
    assert result.exit_code == 0, result.output
    suggested = run(db, "orgs", "suggest", "--format", "csv").stdout
    assert "Askersunds kommun" not in suggested  # split means different: not suggested back
    assert run(db, "orgs", "merge", "Askersunds kommun", "Askersund kommun").exit_code == 0
    assert run(db, "orgs", "reconcile", "--auto").stdout.startswith("Inget att slå ihop")


def _commands(command: Any, path: str = "protokoll") -> list[tuple[str, Any]]:
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, f"{path} {name}")
    return found


def test_every_people_and_orgs_command_and_option_has_help() -> None:
    for path, command in _commands(get_command(app)):
        if " people" not in path and " orgs" not in path:
            continue
        assert command.help or command.short_help, path
        for param in command.params:
            assert getattr(param, "help", None) or param.name == "help", f"{path} {param.name}"
