"""Which dialog field edits which database field, and how a typed value is checked."""

from __future__ import annotations

import re

from store.edits import EditError, parse_value
from store.paragraphs import check_ranges
from store.queries import Choices
from tui.screens.form import Check, FieldSpec
from tui.widgets.detail_rows import ROLE_NAMES

PARTY = re.compile(r"^[A-ZÅÄÖ]{1,6}$")
TOGGLED = {("meeting", "reviewed"), ("attendance", "present"), ("importwarning", "resolved")}
"""Yes/no fields: `e` flips them, no dialog."""
MULTILINE = {"body", "decisions", "attachments", "next_meeting_text"}
HINTS = {
    "date": "YYYY-MM-DD",
    "adjusted_on": "YYYY-MM-DD, empty if not adjusted",
    "next_meeting": "YYYY-MM-DD, empty if none",
    "start_time": "HH:MM, e.g. 9:00",
    "end_time": "HH:MM, e.g. 16:30",
    "party": "Party code, e.g. S, M, KD; a new code is confirmed",
    "organization": "Pick a known organisation (down arrow); a new one is confirmed",
    "body": "The item's text: paragraphs separated by a blank line",
    "decisions": "One decision (Beslut) per line",
    "attachments": "One attachment (Bilaga) per line",
    "paragraphs": "The §§ attended, e.g. 1-6, 9-34; empty if all of them",
}
LABELS = {
    "name_as_written": "Name as written",
    "organization": "Organisation",
    "start_time": "Start time",
    "end_time": "End time",
    "adjusted_on": "Adjusted on",
    "next_meeting": "Next meeting",
    "next_meeting_text": "Next meeting, as written",
    "body": "Text",
    "number": "Number (§)",
    "paragraphs": "Paragraphs attended (§§)",
}


def stored_check(table_name: str, field: str) -> Check:
    """A check that asks the store whether it would accept the value."""

    def check(value: str) -> str | None:
        try:
            parse_value(table_name, field, value)
        except EditError as error:
            return str(error)
        return None

    return check


def check_party(value: str) -> str | None:
    """A party code: a few capital letters, or nothing."""
    value = value.strip().upper()
    return None if not value or PARTY.match(value) else "a party code is 1-6 letters, e.g. S or KD"


def check_name(value: str) -> str | None:
    """A name: anything but empty."""
    return None if value.strip() else "must not be empty"


def edit_spec(table_name: str, field: str, value: str, choices: Choices) -> FieldSpec:
    """The dialog field that edits `table_name.field`, starting from `value`."""
    label = LABELS.get(field, field.replace("_", " ").capitalize())
    if table_name == "meeting" and field == "body":
        names = tuple(name for _, name in choices.bodies)
        hint = "Pick a known body (down arrow); a new one is confirmed"
        return FieldSpec(field, "Body", value, check_name, suggestions=names, hint=hint)
    if field == "organization":
        names = tuple(name for _, name in choices.organizations)
        return FieldSpec(field, label, value, suggestions=names, hint=HINTS[field])
    if field == "party":
        return FieldSpec(
            field, "Party", value, check_party, suggestions=choices.parties, hint=HINTS[field]
        )
    if field == "role":
        roles = (
            ("member", "substitute", "other")
            if table_name == "attendance"
            else ("chair", "secretary", "adjuster")
        )
        return FieldSpec(field, "Role", value, choices=tuple((ROLE_NAMES[r], r) for r in roles))
    if field == "paragraphs":
        return FieldSpec(field, label, value, check_ranges, hint=HINTS[field])
    if field == "name_as_written":
        return FieldSpec(
            field, label, value, check_name, hint="The person is relinked to this spelling"
        )
    multiline = field in MULTILINE
    return FieldSpec(
        field,
        label,
        value,
        stored_check(table_name, field),
        multiline=multiline,
        hint=HINTS.get(field, ""),
    )


def attendee_specs(choices: Choices) -> list[FieldSpec]:
    """The fields of a new attendance row."""
    return [
        edit_spec("attendance", "name_as_written", "", choices),
        edit_spec("attendance", "party", "", choices),
        edit_spec("attendance", "organization", "", choices),
        edit_spec("attendance", "role", "member", choices),
        FieldSpec("present", "Present", "yes", choices=(("ja", "yes"), ("nej", "no"))),
    ]


def officer_specs(choices: Choices) -> list[FieldSpec]:
    """The fields of a new chair, secretary or adjuster."""
    return [
        edit_spec("officer", "role", "adjuster", choices),
        edit_spec("officer", "name_as_written", "", choices),
    ]


def agenda_specs(next_number: int) -> list[FieldSpec]:
    """The fields of a new agenda item."""
    return [
        FieldSpec(
            "number", LABELS["number"], str(next_number), stored_check("agendaitem", "number")
        ),
        FieldSpec("title", "Title", "", check_name),
    ]
