"""ctrl+z / ctrl+y walk the one history in the app: imports too, and a refusal is a message."""

from __future__ import annotations

from pilot_helpers import WIDE, wait_for
from sqlalchemy.engine import Engine
from sqlmodel import Session

from store import edits
from store.models import Meeting
from tui.app import ProtokollApp
from tui.screens.meetings import MeetingsScreen
from tui.widgets.meeting_table import MeetingTable


def _messages(app: ProtokollApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_ctrl_z_takes_back_the_newest_import_and_ctrl_y_puts_it_back(
    sample_copy: Engine,
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        table = screen.query_one(MeetingTable)
        await wait_for(pilot, lambda: table.row_count == 5)
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: table.row_count == 4)
        assert any(m.startswith("Ångrade: Importerade 00") for m in _messages(app))
        await pilot.press("ctrl+y")
        await wait_for(pilot, lambda: table.row_count == 5)


async def test_an_undo_that_no_longer_fits_is_a_message_and_the_app_stays(
    sample_copy: Engine,
) -> None:
    edits.update_field(sample_copy, "meeting", 1, "location", "Almen")
    with sample_copy.begin() as conn:  # changed again, behind protokoll's back
        conn.exec_driver_sql("UPDATE meeting SET location = 'Annan' WHERE id = 1")
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one(MeetingTable).row_count == 5)
        await pilot.press("ctrl+z")
        await wait_for(
            pilot, lambda: any("Kan inte ångra ”Plats för mötet" in m for m in _messages(app))
        )
        assert app.is_running
    with Session(sample_copy) as session:
        assert session.get(Meeting, 1).location == "Annan", "the refused undo changed nothing"
