"""A meeting's detail in tabs: overview, attendance, agenda, source, warnings."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from store.rows import MeetingDetail
from tui.i18n import t
from tui.messages import SourceLinesChosen, SourceRequested
from tui.terminal_text import terminal_safe
from tui.widgets import detail_rows as dr
from tui.widgets.record_table import RecordTable
from tui.widgets.source_view import SourceView, encoding_line

TABS = ("overview", "attendance", "agenda", "source", "warnings")


class WarningTable(RecordTable):
    """Import warnings: enter jumps to the line, e marks resolved or open.

    | Key | Action |
    | :- | :- |
    | enter | Show the warning's line in the source. |
    | e | Mark the warning resolved (or open again). |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "source", "key.go_to_line", tooltip="tip.go_to_line"),
        Binding("e", "edit", "key.resolve", tooltip="tip.resolve"),
    ]


class MeetingDetailView(Vertical):
    """The shown meeting. Passive: it shows what the screen gives it."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.detail: MeetingDetail | None = None
        self.lines: tuple[int, int] | None = None
        """The source lines of the row last under a cursor."""

    def compose(self) -> ComposeResult:
        """A title line above the tabs."""
        yield Static(Text(t("detail.none"), style="dim"), id="detail-title")
        with TabbedContent(id="detail-tabs"):
            with TabPane(t("tab.overview"), id="overview"):
                yield RecordTable(
                    dr.OVERVIEW_COLUMNS, add_table="officer", id="overview-table", cursor_type="row"
                )
            with TabPane(t("tab.attendance"), id="attendance"):
                yield RecordTable(
                    dr.ATTENDANCE_COLUMNS,
                    add_table="attendance",
                    id="attendance-table",
                    cursor_type="cell",
                )
            with TabPane(t("tab.agenda"), id="agenda"):
                yield RecordTable(
                    dr.AGENDA_COLUMNS, add_table="agendaitem", id="agenda-table", cursor_type="cell"
                )
                with VerticalScroll(id="agenda-text-scroll"):
                    yield Static(id="agenda-text")
            with TabPane(t("tab.source"), id="source"):
                yield Static(Text(""), id="source-encoding")
                yield SourceView(id="source-view")
            with TabPane(t("tab.warnings"), id="warnings"):
                yield WarningTable(dr.WARNING_COLUMNS, id="warnings-table", cursor_type="row")

    def show(self, detail: MeetingDetail) -> None:
        """Fill every tab with one meeting."""
        if self.detail is None or self.detail.id != detail.id:
            self.lines = None
        self.detail = detail
        self.query_one("#detail-title", Static).update(self._title(detail))
        self.query_one("#overview-table", RecordTable).show_rows(dr.overview_rows(detail))
        self.query_one("#attendance-table", RecordTable).show_rows(
            dr.attendance_rows(detail.attendance)
        )
        self.query_one("#agenda-table", RecordTable).show_rows(dr.agenda_rows(detail.agenda))
        self.query_one("#warnings-table", RecordTable).show_rows(dr.warning_rows(detail.warnings))
        self.query_one(SourceView).show_text(detail.source_text)
        self.query_one("#source-encoding", Static).update(encoding_line(detail.source_encoding))
        self._show_agenda_text()
        open_warnings = sum(not w.resolved for w in detail.warnings)
        self.query_one(TabbedContent).get_tab("warnings").label = t(
            "tab.warnings.count", count=open_warnings
        )

    @staticmethod
    def _title(detail: MeetingDetail) -> Text:
        day = detail.date.isoformat() if detail.date else t("list.no_date")
        title = Text(day + "  ", style="bold")
        title.append(
            terminal_safe(detail.body or t("list.no_body")), style="" if detail.body else "italic"
        )
        title.append(
            "  " + t("detail.reviewed" if detail.reviewed else "detail.not_reviewed"),
            style="bold" if detail.reviewed else "italic",
        )
        if detail.edited:
            title.append("  " + t("detail.edited"), style="italic")
        return title

    @property
    def active_table(self) -> RecordTable | None:
        """The table of the active tab (None on the source tab)."""
        tab = self.query_one(TabbedContent).active
        tables = self.query_one(f"#{tab}").query(RecordTable) if tab else None
        return tables.first() if tables else None

    def focus_active(self) -> None:
        """Move focus into the active tab."""
        target = self.active_table or self.query_one(SourceView)
        target.focus()

    def show_tab(self, tab: str) -> None:
        """Switch to a tab and focus it."""
        self.query_one(TabbedContent).active = tab
        self.call_after_refresh(self.focus_active)

    def show_person(self, person_id: int) -> None:
        """Show the attendance with the cursor on one person's row (their first, if several)."""
        rows = [a.id for a in self.detail.attendance if a.person_id == person_id]
        table = self.query_one("#attendance-table", RecordTable)
        if rows:
            table.move_cursor(row=table.get_row_index(f"attendance-{rows[0]}"), column=0)
        self.show_tab("attendance")

    def action_tab(self, step: int) -> None:
        """Move to the previous or next tab."""
        current = TABS.index(self.query_one(TabbedContent).active or "overview")
        self.show_tab(TABS[(current + step) % len(TABS)])

    def on_source_lines_chosen(self, message: SourceLinesChosen) -> None:
        """Remember the lines, for when the source tab is shown."""
        self.lines = (message.first, message.last)

    def on_source_requested(self, message: SourceRequested) -> None:
        """Show the source at the remembered lines."""
        message.stop()
        self.show_tab("source")

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Scroll the source to the chosen lines when it is shown."""
        if event.pane.id == "source" and self.lines is not None:
            self.call_after_refresh(self.query_one(SourceView).show_lines, *self.lines)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """Show the agenda item under the cursor in full."""
        if event.data_table.id == "agenda-table":
            self._show_agenda_text()

    def _show_agenda_text(self) -> None:
        table = self.query_one("#agenda-table", RecordTable)
        ref = table.current
        items = {item.id: item for item in self.detail.agenda} if self.detail else {}
        self.query_one("#agenda-text", Static).update(
            dr.agenda_text(items.get(ref.row_id) if ref else None)
        )
