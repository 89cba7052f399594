"""The people search results, and the meetings of the chosen person."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from store.rows import PersonDetail
from store.search import PersonHit
from tui.i18n import t
from tui.messages import MeetingChosen, PersonChosen
from tui.widgets.detail_rows import role_name
from tui.widgets.keyed_table import KeyedTable
from tui.widgets.record_table import cell


class PeopleTable(KeyedTable):
    """One row per person found: name, other spellings, parties, organisations, meetings.

    | Key | Action |
    | :- | :- |
    | enter | Show the person's meetings. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "key.person_meetings", tooltip="tip.person_meetings"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        """Columns, each with a key."""
        self.add_column(t("col.name"), key="name")
        self.add_column(t("col.also_written"), key="spellings")
        self.add_column(t("col.party"), key="parties", width=6)
        self.add_column(t("col.organizations"), key="organizations")
        self.add_column(t("col.meetings_count"), key="meetings", width=5)

    def show_hits(self, hits: list[PersonHit]) -> None:
        """Replace the rows with these hits, best first."""
        self.clear()
        for hit in hits:
            self.add_row(
                cell(hit.name, style="bold"),
                cell(", ".join(hit.other_spellings)),
                cell(", ".join(hit.parties)),
                cell(", ".join(hit.organizations)),
                Text(str(hit.meetings), justify="right"),
                key=str(hit.person_id),
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Ask for the chosen person's meetings."""
        event.stop()
        if event.row_key.value is not None:
            self.post_message(PersonChosen(int(event.row_key.value)))


class PersonMeetingsTable(KeyedTable):
    """The meetings one person took part in, newest first, with their role.

    | Key | Action |
    | :- | :- |
    | enter | Open the meeting. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "key.open_meeting", tooltip="tip.open_meeting"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.person_id: int | None = None
        """Whose meetings are shown."""

    def on_mount(self) -> None:
        """Columns, each with a key."""
        self.add_column(t("col.date"), key="date", width=10)
        self.add_column(t("col.role"), key="role", width=11)
        self.add_column(t("col.present"), key="present", width=10)
        self.add_column(t("col.as_written"), key="written")
        self.add_column(t("col.party"), key="party", width=5)
        self.add_column(t("col.organization"), key="organization")
        self.add_column(t("col.body"), key="body")

    def show_person(self, person: PersonDetail) -> None:
        """Replace the rows with this person's meetings."""
        self.clear()
        self.person_id = person.id
        for number, row in enumerate(person.meetings):
            self.add_row(
                cell(row.date.isoformat() if row.date else ""),
                cell(role_name(row.role)),
                cell(row.present),
                cell(row.name_as_written),
                cell(row.party),
                cell(row.organization),
                cell(row.body),
                key=f"{number}:{row.meeting_id}",
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Ask to open the chosen meeting."""
        event.stop()
        if event.row_key.value is not None:
            meeting_id = int(event.row_key.value.split(":")[1])
            self.post_message(MeetingChosen(meeting_id, self.person_id))
