"""The headless packages never pull in the UI (nor `importers` the database).

Each import runs in a fresh interpreter so that modules other tests loaded do not hide
a stray import.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ("textual", "typer", "tui")
DATABASE = ("store", "sqlmodel", "sqlalchemy")


def modules_after_import(module: str) -> set[str]:
    """Names in `sys.modules` after importing `module` in a new interpreter."""
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def offenders(loaded: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        name for name in loaded for top in forbidden if name == top or name.startswith(top + ".")
    )


def test_the_check_sees_an_imported_package() -> None:
    # Guards the test itself: importing tui must show up as tui.
    assert offenders(modules_after_import("tui"), ("tui",))


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [("importers", UI + DATABASE), ("store", UI)],
    ids=["importers", "store"],
)
def test_headless_package_imports_no_ui(module: str, forbidden: tuple[str, ...]) -> None:
    loaded = modules_after_import(module)
    assert module in loaded
    assert offenders(loaded, forbidden) == []
