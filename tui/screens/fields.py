"""Which dialog field edits which database field, and how a typed value is checked."""

from __future__ import annotations

import re

from store.rows import Choices
from tui.i18n import t
from tui.screens.form import Check, FieldSpec
from tui.store_words import told
from tui.widgets.detail_rows import role_name

PARTY = re.compile(r"^[A-ZÅÄÖ]{1,6}$")
TOGGLED = {("meeting", "reviewed"), ("attendance", "present"), ("importwarning", "resolved")}
"""Yes/no fields: `e` flips them, no dialog."""
MULTILINE = {"body", "decisions", "attachments", "next_meeting_text", "title"}
ONE_LINE = {"title"}
"""Shown over several lines, saved as one: a long title wraps while it is edited."""
DATES = {"date", "adjusted_on", "next_meeting"}
HINTED = {
    "date",
    "adjusted_on",
    "next_meeting",
    "start_time",
    "end_time",
    "party",
    "organization",
    "body",
    "decisions",
    "attachments",
    "title",
    "paragraphs",
}


def label_of(field: str) -> str:
    """A field's name as the dialog shows it."""
    return t(f"field.{field}")


def hint_of(field: str) -> str:
    """The grey line under a field."""
    return t(f"hint.{field}") if field in HINTED else ""


def typed_date(text: str) -> str:
    """A date as typed (`29/9 2022`, `29 september 2022`, `2022-09-29`) in ISO form.

    Text that is not wholly one date is returned as typed, for the check to reject.
    """
    # Imported when a dialog is checked, not with the first screen (the app loads it early).
    from importers.swedish_dates import InvalidDate, find_date

    text = text.strip()
    try:
        found = find_date(text) if text else None
    except InvalidDate:
        return text
    if found is None or found.written.strip().rstrip(".") != text.rstrip("."):
        return text
    return found.value.isoformat()


def typed_value(field: str, value: str) -> str:
    """What a typed value is saved as."""
    if field in DATES:
        return typed_date(value)
    if field in ONE_LINE:
        return " ".join(value.split())
    return value.rstrip() if "\n" in value else value.strip()


def stored_check(table_name: str, field: str) -> Check:
    """A check that asks the store whether it would accept the value."""

    def check(value: str) -> str | None:
        from store.edits import EditError, parse_value  # loaded by then (see `typed_date`)

        try:
            parse_value(table_name, field, typed_value(field, value))
        except EditError:
            return t(f"check.{field}") if field in HINTED else t("check.invalid")
        return None

    return check


def check_party(value: str) -> str | None:
    """A party code: a few capital letters, or nothing."""
    value = value.strip().upper()
    return None if not value or PARTY.match(value) else t("check.party")


def check_paragraphs(value: str) -> str | None:
    """Paragraph ranges such as `1-6, 9-34`, or nothing (all of them)."""
    from store.paragraphs import check_ranges  # loaded by then (see `typed_date`)

    problem = check_ranges(value)
    return told(problem) if problem else None


def check_name(value: str) -> str | None:
    """A name: anything but empty."""
    return None if value.strip() else t("check.empty")


def edit_spec(table_name: str, field: str, value: str, choices: Choices) -> FieldSpec:
    """The dialog field that edits `table_name.field`, starting from `value`."""
    label = label_of(field)
    if table_name == "meeting" and field == "body":
        names = tuple(name for _, name in choices.bodies)
        return FieldSpec(field, label, value, check_name, suggestions=names, hint=t("hint.council"))
    if field == "organization":
        names = tuple(name for _, name in choices.organizations)
        return FieldSpec(field, label, value, suggestions=names, hint=hint_of(field))
    if field == "party":
        return FieldSpec(
            field, label, value, check_party, suggestions=choices.parties, hint=hint_of(field)
        )
    if field == "role":
        roles = (
            ("member", "substitute", "other")
            if table_name == "attendance"
            else ("chair", "secretary", "adjuster")
        )
        return FieldSpec(field, label, value, choices=tuple((role_name(r), r) for r in roles))
    if field == "paragraphs":
        return FieldSpec(field, label, value, check_paragraphs, hint=hint_of(field))
    if field == "name_as_written":
        return FieldSpec(field, label, value, check_name, hint=t("hint.name_as_written"))
    check = check_name if field == "title" else stored_check(table_name, field)
    return FieldSpec(field, label, value, check, multiline=field in MULTILINE, hint=hint_of(field))


def present_spec(value: bool = True) -> FieldSpec:
    """The yes/no field of whether an attendee was there."""
    return FieldSpec(
        "present",
        label_of("present"),
        "yes" if value else "no",
        choices=((t("yes"), "yes"), (t("no"), "no")),
    )


def attendee_specs(choices: Choices) -> list[FieldSpec]:
    """The fields of a new attendance row: who, in what role, whether present, then party."""
    return [
        edit_spec("attendance", "name_as_written", "", choices),
        edit_spec("attendance", "role", "member", choices),
        present_spec(),
        edit_spec("attendance", "party", "", choices),
        edit_spec("attendance", "organization", "", choices),
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
            "number", label_of("number"), str(next_number), stored_check("agendaitem", "number")
        ),
        FieldSpec("title", label_of("title"), "", check_name),
    ]
