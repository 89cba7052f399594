"""`protokoll history`, `undo` and `redo`, driven through the real CLI on a SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from store.db import make_engine
from tui.cli import app

SAMPLES = Path(__file__).parent.parent / "samples" / "protocols"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["--db", str(db), *args])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "history.db"
    assert run(db, "import", str(SAMPLES)).exit_code == 0
    return db


def test_reconcile_auto_is_taken_back_by_one_undo_and_put_back_by_one_redo(db: Path) -> None:
    would = run(db, "people", "suggest", "--min-score", "90").stdout
    merged = run(db, "people", "reconcile", "--auto")
    assert merged.exit_code == 0 and merged.stdout.count("Slog ihop ") >= 5
    assert run(db, "people", "suggest", "--min-score", "90").stdout != would
    newest = run(db, "history", "--limit", "1").stdout.splitlines()
    assert (
        len(newest) == 1
        and "  samordning  Samordnade personer automatiskt: slog ihop " in newest[0]
    )
    assert newest[0].endswith(" till")
    undone = run(db, "undo")
    assert undone.exit_code == 0 and undone.stdout.startswith("Ångrade: Samordnade personer")
    assert run(db, "people", "suggest", "--min-score", "90").stdout == would
    assert run(db, "history", "--limit", "1").stdout.endswith("(ångrad, kan göras om)\n")
    assert run(db, "redo").stdout.startswith("Gjorde om: Samordnade personer")
    assert run(db, "redo").stdout == "Inget att göra om.\n"


def test_history_lists_newest_first_and_filters_by_meeting(db: Path) -> None:
    lines = run(db, "history").stdout.splitlines()
    assert len(lines) == 5 and all("  import     Importerade 00" in line for line in lines)
    assert "Importerade 004_9c6807935cccb602.txt" in lines[0]
    [about_one] = run(db, "history", "--meeting", "1").stdout.splitlines()
    assert "Importerade 000_40086cb381e27565.txt: mötet 2020-02-26 Specifikt" in about_one
    assert run(db, "history", "--meeting", "99").stdout == "Inga ändringar av möte 99.\n"


def test_undo_until_nothing_is_left_then_an_undo_says_so(db: Path) -> None:
    for _ in range(5):
        assert run(db, "undo").stdout.startswith("Ångrade: Importerade ")
    assert run(db, "undo").stdout == "Inget att ångra.\n"
    assert run(db, "export", "meetings").stdout.splitlines() == [
        "meeting_id,body,date,start,end,location,chair,secretary,adjusters,adjusted_on,"
        "next_meeting,source_file"
    ]


def test_an_undo_that_no_longer_fits_is_a_clear_error(db: Path) -> None:
    engine = make_engine(str(db))
    with engine.begin() as conn:  # the newest import's meeting, removed behind protokoll's back
        conn.exec_driver_sql("DELETE FROM meeting WHERE id = 5")
    engine.dispose()
    failed = run(db, "undo")
    assert failed.exit_code == 1
    assert failed.stderr.startswith("Fel: Kan inte ångra ”Importerade 004_9c6807935cccb602.txt")
    assert "finns inte längre; inget ändrades" in failed.stderr
