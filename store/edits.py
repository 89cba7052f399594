"""Changes people make to what a meeting says, each one entry in the history.

Every function here is one transaction that makes the change and writes its
history entry (`store.history`), so one undo takes it back. Values typed by a
person are checked by `store.values`. The names below from those two modules
are re-exported, because the app has always found them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from store import history
from store.history import (
    content_edits_of,
    edited_meeting_ids,
    is_edited,
    meeting_of,
    redo,
    undo,
)
from store.identities import WHOLE_ROW, RowMissing
from store.models import (
    AgendaItem,
    Attendance,
    Body,
    Officer,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)
from store.names import alias_key
from store.values import (
    KEEP_FILLED,
    READ_ONLY_FIELDS,
    ROLES,
    EditError,
    check_choice,
    from_json,
    model_of,
    parse_value,
    table_of,
    to_json,
)

__all__ = [
    "KEEP_FILLED",
    "READ_ONLY_FIELDS",
    "ROLES",
    "WHOLE_ROW",
    "EditError",
    "EditResult",
    "add_agenda_item",
    "add_attendee",
    "add_officer",
    "content_edits_of",
    "delete_row",
    "edited_meeting_ids",
    "find_organization",
    "from_json",
    "insert_row",
    "is_edited",
    "meeting_of",
    "model_of",
    "parse_value",
    "redo",
    "rename_attendee",
    "set_body",
    "set_organization",
    "set_reviewed",
    "table_of",
    "to_json",
    "undo",
    "update_field",
]


@dataclass(frozen=True)
class EditResult:
    """One stored change, as the app shows it (`batch`: its history entry, 0 if none)."""

    table_name: str
    row_id: int
    field: str
    old: Any
    new: Any
    batch: int
    meeting_id: int | None


def _begin(session: Session, action: str, row: SQLModel) -> history.Entry:
    return history.begin(session.connection(), action, meeting_id=meeting_of(row))


def _get(session: Session, table_name: str, row_id: int) -> Any:
    row = session.get(model_of(table_name), row_id)
    if row is None:
        raise EditError(f"{table_name} {row_id} no longer exists")
    return row


# --- making changes ----------------------------------------------------------------------------


def update_field(
    engine: Engine, table_name: str, row_id: int, field: str, value: Any, *, action: str = "edit"
) -> EditResult:
    """Validate `value`, store it in `table_name.field` of one row and log it: one transaction.

    Raises `EditError` for a bad value or a missing row; nothing is stored then.
    A value equal to the stored one changes nothing and writes no entry.
    """
    new = parse_value(table_name, field, value)
    with Session(engine) as session:
        row = _get(session, table_name, row_id)
        old = getattr(row, field)
        if old == new:
            return EditResult(table_name, row_id, field, old, new, 0, meeting_of(row))
        entry = _begin(session, action, row)
        try:
            entry.update(row, field, old, new)
        except RowMissing as missing:  # a link typed as an id that no row has
            what = history.TABLE_WORDS.get(missing.table_name, missing.table_name)
            raise EditError(f"there is no {what} {new}") from None
        setattr(row, field, new)
        if action == "review":
            state = "reviewed" if new else "not reviewed"
            entry.finish(f"Marked {history.subject(session.connection(), row)} {state}")
        else:
            entry.finish(history.changed(session.connection(), row, field, old, new))
        session.commit()
        return EditResult(table_name, row_id, field, old, new, entry.id, meeting_of(row))


def insert_row(
    engine: Engine, table_name: str, values: dict[str, Any], *, action: str = "add"
) -> EditResult:
    """Add one row (values already valid for the model) and log it; returns its id in the result."""
    with Session(engine) as session:
        row = model_of(table_name)(**values)
        session.add(row)
        session.flush()
        entry = _begin(session, action, row)
        entry.insert(row)
        entry.finish(f"Added {history.subject(session.connection(), row)}")
        session.commit()
        return EditResult(table_name, row.id, WHOLE_ROW, None, values, entry.id, meeting_of(row))  # type: ignore[attr-defined]


def delete_row(
    engine: Engine, table_name: str, row_id: int, *, action: str = "delete"
) -> EditResult:
    """Delete one row and log a snapshot of it, so undo can put it back."""
    with Session(engine) as session:
        row = _get(session, table_name, row_id)
        entry = _begin(session, action, row)
        entry.delete(row)
        entry.finish(f"Deleted {history.subject(session.connection(), row)}")
        meeting_id = meeting_of(row)
        session.delete(row)
        session.commit()
        return EditResult(table_name, row_id, WHOLE_ROW, None, None, entry.id, meeting_id)


def set_reviewed(engine: Engine, meeting_id: int, reviewed: bool) -> EditResult:
    """Mark a meeting reviewed or not, through the history (action `review`)."""
    return update_field(engine, "meeting", meeting_id, "reviewed", reviewed, action="review")


# --- changes that link to other rows -----------------------------------------------------------


def rename_attendee(engine: Engine, table_name: str, row_id: int, name: str) -> EditResult:
    """Change the name as written of an attendance or officer row, and relink its person.

    The person becomes the one who has that spelling as an alias; a spelling
    nobody has gets a new person. One entry, so one undo takes it all back.
    """
    name = " ".join(name.split())
    if table_name not in ("attendance", "officer") or not name:
        raise EditError("a name must not be empty")
    with Session(engine) as session:
        row = _get(session, table_name, row_id)
        entry = _begin(session, "edit", row)
        old = row.name_as_written
        entry.finish(history.changed(session.connection(), row, "name_as_written", old, name))
        entry.update(row, "name_as_written", old, name)
        row.name_as_written = name
        person_id = _person_for(session, entry, name)
        if person_id != row.person_id:
            entry.update(row, "person_id", row.person_id, person_id)
            row.person_id = person_id
        session.commit()
        return EditResult(
            table_name, row_id, "name_as_written", old, name, entry.id, row.meeting_id
        )


def _person_for(session: Session, entry: history.Entry, name: str) -> int:
    query = select(PersonAlias.person_id).where(PersonAlias.key == alias_key(name))
    found = session.exec(query).first()  # type: ignore[call-overload]
    if found is not None:
        return found[0]
    person = Person(name=name)
    session.add(person)
    session.flush()
    entry.insert(person)
    alias = PersonAlias(person_id=person.id, spelling=name, key=alias_key(name))  # type: ignore[arg-type]
    session.add(alias)
    session.flush()
    entry.insert(alias)
    return person.id  # type: ignore[return-value]


def find_organization(session: Session, name: str) -> int | None:
    """The organisation called `name`, or having it as an alias; None if unknown."""
    key = alias_key(name)
    found = session.exec(
        select(OrganizationAlias.organization_id).where(OrganizationAlias.key == key)  # type: ignore[call-overload]
    ).first()
    if found is None:
        rows = session.exec(select(Organization.id, Organization.name))  # type: ignore[call-overload]
        found = next(((i,) for i, n in rows if alias_key(n) == alias_key(name)), None)
    return found[0] if found else None


def set_organization(
    engine: Engine, attendance_id: int, name: str, *, create: bool = False
) -> EditResult:
    """Set the organisation of an attendance row by name; `create` makes an unknown one."""
    name = " ".join(name.split())
    with Session(engine) as session:
        row = _get(session, "attendance", attendance_id)
        entry = _begin(session, "edit", row)
        org_id = _organization_for(session, entry, name, create) if name else None
        old, written = row.organization_id, row.organization_as_written
        entry.finish(
            history.changed(session.connection(), row, "organisation", written, name or None)
        )
        for field, value in (
            ("organization_id", org_id),
            ("organization_as_written", name or None),
        ):
            if getattr(row, field) != value:
                entry.update(row, field, getattr(row, field), value)
                setattr(row, field, value)
        session.commit()
        return EditResult(
            "attendance", attendance_id, "organization_id", old, org_id, entry.id, row.meeting_id
        )


def _organization_for(session: Session, entry: history.Entry, name: str, create: bool) -> int:
    found = find_organization(session, name)
    if found is not None:
        return found
    if not create:
        raise EditError(f"unknown organisation {name!r}")
    organization = Organization(name=name)
    session.add(organization)
    session.flush()
    entry.insert(organization)
    return organization.id  # type: ignore[return-value]


def set_body(engine: Engine, meeting_id: int, name: str, *, create: bool = False) -> EditResult:
    """Move a meeting to the body called `name`; `create` makes an unknown body."""
    name = " ".join(name.split())
    if not name:
        raise EditError("a body must have a name")
    with Session(engine) as session:
        meeting = _get(session, "meeting", meeting_id)
        entry = _begin(session, "edit", meeting)
        entry.finish(
            f"Moved the meeting {history.label(session.connection(), meeting_id)} to {name}"
        )
        body_id = _body_for(session, entry, name, create)
        old = meeting.body_id
        if old != body_id:
            entry.update(meeting, "body_id", old, body_id)
            meeting.body_id = body_id
        session.commit()
        return EditResult("meeting", meeting_id, "body_id", old, body_id, entry.id, meeting_id)


def _body_for(session: Session, entry: history.Entry, name: str, create: bool) -> int:
    rows = session.exec(select(Body.id, Body.name))  # type: ignore[call-overload]
    found = next((i for i, n in rows if alias_key(n) == alias_key(name)), None)
    if found is not None:
        return found
    if not create:
        raise EditError(f"unknown body {name!r}")
    body = Body(name=name)
    session.add(body)
    session.flush()
    entry.insert(body)
    return body.id  # type: ignore[return-value]


# --- adding rows that link to people -----------------------------------------------------------


def add_attendee(
    engine: Engine,
    meeting_id: int,
    name: str,
    *,
    party: str | None = None,
    organization: str | None = None,
    role: str = "member",
    present: bool = True,
    create_organization: bool = False,
) -> EditResult:
    """Add a person to a meeting's attendance, linking (or creating) the person and organisation."""
    name = _required(name, "a name")
    check_choice("attendance", "role", role)
    with Session(engine) as session:
        entry = _begin(session, "add", _get(session, "meeting", meeting_id))
        org_id = (
            _organization_for(session, entry, organization, create_organization)
            if organization
            else None
        )
        row = Attendance(
            meeting_id=meeting_id,
            position=_next_position(session, Attendance, meeting_id),
            person_id=_person_for(session, entry, name),
            name_as_written=name,
            party=party or None,
            organization_id=org_id,
            organization_as_written=organization or None,
            role=role,
            present=present,
        )
        return _insert_logged(session, entry, row)


def add_officer(engine: Engine, meeting_id: int, role: str, name: str) -> EditResult:
    """Add a chair, secretary or adjuster to a meeting, linking (or creating) the person."""
    name = _required(name, "a name")
    check_choice("officer", "role", role)
    with Session(engine) as session:
        entry = _begin(session, "add", _get(session, "meeting", meeting_id))
        row = Officer(
            meeting_id=meeting_id,
            position=_next_position(session, Officer, meeting_id),
            role=role,
            person_id=_person_for(session, entry, name),
            name_as_written=name,
        )
        return _insert_logged(session, entry, row)


def add_agenda_item(engine: Engine, meeting_id: int, number: int, title: str) -> EditResult:
    """Add a numbered item to a meeting's agenda."""
    title = _required(title, "a title")
    with Session(engine) as session:
        entry = _begin(session, "add", _get(session, "meeting", meeting_id))
        position = _next_position(session, AgendaItem, meeting_id)
        row = AgendaItem(meeting_id=meeting_id, position=position, number=number, title=title)
        return _insert_logged(session, entry, row)


def _required(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise EditError(f"{what} must not be empty")
    return text


def _next_position(session: Session, model: type[SQLModel], meeting_id: int) -> int:
    query = select(func.max(model.position)).where(model.meeting_id == meeting_id)  # type: ignore[attr-defined]
    last = session.exec(query).one()[0]  # type: ignore[call-overload]
    return 0 if last is None else last + 1


def _insert_logged(session: Session, entry: history.Entry, row: SQLModel) -> EditResult:
    session.add(row)
    session.flush()
    entry.insert(row)
    entry.finish(f"Added {history.subject(session.connection(), row)}")
    session.commit()
    table_name = row.__tablename__  # type: ignore[attr-defined]
    return EditResult(table_name, row.id, WHOLE_ROW, None, None, entry.id, meeting_of(row))  # type: ignore[attr-defined]
