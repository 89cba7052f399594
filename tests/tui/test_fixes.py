"""The bugs a new user met (issue 10), each driven through the real app with Pilot."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import SEEDS
from pilot_helpers import WIDE, screen_text, wait_for
from rich.console import Console
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from textual.widgets import Checkbox, Input, Select, Static, TabbedContent, TextArea
from textual.widgets._footer import FooterKey

from store.models import AgendaItem, Meeting, Person
from tui.app import ProtokollApp
from tui.screens.form import ConfirmScreen, FormScreen
from tui.screens.help import HelpScreen
from tui.screens.meetings import MeetingsScreen
from tui.screens.people import PeopleScreen
from tui.screens.reconcile import ReconcileScreen
from tui.screens.transfer import ExportScreen, ImportScreen
from tui.widgets.meeting_table import MeetingTable
from tui.widgets.people_tables import PeopleTable, PersonMeetingsTable
from tui.widgets.record_table import RecordTable

SMALL = (80, 24)


def _names(table: PeopleTable) -> list[str]:
    return [str(table.get_cell_at((i, 0))) for i in range(table.row_count)]


async def _meetings(pilot, app: ProtokollApp) -> MeetingsScreen:
    screen = app.screen
    assert isinstance(screen, MeetingsScreen)
    await wait_for(pilot, lambda: screen.query_one(MeetingTable).row_count and screen.detail)
    return screen


async def _into_detail(pilot, app: ProtokollApp, tab: str = "overview") -> RecordTable:
    screen = await _meetings(pilot, app)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.focused, RecordTable))
    screen.query_one("#meeting-detail").show_tab(tab)
    await wait_for(pilot, lambda: screen.query_one(TabbedContent).active == tab)
    await wait_for(pilot, lambda: app.focused.id == f"{tab}-table")
    return app.focused


async def _people(pilot, app: ProtokollApp) -> PeopleScreen:
    await pilot.press("2")
    await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
    return app.screen


async def test_a_meeting_imported_from_the_people_view_shows_in_the_list(
    sample_copy: Engine, tmp_path: Path
) -> None:
    newer = tmp_path / "2023.txt"
    text = (SEEDS / "003_44158b9f6cb25cbd.txt").read_text(encoding="utf-8")
    newer.write_text(text.replace("29 september 2022", "28 september 2023"), encoding="utf-8")
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        rows = (await _meetings(pilot, app)).query_one(MeetingTable)
        await _people(pilot, app)
        await pilot.press("escape", "i")  # from the search field to the results: i imports
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        dialog = app.screen
        dialog.query_one("#import-paths", Input).value = str(newer)
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(dialog, "summary", None))
        assert dialog.summary.count("imported") == 1, dialog.summary
        await pilot.press("escape", "1")
        await wait_for(pilot, lambda: rows.row_count == 6)
        assert str(rows.get_cell_at((0, 0))) == "2023-09-28"


async def test_enter_on_a_dialog_checkbox_presses_the_button(
    sample_copy: Engine, tmp_path: Path
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await _meetings(pilot, app)
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        dialog.query_one("#export-folder", Input).value = str(tmp_path / "out")
        box = dialog.query_one("#export-excel", Checkbox)
        box.focus()
        await pilot.press("space")
        assert box.value is True
        await pilot.press("enter")
        await wait_for(pilot, lambda: dialog.written)
        assert box.value is True  # enter exported, it did not untick
        head = (tmp_path / "out" / "attendance.csv").read_text(encoding="utf-8-sig")
        assert head.startswith("mötes_id;datum;organ;namn_som_skrivet")
        await pilot.press("escape", "i")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        importer = app.screen
        importer.query_one("#import-paths", Input).value = str(SEEDS)
        importer.query_one("#import-replace", Checkbox).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(importer, "summary", None))
        assert importer.query_one("#import-replace", Checkbox).value is False
        assert importer.summary.count("unchanged") == 5


async def test_view_keys_switch_views_from_the_people_search(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await _meetings(pilot, app)
        people = await _people(pilot, app)
        search = people.query_one("#people-search", Input)
        assert app.focused is search
        await pilot.press("a", "1")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("2")
        await wait_for(pilot, lambda: app.screen is people)
        assert search.value == "a"


async def test_people_shown_before_typing_and_a_new_search_clears_the_person(
    sample_copy: Engine,
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        people = await _people(pilot, app)
        results = people.query_one(PeopleTable)
        await wait_for(pilot, lambda: results.row_count)
        counts = [int(str(results.get_cell_at((i, 4)))) for i in range(results.row_count)]
        assert counts == sorted(counts, reverse=True) and counts[0] >= 3
        await pilot.press(*"lejegren", "enter", "enter")
        meetings = people.query_one(PersonMeetingsTable)
        await wait_for(pilot, lambda: meetings.row_count)
        await pilot.press("slash", "x")
        await wait_for(pilot, lambda: meetings.row_count == 0)
        assert str(people.query_one("#person-title").render()) == ""


async def test_nordkvist_ranks_the_exact_spelling_first(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        people = await _people(pilot, app)
        await pilot.press(*"nordkvist")
        results = people.query_one(PeopleTable)
        await wait_for(pilot, lambda: _names(results)[:2] == ["Anna Nordkvist", "Anna Nordqvist"])


async def test_a_meeting_opened_from_a_person_has_the_cursor_on_them(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        people = await _people(pilot, app)
        await pilot.press(*"gunilla josefsson")
        results = people.query_one(PeopleTable)
        await wait_for(pilot, lambda: _names(results)[:1] == ["Gunilla Josefsson"])
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: people.query_one(PersonMeetingsTable).row_count)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        table = app.screen.query_one("#attendance-table", RecordTable)
        await wait_for(pilot, lambda: app.focused is table)
        await wait_for(pilot, lambda: str(table.get_cell_at((table.cursor_row, 0))) != "")
        assert str(table.get_cell_at((table.cursor_row, 0))) == "Gunilla Josefsson"
        assert table.cursor_row > 0


async def test_help_has_a_reconcile_section(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        await _meetings(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-keys").query_one(Static).content)
        text = console.export_text()
        assert "Samordna" in text and "Slå ihop de kryssade" in text and "Hoppa över" in text


async def test_reconcile_merge_and_different_ask_first_naming_whom(engine_seeds: Engine) -> None:
    app = ProtokollApp(engine=engine_seeds)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("3")
        await wait_for(pilot, lambda: isinstance(app.screen, ReconcileScreen) and app.screen.groups)
        reconcile = app.screen
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.screen.question.startswith("Slå ihop Anna Nordqvist, Anna Nordkvist till")
        await pilot.press("n")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Anna Nordqvist, Anna Nordkvist olika" in app.screen.question
        await pilot.press("escape")
        assert len(reconcile.groups) == 9
        with Session(engine_seeds) as session:
            assert session.exec(select(Person).where(Person.name == "Anna Nordkvist")).first()


async def test_a_typed_canonical_name_is_kept(engine_seeds: Engine) -> None:
    app = ProtokollApp(engine=engine_seeds)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("3")
        await wait_for(pilot, lambda: isinstance(app.screen, ReconcileScreen) and app.screen.groups)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("ctrl+u", *"Anna Nordqvist-Berg", "enter")
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.screen.question.endswith("till Anna Nordqvist-Berg? (ctrl+z ångrar)")
        await pilot.press("y")
        await app.workers.wait_for_complete()
        with Session(engine_seeds) as session:
            assert session.exec(select(Person).where(Person.name == "Anna Nordqvist-Berg")).one()


async def test_home_and_end_go_to_the_first_and_last_row(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        table = await _into_detail(pilot, app, "attendance")
        await pilot.press("right", "end")
        assert (table.cursor_row, table.cursor_column) == (table.row_count - 1, 1)
        await pilot.press("home")
        assert (table.cursor_row, table.cursor_column) == (0, 1)
        assert table.scroll_x == 0


async def test_the_footer_keeps_help_and_quit_at_80_by_24(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _meetings(pilot, app)

        def shown_keys() -> set[str]:
            keys = screen.query(FooterKey)
            return {k.key for k in keys if k.region.right <= SMALL[0] and k.region.width}

        await wait_for(pilot, lambda: {"question_mark", "q"} <= shown_keys())
        await _into_detail(pilot, app, "attendance")
        await pilot.pause(0.2)
        await wait_for(pilot, lambda: {"question_mark", "q", "a", "d"} <= shown_keys())


async def test_an_opened_meeting_keeps_the_body_column_in_view(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await _into_detail(pilot, app, "attendance")
        await pilot.pause(0.2)
        first = next(line for line in screen_text(app).splitlines() if "2022-09-29" in line)
        assert "Regionalt" in first


async def test_add_attendee_shows_role_and_present_at_80_by_24(sample_copy: Engine) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=SMALL) as pilot:
        await _into_detail(pilot, app, "attendance")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.pause(0.2)
        form = app.screen
        for field in ("#field-role", "#field-present"):
            widget = form.query_one(field, Select)
            x, y = widget.region.center
            assert form.get_widget_at(x, y)[0] in (widget, *widget.walk_children()), field
        await pilot.press("tab", "enter", "down", "enter")  # role: ersättare
        await pilot.press("tab", "enter", "down", "enter")  # present: nej
        assert form.values()["role"] == "substitute" and form.values()["present"] == "no"


async def test_a_long_title_is_edited_over_several_lines_and_saved_as_one(
    sample_copy: Engine,
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        table = await _into_detail(pilot, app, "agenda")
        await pilot.press("right")
        item = table.current.row_id
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        field = app.screen.query_one("#field-title", TextArea)
        assert field.soft_wrap
        field.text = "En lång rubrik\nsom fortsätter på nästa rad"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        with Session(sample_copy) as session:
            saved = session.get(AgendaItem, item).title
        assert saved == "En lång rubrik som fortsätter på nästa rad"


async def test_the_date_field_takes_dates_as_the_protocols_write_them(
    sample_copy: Engine,
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=WIDE) as pilot:
        table = await _into_detail(pilot, app)
        meeting = app.screen.detail.id
        table.move_cursor(row=table.get_row_index("date"))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("ctrl+u", *"28/9 2022")
        assert "inget datum" not in str(app.screen.query_one("#error-date").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        with Session(sample_copy) as session:
            assert session.get(Meeting, meeting).date.isoformat() == "2022-09-28"
