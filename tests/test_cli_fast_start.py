"""`protokoll --help` and `--version` load no database code, Textual or store.

Each case runs the real entry point in a fresh interpreter and lists the
modules it imported: a top-level `import sqlalchemy` creeping back into a
command module shows here, whatever the machine's speed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import export, reconcile
from tui.commands import exporting, people

ROOT = Path(__file__).parent.parent
HEAVY = ("sqlalchemy", "sqlmodel", "textual", "store", "importers", "rapidfuzz")
RUN = """
import json, sys
sys.argv = ["protokoll", *json.loads(sys.argv[1])]
from tui.cli import main
try:
    main()
except SystemExit as done:
    code = done.code or 0
print("\\n@@" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def run_cli(*args: str) -> tuple[str, int, set[str]]:
    """What `protokoll args` printed, its status, and the top-level packages it imported."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PROTOKOLL_LANG": "sv"},
    )
    shown, _, tail = done.stdout.rpartition("\n@@")
    found = json.loads(tail)
    return shown, found["code"], {name.split(".")[0] for name in found["modules"]}


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--lang", "en", "--help"], ["people", "--help"], ["export", "--help"]],
)
def test_help_imports_no_database_ui_or_store(args: list[str]) -> None:
    shown, code, packages = run_cli(*args)
    assert code == 0
    assert "protokoll" in shown
    assert packages.isdisjoint(HEAVY), sorted(packages & set(HEAVY))


def test_help_is_swedish_and_lists_version() -> None:
    shown, _, _ = run_cli("--help")
    assert "Kommandon:" in shown
    assert "--version" in shown and "Visa versionen" in shown


def test_version_prints_the_package_version_and_loads_nothing_more() -> None:
    from importlib.metadata import version

    shown, code, packages = run_cli("--version")
    assert code == 0
    assert shown.strip() == f"protokoll {version('protokoll')}"
    assert packages.isdisjoint(HEAVY)


def test_version_after_other_options() -> None:
    shown, code, _ = run_cli("--lang", "en", "--version")
    assert (code, shown.split()[0]) == (0, "protokoll")


def test_a_real_command_still_loads_the_store(tmp_path: Path) -> None:
    _, code, packages = run_cli("--db", str(tmp_path / "none.db"), "history")
    assert code == 1  # no such database: said so, before anything is made
    assert "store" in packages


def test_names_copied_for_help_match_the_store() -> None:
    assert exporting.TABLE_NAMES == export.TABLE_NAMES
    assert people.DEFAULT_SUGGEST_SCORE == reconcile.DEFAULT_SUGGEST_SCORE
    assert people.DEFAULT_AUTO_SCORE == reconcile.DEFAULT_AUTO_SCORE
