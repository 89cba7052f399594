"""Text from the database reaches the screen shown, never obeyed: a row an older protokoll
stored with ESC in it appears with a visible `␛`. And the Source tab says how the file was read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pilot_helpers import WIDE, wait_for
from sqlalchemy.engine import Engine
from textual.widgets import Input, Static, TabbedContent

from store.db import make_engine
from store.loading import import_paths
from tui.app import ProtokollApp
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable
from tui.widgets.people_tables import PeopleTable
from tui.widgets.record_table import RecordTable
from tui.widgets.source_view import SourceView

CLEAR_SCREEN = "\x1b[2J"
OSC_TITLE = "\x1b]0;pwned\x07"
SEEDS = Path(__file__).parents[2] / "samples" / "protocols"


def _spoil(engine: Engine) -> int:
    """Put ESC and OSC into the newest meeting's stored text, as an older database might hold."""
    with sqlite3.connect(engine.url.database) as conn:
        meeting_id, body_id, source_id = conn.execute(
            "SELECT id, body_id, source_id FROM meeting ORDER BY date DESC LIMIT 1"
        ).fetchone()
        first = f"(SELECT min(id) FROM attendance WHERE meeting_id = {meeting_id})"
        conn.execute(
            f"UPDATE attendance SET name_as_written = ? WHERE id = {first}",
            (f"Caroline{CLEAR_SCREEN} Dieker",),
        )
        conn.execute(
            "UPDATE body SET name = ? WHERE id = ?", (f"Regionalt{OSC_TITLE} råd", body_id)
        )
        conn.execute(
            "UPDATE agendaitem SET title = ?, body = ? WHERE meeting_id = ?",
            (f"Titel{OSC_TITLE}", f"Text{CLEAR_SCREEN}", meeting_id),
        )
        conn.execute(
            "UPDATE officer SET name_as_written = ? WHERE meeting_id = ?", ("B\x1bcB", meeting_id)
        )
        conn.execute(
            "UPDATE sourcedocument SET text = ? || text WHERE id = ?",
            (f"Rubrik{CLEAR_SCREEN}{OSC_TITLE}\n", source_id),
        )
        conn.execute(
            "UPDATE person SET name = ? WHERE name = 'Caroline Dieker'",
            (f"Caroline{CLEAR_SCREEN} Dieker",),
        )
    return meeting_id


def _screen_is_clean(app: ProtokollApp) -> bool:
    shot = app.export_screenshot()
    return "\x1b" not in shot and "\x07" not in shot


async def test_escape_in_stored_text_is_shown_not_obeyed(sample_copy: Engine) -> None:
    meeting_id = _spoil(sample_copy)
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        await wait_for(pilot, lambda: screen.detail and screen.detail.id == meeting_id)
        assert "␛]0;pwned␇" in str(screen.query_one(MeetingTable).get_cell(str(meeting_id), "body"))
        assert _screen_is_clean(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.focused, RecordTable))
        tabs = screen.query_one(TabbedContent)
        for tab in ("attendance", "agenda", "source", "warnings", "overview"):
            await pilot.press("right_square_bracket")
            await wait_for(pilot, lambda tab=tab: tabs.active == tab)
            await pilot.pause()
            assert _screen_is_clean(app), f"raw control characters on the {tab} tab"
        names = screen.query_one("#attendance-table", RecordTable)
        assert str(names.get_cell_at((0, 0))) == "Caroline␛[2J Dieker"
        assert screen.query_one(SourceView).text.startswith("Rubrik␛[2J␛]0;pwned␇\n")


async def test_people_search_shows_escape_visibly(sample_copy: Engine) -> None:
    _spoil(sample_copy)
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press(*"Caroline")
        table = app.screen.query_one(PeopleTable)
        await wait_for(pilot, lambda: table.row_count > 0)
        assert "Caroline␛[2J Dieker" in [
            str(table.get_cell_at((i, 0))) for i in range(table.row_count)
        ]
        assert _screen_is_clean(app)


async def test_notifications_show_controls_visibly(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        app.notify(f"Deleted Anna{CLEAR_SCREEN}", title=f"T{OSC_TITLE}", markup=False)
        await pilot.pause()
        (note,) = app._notifications
        assert (note.message, note.title) == ("Deleted Anna␛[2J", "T␛]0;pwned␇")


async def test_source_tab_names_the_encoding(tmp_path: Path) -> None:
    name = "004_9c6807935cccb602.txt"
    path = tmp_path / name
    path.write_bytes((SEEDS / name).read_text(encoding="utf-8").encode("utf-16-le"))
    engine = make_engine(str(tmp_path / "u16.db"))
    assert import_paths(engine, [path]).count("imported") == 1
    app = ProtokollApp(engine=engine)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: screen.detail is not None)
        line = screen.query_one("#source-encoding", Static)
        assert str(line.render()) == "Teckenkodning: UTF-16 little-endian, utan BOM"
    engine.dispose()
