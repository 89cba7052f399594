"""The people search results, and the meetings of the chosen person."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from store.queries import PersonDetail
from store.search import PersonHit
from tui.messages import MeetingChosen, PersonChosen
from tui.widgets.detail_rows import ROLE_NAMES
from tui.widgets.record_table import cell


class PeopleTable(DataTable):
    """One row per person found: name, other spellings, parties, organisations, meetings.

    | Key | Action |
    | :- | :- |
    | enter | Show the person's meetings. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "select_cursor", "Meetings", tooltip="The meetings this person took part in"
        )
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        """Columns, each with a key."""
        self.add_column("Name", key="name")
        self.add_column("Also written", key="spellings")
        self.add_column("Party", key="parties", width=6)
        self.add_column("Organisations", key="organizations")
        self.add_column("Mtgs", key="meetings", width=5)

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


class PersonMeetingsTable(DataTable):
    """The meetings one person took part in, newest first, with their role.

    | Key | Action |
    | :- | :- |
    | enter | Open the meeting. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open meeting", tooltip="Show this meeting")
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        """Columns, each with a key."""
        self.add_column("Date", key="date", width=10)
        self.add_column("Role", key="role", width=11)
        self.add_column("Present", key="present", width=7)
        self.add_column("As written", key="written")
        self.add_column("Party", key="party", width=5)
        self.add_column("Organisation", key="organization")
        self.add_column("Body", key="body")

    def show_person(self, person: PersonDetail) -> None:
        """Replace the rows with this person's meetings."""
        self.clear()
        for number, row in enumerate(person.meetings):
            self.add_row(
                cell(row.date.isoformat() if row.date else ""),
                cell(ROLE_NAMES.get(row.role, row.role)),
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
            self.post_message(MeetingChosen(int(event.row_key.value.split(":")[1])))
