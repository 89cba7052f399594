"""A long list: pages load as the cursor nears the end, and a reload keeps the place."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pilot_helpers import WIDE, wait_for
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from store.db import make_engine
from store.models import Body, Meeting
from store.queries import PAGE_SIZE
from tui.app import ProtokollApp
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable

COUNT = 2 * PAGE_SIZE + 50


def _many_meetings(path: Path) -> Engine:
    engine = make_engine(str(path))
    with engine.begin() as connection:
        connection.execute(insert(Body.__table__).values(id=1, name="Rådet"))
        first = date(2000, 1, 1)
        rows = [{"body_id": 1, "date": first + timedelta(days=n)} for n in range(COUNT)]
        connection.execute(insert(Meeting.__table__), rows)
    return engine


async def test_pages_load_on_the_way_down_and_undo_keeps_the_place(tmp_path: Path) -> None:
    app = ProtokollApp(engine=_many_meetings(tmp_path / "many.db"))
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        table = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: table.row_count == PAGE_SIZE)
        for _ in range(3):
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
        await wait_for(pilot, lambda: table.row_count == COUNT and table.next_cursor is None)
        table.move_cursor(row=PAGE_SIZE + 20)
        chosen = table.meeting_id
        await wait_for(pilot, lambda: screen.detail.id == chosen)
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.detail.reviewed)
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: not screen.detail.reviewed)
        assert screen.detail.id == chosen and table.meeting_id == chosen
        assert table.row_count == COUNT
