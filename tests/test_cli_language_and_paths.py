"""The CLI in Swedish (English on request), `--db` anywhere, and no database made by a reader."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tui.cli import app

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples" / "protocols"
FIRST = SAMPLES / "000_40086cb381e27565.txt"
COMMANDS = [
    [],
    ["import"],
    ["demo"],
    ["tui"],
    ["export"],
    ["export", "meetings"],
    ["export", "all"],
    ["people"],
    ["people", "search"],
    ["people", "suggest"],
    ["people", "merge"],
    ["people", "split"],
    ["people", "different"],
    ["people", "reconcile"],
    ["orgs", "suggest"],
]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    db = tmp_path / "one.db"
    assert run("import", "--db", str(db), str(FIRST)).exit_code == 0
    return db


def test_db_works_after_the_command_too(tmp_path: Path) -> None:
    db = tmp_path / "after.db"
    result = run("import", "--db", str(db), str(FIRST))
    assert result.exit_code == 0, result.output
    assert f"Databas: {db.resolve()}" in result.stdout
    exported = run("export", "meetings", f"--db={db}")
    assert exported.exit_code == 0 and exported.stdout.count("\n") == 2


def test_a_reader_on_a_missing_database_says_so_and_creates_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "sampel.db"
    for command in (["export", "meetings"], ["people", "search", "anna"], ["tui"]):
        result = run("--db", str(typo), *command)
        assert result.exit_code == 1, command
        assert f"Ingen databas i {typo}" in result.stderr
        assert result.stdout == ""
    assert not typo.exists()


def test_out_to_a_folder_writes_inside_it(imported: Path, tmp_path: Path) -> None:
    existing = tmp_path / "exports"
    existing.mkdir()
    assert run("--db", str(imported), "export", "meetings", "--out", str(existing)).exit_code == 0
    assert (existing / "meetings.csv").read_text(encoding="utf-8").startswith("meeting_id,")
    made = f"{tmp_path / 'new'}/"
    assert run("--db", str(imported), "export", "people", "--out", made).exit_code == 0
    assert (tmp_path / "new" / "people.csv").is_file()


def test_excel_export_speaks_swedish_and_plain_csv_keeps_codes(imported: Path) -> None:
    excel = run("--db", str(imported), "export", "attendance", "--excel").stdout
    rows = list(csv.DictReader(io.StringIO(excel.removeprefix("\ufeff")), delimiter=";"))
    assert {"namn_som_skrivet", "organisation", "roll", "närvarande"} <= set(rows[0])
    assert {row["roll"] for row in rows} <= {"ledamot", "ersättare", "övrig"}
    assert {row["närvarande"] for row in rows} <= {"ja", "nej"} and rows[0]["närvarande"] == "ja"
    plain = list(
        csv.DictReader(io.StringIO(run("--db", str(imported), "export", "attendance").stdout))
    )
    assert plain[0]["role"] == "member" and plain[0]["present"] == "true"


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_is_swedish_and_shows_no_raw_types(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Användning: ")
    assert "Visa den här hjälpen" in result.stdout
    assert not re.search(r"<\w+(\[\w+\])?>", result.stdout), result.stdout
    for english in ("Usage:", "Options:", "Arguments:", "Show this message", "required"):
        assert english not in result.stdout
    for placeholder in ("[OPTIONS]", "COMMAND", "[ARGS]", "FILE", "FOLDER", "PATH", "NAME"):
        assert placeholder not in result.stdout, placeholder


def test_usage_placeholders_follow_the_language() -> None:
    swedish = run("import")
    assert "Användning: protokoll import [FLAGGOR] {SÖKVÄG}..." in swedish.output
    assert "argument SÖKVÄG saknas" in swedish.output
    english = run("--lang", "en", "import")
    assert "Usage: protokoll import [OPTIONS] {PATH}..." in english.output
    assert run("--help").stdout.startswith("Användning: protokoll [FLAGGOR] KOMMANDO [ARGUMENT]...")


def test_english_on_request_by_option_or_environment(tmp_path: Path) -> None:
    by_option = run("--lang", "en", "import", "--help")
    assert by_option.stdout.startswith("Usage: ") and "Import protocols" in by_option.stdout
    missing = str(tmp_path / "none.db")
    by_env = run("--db", missing, "export", "meetings", env={"PROTOKOLL_LANG": "en"})
    assert by_env.exit_code == 1 and f"No database at {missing}" in by_env.stderr
    finnish = run("--lang", "fi", "--db", missing, "export", "meetings")
    assert finnish.exit_code == 2 and "okänt språk 'fi'" in finnish.stderr


def test_a_mistyped_option_is_told_in_swedish() -> None:
    result = run("export", "meetings", "--dbx", "x.db")
    assert result.exit_code == 2
    assert "Fel: okänd flagga --dbx" in result.stderr
    assert "Skriv 'protokoll export meetings --help' för hjälp." in result.stderr


def test_demo_copies_the_sample_once_and_never_touches_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    sample = ROOT / "sample.db"
    before = hashlib.sha256(sample.read_bytes()).hexdigest()
    first = run("demo", "--path")
    copy = Path(first.stdout.strip())
    assert first.exit_code == 0 and copy == tmp_path / "data" / "protokoll" / "demo.db"
    assert copy.read_bytes() == sample.read_bytes()
    copy.write_bytes(b"changed by the user")
    assert run("demo", "--path").exit_code == 0
    assert copy.read_bytes() == b"changed by the user"  # made on first use only
    assert run("demo", "--path", "--fresh").exit_code == 0
    assert copy.read_bytes() == sample.read_bytes()
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == before
    assert not any(Path(f"{sample}{suffix}").exists() for suffix in ("-wal", "-shm"))
