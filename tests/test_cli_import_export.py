"""`protokoll import` and `protokoll export`, driven through the real CLI on a SQLite file."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner, Result

from store import edits
from store.db import make_engine
from store.export import HEADERS
from tui.cli import app

SAMPLES = Path(__file__).parent.parent / "samples" / "protocols"
FIRST, SECOND = "000_40086cb381e27565.txt", "001_3dc68634fd4f02c8.txt"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two seed protocols and, in a subfolder, a bad file of each kind."""
    folder = tmp_path / "in"
    (folder / "bad").mkdir(parents=True)
    for name in (FIRST, SECOND):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "bad" / "empty.txt").write_text("")
    (folder / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "bad" / "notes.md").write_text("Hej hej\nInget protokoll här\n")
    (folder / "ignored.odt").write_bytes(b"PK\x03\x04")
    return folder


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["--db", str(db), *args])


def test_bad_files_fail_alone_and_set_the_exit_status(db: Path, folder: Path) -> None:
    result = run(db, "import", str(folder), str(folder / "missing.txt"))
    assert result.exit_code == 1
    assert result.stdout == (
        "6 filer: 2 importerade, 0 ersatta, 0 oförändrade, 0 vägrade, 4 misslyckade\n"
        f"Databas: {db.resolve()}\n"
    )
    problems = result.stderr.splitlines()
    assert f"{folder / 'missing.txt'}: filen eller mappen finns inte" in problems
    assert f"{folder / 'bad' / 'empty.txt'}: filen är tom" in problems
    assert any(p.startswith(f"{folder / 'bad' / 'binary.txt'}:1: ") for p in problems)
    assert any(p.startswith(f"{folder / 'bad' / 'notes.md'}:1: inget protokoll") for p in problems)
    assert len(problems) == 4
    assert run(db, "export", "meetings").stdout.count("\n") == 3


def test_reimport_is_unchanged_and_exits_zero(db: Path, folder: Path) -> None:
    run(db, "import", str(folder / FIRST))
    result = run(db, "import", str(folder / FIRST))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "1 fil: 0 importerade, 0 ersatta, 1 oförändrade, 0 vägrade, 0 misslyckade"
    )


def test_warnings_are_printed_with_file_and_line(db: Path) -> None:
    result = run(db, "import", str(SAMPLES))
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if ": varning: " in line]
    assert warnings, "the seeds have doubtful spots the parser warns about"
    for line in warnings:
        path, number, _ = line.split(":", 2)
        assert Path(path).parent == SAMPLES and number.isdigit()


def test_changed_file_of_a_reviewed_meeting_is_refused_until_replace(
    db: Path, folder: Path
) -> None:
    path = folder / FIRST
    run(db, "import", str(path))
    edits.set_reviewed(make_engine(str(db)), 1, True)
    path.write_text(path.read_text(encoding="utf-8") + "\nTillägg.\n", encoding="utf-8")
    refused = run(db, "import", str(path))
    assert refused.exit_code == 0
    assert "1 vägrade" in refused.stdout
    assert f"{path}: möte 1 " in refused.stderr and "--replace" in refused.stderr
    replaced = run(db, "import", "--replace", str(path))
    assert (replaced.exit_code, "1 ersatta" in replaced.stdout) == (0, True)


def test_empty_folder_is_an_error(db: Path, tmp_path: Path) -> None:
    result = run(db, "import", str(tmp_path))
    assert result.exit_code == 1
    assert "Inga protokollfiler" in result.stderr


def test_export_to_stdout_and_to_a_file(db: Path, folder: Path, tmp_path: Path) -> None:
    run(db, "import", str(folder / FIRST), str(folder / SECOND))
    meetings = list(csv.DictReader(io.StringIO(run(db, "export", "meetings").stdout)))
    assert [(m["date"], m["source_file"]) for m in meetings] == [
        ("2020-02-26", FIRST), ("2021-11-18", SECOND)
    ]  # fmt: skip
    out = tmp_path / "attendance.csv"
    result = run(db, "export", "attendance", "--out", str(out))
    assert result.exit_code == 0 and "till " + str(out) in result.stderr
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(HEADERS["attendance"])
    assert rows[0]["name_as_written"] == "Johanna Martin"
    assert rows[0]["organization"] == "Askersunds kommun"


def test_excel_export_on_stdout_has_a_bom_and_semicolons(db: Path, folder: Path) -> None:
    run(db, "import", str(folder / FIRST))
    result = run(db, "export", "people", "--excel")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith("\ufeffperson_id;namn;andra_stavningar;".encode())


def test_export_all_writes_four_files(db: Path, folder: Path, tmp_path: Path) -> None:
    run(db, "import", str(folder / FIRST))
    result = run(db, "export", "all", "--out", str(tmp_path / "csv"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "agenda.csv", "attendance.csv", "meetings.csv", "people.csv"
    ]  # fmt: skip


def test_export_to_an_unwritable_place_fails_cleanly(
    db: Path, folder: Path, tmp_path: Path
) -> None:
    run(db, "import", str(folder / FIRST))
    result = run(db, "export", "agenda", "--out", str(tmp_path / "no" / "such" / "dir.csv"))
    assert result.exit_code == 1
    assert "Kan inte skriva" in result.stderr


def missing_help(command, path: str = "protokoll") -> list[str]:
    """Every command and parameter under `command` that has no help text."""
    missing = [] if (command.help or "").strip() else [path]
    missing += [
        f"{path} {param.name}"
        for param in command.params
        if not (getattr(param, "help", None) or "").strip()
    ]
    for name, sub in getattr(command, "commands", {}).items():
        missing += missing_help(sub, f"{path} {name}")
    return missing


def test_every_command_and_option_has_help() -> None:
    assert missing_help(get_command(app)) == []


def test_the_help_check_finds_what_lacks_help() -> None:
    bare = typer.Typer()

    @bare.command()
    def one(flag: bool = False) -> None:
        pass

    @bare.command()
    def two(
        name: Annotated[str, typer.Argument(help="A name.")],
    ) -> None:
        """Has help."""

    assert missing_help(get_command(bare)) == ["protokoll", "protokoll one", "protokoll one flag"]


def test_import_help_names_every_kind_of_file_it_reads() -> None:
    from importers.reading import PROTOCOL_SUFFIXES

    text = " ".join(CliRunner().invoke(app, ["import", "--help"]).output.split())
    shown = {suffix for suffix in PROTOCOL_SUFFIXES if suffix in text}
    assert {".txt", ".md", ".pdf", ".docx"} <= shown
