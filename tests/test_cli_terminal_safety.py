"""What the CLI prints never carries a raw control character: file names, warnings, names from
an older database, CSV on stdout. CSV written to a file stays exact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from store import edits
from store.db import make_engine
from tui.cli import app
from tui.terminal_text import terminal_safe

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples" / "protocols"
ESC = "\x1b"
CLEAR_SCREEN = "\x1b[2J"
OSC_TITLE = "\x1b]0;pwned\x07"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["--db", str(db), *args])


def assert_no_controls(output: str) -> None:
    bad = [ch for ch in output if (ord(ch) < 32 and ch not in "\t\n") or 0x7F <= ord(ch) < 0xA0]
    assert not bad, f"raw control characters printed: {bad!r}"


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """sample.db with ESC and OSC in stored names and titles, as an older protokoll left them."""
    path = tmp_path / "old.db"
    shutil.copy(ROOT / "sample.db", path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE attendance SET name_as_written = ? WHERE id = 1", (f"Johanna{CLEAR_SCREEN}M",)
        )
        conn.execute("UPDATE person SET name = ? WHERE id = 1", (f"Johanna{CLEAR_SCREEN}M",))
        conn.execute("UPDATE body SET name = ? WHERE id = 1", (f"Specifikt{OSC_TITLE} råd",))
        conn.execute("UPDATE agendaitem SET title = ? WHERE id = 1", (f"Öppnande{OSC_TITLE}",))
    return path


@pytest.mark.parametrize("table", ["attendance", "meetings", "agenda", "people"])
def test_export_to_stdout_shows_controls_escaped(old_db: Path, table: str) -> None:
    result = run(old_db, "export", table)
    assert result.exit_code == 0
    assert_no_controls(result.stdout.replace("\r\n", "\n"))
    assert "␛[2J" in result.stdout or "␛]0;pwned␇" in result.stdout


def test_export_to_a_file_stays_exact(old_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "närvaro.csv"
    result = run(old_db, "export", "attendance", "--out", str(out))
    assert result.exit_code == 0
    written = out.read_text(encoding="utf-8")
    assert f"Johanna{CLEAR_SCREEN}M" in written
    on_stdout = run(old_db, "export", "attendance").stdout
    assert on_stdout == terminal_safe(written)


def test_people_search_prints_names_escaped(old_db: Path) -> None:
    result = run(old_db, "people", "search", "Johanna")
    assert result.exit_code == 0
    assert "Johanna␛[2JM" in result.stdout
    assert_no_controls(result.stdout)


def test_a_file_name_with_escape_is_printed_escaped(tmp_path: Path) -> None:
    missing = tmp_path / f"protokoll{CLEAR_SCREEN}.txt"
    empty = tmp_path / f"tom{OSC_TITLE}.txt"
    empty.write_text("")
    result = run(tmp_path / "x.db", "import", str(missing), str(empty))
    assert result.exit_code == 1
    assert_no_controls(result.stderr)
    problems = result.stderr.splitlines()
    assert f"{tmp_path}/protokoll␛[2J.txt: filen eller mappen finns inte" in problems
    assert f"{tmp_path}/tom␛]0;pwned␇.txt: filen är tom" in problems


def test_import_warnings_about_a_file_with_escape_in_its_name(tmp_path: Path) -> None:
    name = "002_51c692209e7ef6f5.txt"
    text = (SAMPLES / name).read_text(encoding="utf-8")
    text = text.replace("Johanna Martin (M)", f"Johanna {CLEAR_SCREEN}Martin (M)", 1)
    path = tmp_path / f"{ESC}[31mröd.txt"
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("Johanna")].count("\n") + 1

    result = run(tmp_path / "x.db", "import", str(path))

    assert result.exit_code == 0
    assert_no_controls(result.stderr)
    expected = f"{tmp_path}/␛[31mröd.txt:{line}: varning: styrtecken borttagna ur texten"
    assert any(problem.startswith(expected) for problem in result.stderr.splitlines())
    assert_no_controls(run(tmp_path / "x.db", "export", "attendance").stdout.replace("\r\n", ""))


def test_a_newline_in_a_file_name_cannot_forge_a_message_line(tmp_path: Path) -> None:
    missing = tmp_path / "a\nfake.txt: imported fine"
    result = run(tmp_path / "x.db", "import", str(missing))
    assert f"{tmp_path}/a␤fake.txt: imported fine: filen eller mappen finns inte" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_history_and_undo_print_names_escaped(old_db: Path) -> None:
    engine = make_engine(str(old_db))
    with engine.connect() as conn:
        newest = conn.exec_driver_sql("SELECT max(id) FROM meeting").scalar()
    edits.add_attendee(engine, newest, f"Anna{CLEAR_SCREEN}Berg", party="S")
    engine.dispose()

    history = run(old_db, "history", "--limit", "3")
    undone = run(old_db, "undo")

    assert "La till deltagaren Anna␛[2JBerg" in history.stdout
    assert undone.stdout.startswith("Ångrade: La till deltagaren Anna␛[2JBerg")
    assert_no_controls(history.stdout + undone.stdout)
