"""Import and export from the app: the same store calls as the CLI, checked on disk."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import SEEDS
from pilot_helpers import WIDE, wait_for
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select
from textual.widgets import Input, Log

from store.db import make_engine
from store.models import Meeting
from tui.app import ProtokollApp
from tui.screens.transfer import ExportScreen, ImportScreen
from tui.widgets.meeting_table import MeetingTable


def _meetings(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count(Meeting.id))).one()


async def test_import_a_protocol_shows_progress_and_summary(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "empty.db"))
    app = ProtokollApp(engine=engine)
    seed = sorted(SEEDS.glob("*.txt"))[0]
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        dialog = app.screen
        dialog.query_one("#import-paths", Input).value = str(seed)
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(dialog, "summary", None))
        assert dialog.summary.count("imported") == 1
        log = "\n".join(dialog.query_one(Log).lines)
        assert "1 importerade" in log and seed.name in log
        assert _meetings(engine) == 1
        await pilot.press("escape")
        rows = app.screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: rows.row_count == 1)


async def test_importing_again_is_unchanged(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        dialog = app.screen
        dialog.query_one("#import-paths", Input).value = str(SEEDS)
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(dialog, "summary", None))
        assert dialog.summary.count("unchanged") == 5
        assert _meetings(sample_copy) == 5


async def test_export_csv_and_read_it_back(sample_copy: Engine, tmp_path: Path) -> None:
    app = ProtokollApp(engine=sample_copy)
    folder = tmp_path / "out"
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        dialog.query_one("#export-folder", Input).value = str(folder)
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(dialog, "written", None))
    assert sorted(p.name for p in folder.iterdir()) == [
        "agenda.csv",
        "attendance.csv",
        "meetings.csv",
        "people.csv",
    ]
    with (folder / "meetings.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 5
    assert {row["date"] for row in rows} >= {"2020-02-26", "2022-09-29"}
