"""Rebuild `sample.db` from `samples/protocols` with protokoll's own import command.

    .venv/bin/python scripts/build_sample_db.py [--out PATH]

The import runs in a fresh database next to the target, through the installed
`protokoll` command, from the repository root so that stored paths are
relative (`samples/protocols/000_….txt`). The result is then switched out of
vacuumed and left in WAL mode, the mode protokoll opens it in, so that opening
it changes nothing; with the WAL folded in, the file is complete on its own
(no -wal or -shm beside it). Finally it is moved over the target.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = "samples/protocols"
SIDE_FILES = ("-wal", "-shm", "-journal")


def build(target: Path) -> None:
    """Import the samples into a new database and move it to `target`."""
    _warn_if_uncommitted()
    target = target.resolve()
    scratch = target.with_name(target.name + ".building")
    _remove(scratch)
    command = [str(Path(sys.executable).with_name("protokoll")), "--db", str(scratch)]
    result = subprocess.run([*command, "import", SAMPLES], cwd=ROOT, text=True, capture_output=True)
    if result.returncode != 0:
        _remove(scratch)
        sys.exit(f"import failed:\n{result.stdout}{result.stderr}")
    _make_self_contained(scratch)
    os.replace(scratch, target)
    print(result.stdout.strip())


def _make_self_contained(path: Path) -> None:
    """Compact the file and fold the WAL into it, leaving it in WAL mode."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    leftovers = [s for s in SIDE_FILES if Path(f"{path}{s}").exists()]
    if leftovers:
        sys.exit(f"{path} still has {', '.join(leftovers)} beside it")


def _warn_if_uncommitted() -> None:
    """sample.db is committed: built from uncommitted code, it would match no commit."""
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", "importers", "store", "samples"],
            cwd=ROOT,
            text=True,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return
    if status.strip():
        print(
            f"warning: uncommitted changes under importers/, store/ or samples/:\n{status}",
            file=sys.stderr,
        )


def _remove(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> None:
    """Parse the command line and build."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "sample.db", help="where to write")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
