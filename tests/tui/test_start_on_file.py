"""The app opened on a database file: its first screen before the store, then everything else.

`protokoll` opens an SQLite file at the current schema as `ProtokollApp(database=...)`:
the meetings view reads its first screen with plain SQL and the store loads in a
worker thread after it. These tests drive that app (the other tests give it an
engine) and run the real start in a fresh interpreter to see what it imported.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pilot_helpers import WIDE, screen_text, wait_for

from store import queries
from store.db import make_engine
from tui.app import ProtokollApp
from tui.commands.state import CliState
from tui.screens.meetings import MeetingsScreen
from tui.screens.people import PeopleScreen
from tui.widgets.meeting_table import MeetingTable

ROOT = Path(__file__).parents[2]
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "rapidfuzz", "alembic", "importers")


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    """A copy of sample.db, as a path."""
    copy = tmp_path / "sample.db"
    shutil.copy(ROOT / "sample.db", copy)
    return copy


async def test_first_screen_shows_what_the_store_reads_then_the_app_works_on(
    sample_file: Path,
) -> None:
    engine = make_engine(str(sample_file))
    page = queries.meeting_page(engine)
    newest, second = page.rows[0].id, page.rows[1].id
    app = ProtokollApp(database=str(sample_file))
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        table = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: table.row_count and screen.detail)
        assert screen.detail == queries.meeting_detail(engine, newest)
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == [
            row.date.isoformat() for row in page.rows
        ]
        assert "5 möten" in screen_text(app)
        await wait_for(pilot, lambda: app.store.made)  # made in the background, never asked for
        await pilot.press("down")
        await wait_for(pilot, lambda: screen.detail.id == second)
        await pilot.press("r")
        await wait_for(pilot, lambda: queries.meeting_detail(engine, second).reviewed)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
        await pilot.press("1")
        await wait_for(pilot, lambda: app.screen is screen and screen.detail.reviewed)
    app.store.engine().dispose()
    engine.dispose()


async def test_a_url_is_opened_through_the_engine(sample_file: Path) -> None:
    app = ProtokollApp(database=f"sqlite:///{sample_file}")
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: screen.query_one(MeetingTable).row_count == 5)
        assert app.first_screen_file is None and app.store.made
        await wait_for(pilot, lambda: screen.detail is not None)
    app.store.engine().dispose()


async def test_a_newer_schema_is_told_and_the_app_stays_open(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    make_engine(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    app = ProtokollApp(database=str(path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_for(pilot, lambda: app._notifications)
        await app.workers.wait_for_complete()
        (told,) = [n.message for n in app._notifications]  # once, though two workers asked
        assert "newer protokoll" in told and "0099_from_the_future" in told
        assert app.is_running and app.screen.query_one(MeetingTable).row_count == 0


def test_the_cli_opens_a_current_file_without_the_engine(sample_file: Path) -> None:
    app = CliState(given=str(sample_file)).make_app("sv")
    assert app.first_screen_file == sample_file and not app.store.made


def test_the_cli_upgrades_an_older_file_before_the_app_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "release-0.1.0.db", old)
    app = CliState(given=str(old)).make_app("sv")
    assert app.first_screen_file is None and app.store.made
    assert "upgraded from schema" in capsys.readouterr().err  # said before the app is up
    app.store.engine().dispose()


START = """
import asyncio, json, sys
from tui.cli import app as cli  # as `protokoll` starts
from tui.commands.state import CliState
from tui.widgets.meeting_table import MeetingTable

HEAVY = json.loads(sys.argv[2])
seen = {}

def loaded():
    return sorted(name for name in HEAVY if name in sys.modules)

async def main():
    app = CliState(given=sys.argv[1]).make_app("sv")
    async with app.run_test(size=(80, 24)) as pilot:
        while not (app.screen.query_one(MeetingTable).row_count and app.screen.detail):
            await asyncio.sleep(0.005)
        seen["first screen"] = loaded()
        while not app.store.made:
            await asyncio.sleep(0.005)
        await app.workers.wait_for_complete()
        seen["later"] = loaded()
    print(json.dumps(seen))

asyncio.run(main())
"""


def test_the_first_screen_imports_no_sqlalchemy_and_the_store_comes_after(
    sample_file: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", START, str(sample_file), json.dumps(HEAVY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["first screen"] == []
    assert {"sqlalchemy", "sqlmodel", "importers"} <= set(seen["later"])
