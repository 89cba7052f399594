"""Messages shared between the app's widgets and screens.

Widgets are passive: they show what a screen gives them and post these
messages to say what the person asked for. Screens do the work.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class MeetingHighlighted(Message):
    """The cursor of the meetings list moved onto a meeting."""

    meeting_id: int


@dataclass
@dataclass
class ListEndWanted(Message):
    """Home or End in a paged meetings list: show its first (or last) page, the cursor there."""

    first: bool


class MoreMeetingsWanted(Message):
    """The meetings list is near its last loaded row: load the next page."""


@dataclass
class EditRequested(Message):
    """The person asked to change one field of one row."""

    table_name: str
    row_id: int
    field: str


@dataclass
class AddRequested(Message):
    """The person asked to add a row to a table of the shown meeting."""

    table_name: str


@dataclass
class DeleteRequested(Message):
    """The person asked to delete one row."""

    table_name: str
    row_id: int
    label: str
    """What the row is, in words, for the confirmation."""


@dataclass
class SourceLinesChosen(Message):
    """A row that came from these source lines (1-based, inclusive) was highlighted."""

    first: int
    last: int


@dataclass
class SourceRequested(Message):
    """The person asked to see the source at the chosen lines."""


@dataclass
class PersonChosen(Message):
    """The person asked to open one person of the search results."""

    person_id: int


@dataclass
class MeetingChosen(Message):
    """The person asked to open one meeting (from anywhere in the app)."""

    meeting_id: int
    person_id: int | None = None
    """Put the cursor on this person's row of the attendance."""


@dataclass
class DataChanged(Message):
    """The database changed outside the current screen's own edits (undo, import)."""

    from_top: bool = False
    """Show the list from its newest meeting (new meetings may have arrived)."""
