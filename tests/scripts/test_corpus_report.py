"""scripts/corpus_report.py, run as a real process on a folder the test makes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import importers

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "corpus_report.py"
SEEDS = ROOT / "samples" / "protocols"
ALL_HEAD = "  head: 8/8 found: body, date, start, end, location, chair, secretary, adjusters"


def report(folder: Path) -> subprocess.CompletedProcess[str]:
    """The script's run on `folder`, named relative to its parent (the working directory)."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), folder.name],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder.parent,
    )


def blocks(stdout: str) -> tuple[dict[str, list[str]], str]:
    """The report's lines per file (keyed by its status line's file), and the summary line."""
    *lines, summary = stdout.splitlines()
    found: dict[str, list[str]] = {}
    for line in lines:
        if line.startswith(" "):
            found[next(reversed(found))].append(line)
        else:
            name, _, status = line.partition(": ")
            found[name] = [status]
    return found, summary


def warning_lines(path: Path, extra: tuple[str, ...] = ()) -> list[str]:
    """What the report should say about the warnings the importer gives for `path`."""
    warnings = [*extra, *(f"line {w.line}: {w.message}" for w in _parsed_warnings(path))]
    shown = [f"    {' '.join(text.split())}" for text in warnings[:3]]
    more = [f"    … and {len(warnings) - 3} more"] if len(warnings) > 3 else []
    return [f"  warnings: {len(warnings)}", *shown, *more]


def _parsed_warnings(path: Path) -> tuple:
    return importers.parse_file(path).protocol.warnings


def test_reports_each_file_and_sums_up_without_crashing_on_garbage(tmp_path: Path) -> None:
    folder = tmp_path / "arkiv"
    folder.mkdir()
    first = shutil.copy(SEEDS / "000_40086cb381e27565.txt", folder / "a-samverkan.txt")
    second = shutil.copy(SEEDS / "003_44158b9f6cb25cbd.txt", folder / "b-regionalt.txt")
    (folder / "c-skräp.txt").write_bytes(b"\x00\x01\x02 PK\x03\x04 not text at all")
    (folder / "d-inkopslista.txt").write_text("Mjölk\nBröd\nSmör\n", encoding="utf-8")
    done = report(folder)
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout and done.stderr == ""
    files, summary = blocks(done.stdout)
    assert list(files) == [f"arkiv/{name}" for name in sorted(p.name for p in folder.iterdir())]
    assert files["arkiv/a-samverkan.txt"] == [
        "imported",
        ALL_HEAD,
        "  attendees: 17 (17 present, 0 absent); items: 13",
        *warning_lines(Path(first)),
    ]
    assert files["arkiv/b-regionalt.txt"] == [
        "imported",
        ALL_HEAD,
        "  attendees: 50 (16 present, 34 absent); items: 8",
        *warning_lines(Path(second)),
    ]
    assert (
        "    line 20: Tom Rymoén signs as adjuster but is marked absent"
        in files["arkiv/b-regionalt.txt"]
    )
    assert files["arkiv/c-skräp.txt"][0].startswith("refused: line 1: binary data")
    assert files["arkiv/d-inkopslista.txt"][0].startswith("refused: ")
    assert summary == (
        "4 files: 2 imported, 2 refused; head fields 16/16 found; "
        "67 attendees (33 present, 34 absent); 21 items"
    )


def test_a_missing_head_field_and_a_second_file_of_the_day_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "arkiv"
    folder.mkdir()
    text = (SEEDS / "000_40086cb381e27565.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("Plats:")]
    (folder / "utan-plats.txt").write_text("\n".join(lines), encoding="utf-8")
    same = shutil.copy(SEEDS / "000_40086cb381e27565.txt", folder / "z-samma.txt")
    files, summary = blocks(report(folder).stdout)
    assert files["arkiv/utan-plats.txt"][1] == (
        "  head: 7/8 found: body, date, start, end, chair, secretary, adjusters; missing: location"
    )
    assert files["arkiv/z-samma.txt"] == [  # another file of the same council and day: kept
        "imported",
        ALL_HEAD,
        "  attendees: 17 (17 present, 0 absent); items: 13",
        *warning_lines(Path(same), extra=("possible duplicate of utan-plats.txt",)),
    ]
    assert summary == (
        "2 files: 2 imported, 0 refused; head fields 15/16 found; "
        "34 attendees (34 present, 0 absent); 26 items"
    )


def test_without_folders_it_says_how_to_use_it(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert done.returncode == 2 and "corpus_report.py FOLDER" in done.stdout
    empty = tmp_path / "tom"
    empty.mkdir()
    done = report(empty)
    assert (done.returncode, done.stdout) == (1, "No protocol files found.\n")
