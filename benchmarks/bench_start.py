"""How long the app takes from spawning Python to its first screen, against Textual's floor.

    .venv/bin/python benchmarks/bench_start.py [--db PATH] [--runs 7]

Each run spawns a fresh interpreter that opens the app the way `protokoll`
does (`tui.cli` first, then `CliState.make_app`), headless at 120×40, and
stamps the wall clock when:

- first screen: the meetings list shows rows of the database and the newest
  meeting's detail is on screen; the list has the focus and takes keys;
- first key answered: `down` was pressed at once, and the next meeting's detail
  is on screen (the store is still loading in the background then, so this
  is the slowest a first key can be);
- engine made: the store's engine exists (the ORM imported).

The floor is a minimal Textual app (one DataTable, five rows) timed the same
way. Runs go without PYTHONDONTWRITEBYTECODE, as a user's do: with it set,
every module changed since its .pyc was written compiles again at each start
(20 ms or more here). Without --db it uses sample.db (copied). Prints
medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]

APP_START = """
import asyncio, json, sys, time
from tui.cli import app as cli  # what `protokoll` loads first
from tui.commands.state import CliState
from tui.widgets.meeting_table import MeetingTable

stamps = {}

def stamp(name):
    stamps.setdefault(name, time.time())

async def until(condition):
    while True:
        try:
            if condition():
                return
        except Exception:
            pass
        if app.store.made:
            stamp("engine made")
        await asyncio.sleep(0.001)

async def main():
    global app
    app = CliState(given=sys.argv[1]).make_app("sv")
    async with app.run_test(size=(120, 40)):
        await until(lambda: app.screen.query_one(MeetingTable).row_count and app.screen.detail)
        stamp("first screen")
        shown = app.screen.detail.id
        app.simulate_key("down")  # as a terminal sends it (Pilot.press waits for every widget)
        await until(lambda: app.screen.detail.id != shown)
        stamp("first key answered")
        await until(lambda: app.store.made)
        stamp("engine made")
    print(json.dumps(stamps), flush=True)

asyncio.run(main())
"""

FLOOR = """
import asyncio, json, time
from textual.app import App
from textual.widgets import DataTable

class Floor(App):
    def compose(self):
        yield DataTable()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Datum", "Organ")
        for n in range(1, 6):
            table.add_row(f"2022-0{n}-01", f"Organ {n}")
        table.focus()

async def main():
    app = Floor()
    async with app.run_test(size=(120, 40)):
        while not app.query_one(DataTable).row_count:
            await asyncio.sleep(0.001)
        stamp = time.time()
    print(json.dumps({"first screen": stamp}), flush=True)

asyncio.run(main())
"""


def spawned(script: str, *args: str) -> dict[str, float]:
    """Seconds from spawning `script` in a fresh interpreter to each moment it stamped."""
    # As an installed app starts: with its bytecode written once, not compiled at every start.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    stamps = json.loads(done.stdout.strip().splitlines()[-1])
    return {name: when - began for name, when in stamps.items()}


def medians(script: str, *args: str, runs: int = 7) -> dict[str, float]:
    """The median of each figure over `runs` runs, after one run not counted (a warm cache)."""
    spawned(script, *args)
    found = [spawned(script, *args) for _ in range(runs)]
    return {name: statistics.median(run[name] for run in found) for name in found[0]}


def app_start(path: Path, runs: int = 7) -> dict[str, float]:
    """The app's start figures on the database at `path` (see the module's docstring)."""
    return medians(APP_START, str(path), runs=runs)


def floor(runs: int = 7) -> float:
    """A minimal Textual app's spawn to first screen, in seconds."""
    return medians(FLOOR, runs=runs)["first screen"]


def print_start(path: Path, runs: int = 7) -> None:
    """The start figures, the floor and their difference, in milliseconds."""
    figures, least = app_start(path, runs), floor(runs)
    first = figures["first screen"]
    print(f"spawn to first screen      {first * 1000:7.0f} ms   (aim < 600; median of {runs})")
    print(f"  first key answered       {figures['first key answered'] * 1000:7.0f} ms")
    print(f"  engine made              {figures['engine made'] * 1000:7.0f} ms")
    over = (first - least) * 1000
    print(f"  minimal Textual app      {least * 1000:7.0f} ms   (the floor; ours is +{over:.0f})")


def main() -> None:
    """Time the start on --db (else a copy of sample.db), print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, help="an SQLite file (benchmarks/bench_tui.py builds a big one)"
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = args.db
    if path is None:
        path = Path(tempfile.mkdtemp()) / "sample.db"
        shutil.copy(ROOT / "sample.db", path)
    print_start(path, args.runs)


if __name__ == "__main__":
    main()
