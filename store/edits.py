"""Changes people make, and the edit log that makes them undoable.

Every change is written to `EditLog` in the same transaction as the change
itself. Changes made together share a `batch` and are undone together. Undo
and redo read only the log, so they work across the whole session and survive
a restart.

Values are stored as JSON: dates, times and datetimes as ISO strings, and are
turned back into Python values by the column's type when undone or redone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, Table, delete, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from store.models import (
    AgendaItem,
    Attendance,
    Body,
    EditLog,
    Meeting,
    Officer,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)
from store.names import alias_key

WHOLE_ROW = "*"
ROLES = {
    "attendance": ("member", "substitute", "other"),
    "officer": ("chair", "secretary", "adjuster"),
}
"""The allowed values of each table's `role` column."""
READ_ONLY_FIELDS = frozenset({"id", "meeting_id", "imported_at", "source_id"})
KEEP_FILLED = frozenset({("meeting", "date")})
"""Columns an import may leave empty but a person may not empty again."""
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_TRUE = frozenset({"1", "true", "yes", "ja", "j", "y", "x"})
_FALSE = frozenset({"0", "false", "no", "nej", "n", ""})


class EditError(ValueError):
    """A change that cannot be made: bad value, unknown field, or missing row."""


@dataclass(frozen=True)
class EditResult:
    """One stored change, as the app shows it."""

    table_name: str
    row_id: int
    field: str
    old: Any
    new: Any
    batch: int
    meeting_id: int | None


def table_of(table_name: str) -> Table:
    """The table called `table_name`; raises `EditError` for an unknown name."""
    table = SQLModel.metadata.tables.get(table_name)
    if table is None:
        raise EditError(f"unknown table {table_name!r}")
    return table


# --- values ------------------------------------------------------------------


def to_json(value: Any) -> str:
    """A column value as the JSON text stored in the log."""
    return json.dumps(_plain(value), ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    return value


def from_json(table: Table, field: str, text: str | None) -> Any:
    """A logged JSON value turned back into the column's Python type."""
    if text is None:
        return None
    return _typed(table, field, json.loads(text))


def _typed(table: Table, field: str, value: Any) -> Any:
    if value is None:
        return None
    kind = _python_type(table, field)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is time:
        return time.fromisoformat(value)
    return kind(value) if kind in (bool, int) else value


def _python_type(table: Table, field: str) -> type:
    try:
        return table.c[field].type.python_type
    except KeyError:
        raise EditError(f"{table.name} has no field {field!r}") from None
    except NotImplementedError:
        return str


def parse_value(table_name: str, field: str, value: Any) -> Any:
    """Check and convert a value typed by a person for `table_name.field`.

    Text is converted by the column's type: dates as `YYYY-MM-DD`, times as
    `9`, `9:00` or `9.00`, yes/no as `ja`/`nej`. Raises `EditError` with a
    message meant for the person.
    """
    table = table_of(table_name)
    if field in READ_ONLY_FIELDS or field not in table.c:
        raise EditError(f"{field} cannot be edited")
    column = table.c[field]
    if isinstance(value, str):
        value = _from_text(_python_type(table, field), value.strip())
    if value is None or value == "":
        if (table_name, field) in KEEP_FILLED:
            raise EditError(f"{field} must not be empty")
        return _empty(column)
    _check_choice(table_name, field, value)
    return value


def _from_text(kind: type, text: str) -> Any:
    if text == "" and kind is not bool:
        return None
    try:
        return _TEXT_PARSERS.get(kind, lambda t: t)(text)
    except ValueError as error:
        raise EditError(str(error)) from None


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _parse_time(text: str) -> time:
    match = _TIME.match(text)
    try:
        if match is None:
            raise ValueError
        return time(int(match[1]), int(match[2] or 0))
    except ValueError:
        raise ValueError(f"{text!r} is not a time (HH:MM)") from None


def _parse_bool(text: str) -> bool:
    folded = text.casefold()
    if folded in _TRUE or folded in _FALSE:
        return folded in _TRUE
    raise ValueError(f"{text!r} is not yes or no (ja/nej)")


def _parse_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


_TEXT_PARSERS = {date: _parse_date, time: _parse_time, bool: _parse_bool, int: _parse_int}


def _empty(column: Any) -> Any:
    if column.nullable:
        return None
    if column.default is not None and isinstance(column.default.arg, str):
        return column.default.arg
    raise EditError(f"{column.name} must not be empty")


def _check_choice(table_name: str, field: str, value: Any) -> None:
    allowed = ROLES.get(table_name) if field == "role" else None
    if allowed is not None and value not in allowed:
        raise EditError(f"role must be one of {', '.join(allowed)}")


# --- recording ---------------------------------------------------------------


def new_batch(session: Session) -> int:
    """The next batch number: one more than any in the log."""
    newest = session.exec(select(func.max(EditLog.batch))).one()[0]
    return (newest or 0) + 1


def record_update(
    session: Session,
    batch: int,
    action: str,
    row: SQLModel,
    field: str,
    old: Any,
    new: Any,
    meeting_id: int | None = None,
) -> None:
    """Log that `row.field` changed from `old` to `new` (the caller makes the change)."""
    _log(session, batch, action, row, field, to_json(old), to_json(new), meeting_id)


def record_insert(
    session: Session, batch: int, action: str, row: SQLModel, meeting_id: int | None = None
) -> None:
    """Log a row just inserted; call after `flush()`, so the row has its id."""
    _log(session, batch, action, row, WHOLE_ROW, None, _snapshot(row), meeting_id)


def record_delete(
    session: Session, batch: int, action: str, row: SQLModel, meeting_id: int | None = None
) -> None:
    """Log a row about to be deleted, with all its columns; call before deleting."""
    _log(session, batch, action, row, WHOLE_ROW, _snapshot(row), None, meeting_id)


def _log(
    session: Session,
    batch: int,
    action: str,
    row: SQLModel,
    field: str,
    old: str | None,
    new: str | None,
    meeting_id: int | None,
) -> None:
    if row.id is None:  # type: ignore[attr-defined]
        raise EditError("flush the row before logging it: it has no id yet")
    entry = EditLog(
        batch=batch,
        action=action,
        table_name=row.__tablename__,  # type: ignore[arg-type]
        row_id=row.id,  # type: ignore[attr-defined]
        field=field,
        old_value=old,
        new_value=new,
        meeting_id=meeting_id if meeting_id is not None else meeting_of(row),
    )
    session.add(entry)


def _snapshot(row: SQLModel) -> str:
    table = table_of(row.__tablename__)  # type: ignore[arg-type]
    return json.dumps({c.name: _plain(getattr(row, c.name)) for c in table.c}, ensure_ascii=False)


def meeting_of(row: SQLModel) -> int | None:
    """The meeting a row belongs to: itself for a meeting, else its `meeting_id`."""
    if row.__tablename__ == "meeting":
        return row.id  # type: ignore[attr-defined]
    return getattr(row, "meeting_id", None)


NOT_CONTENT_ACTIONS = frozenset({"merge", "split", "different", "review"})
"""Logged changes that do not make a meeting "edited": who is who (aliases carry it over a
re-import) and review marks (`Meeting.reviewed` protects a reviewed meeting by itself)."""


def content_edits_of(meeting_id: int) -> Select:
    """The log rows, not undone, that changed what a meeting says: what makes it "edited"."""
    return (
        select(EditLog.id)
        .where(EditLog.meeting_id == meeting_id, ~EditLog.undone)
        .where(EditLog.action.not_in(NOT_CONTENT_ACTIONS))  # type: ignore[attr-defined]
    )


def is_edited(session: Session, meeting_id: int) -> bool:
    """Whether a person changed what this meeting says (a content change not undone)."""
    return session.exec(content_edits_of(meeting_id).limit(1)).first() is not None


def edited_meeting_ids(session: Session) -> set[int]:
    """Every meeting a person changed: the ones a re-import must not replace."""
    query = (
        select(EditLog.meeting_id)
        .where(EditLog.meeting_id.is_not(None), ~EditLog.undone)  # type: ignore[union-attr]
        .where(EditLog.action.not_in(NOT_CONTENT_ACTIONS))  # type: ignore[attr-defined]
    )
    return {row[0] for row in session.exec(query.distinct())}


# --- making changes ----------------------------------------------------------


def update_field(
    engine: Engine, table_name: str, row_id: int, field: str, value: Any, *, action: str = "edit"
) -> EditResult:
    """Validate `value`, store it in `table_name.field` of one row and log it: one transaction.

    Raises `EditError` for a bad value or a missing row; nothing is stored then.
    """
    new = parse_value(table_name, field, value)
    model = model_of(table_name)
    with Session(engine) as session:
        row = session.get(model, row_id)
        if row is None:
            raise EditError(f"{table_name} {row_id} no longer exists")
        old = getattr(row, field)
        batch = new_batch(session)
        if old != new:
            setattr(row, field, new)
            record_update(session, batch, action, row, field, old, new)
            session.commit()
        return EditResult(table_name, row_id, field, old, new, batch, meeting_of(row))


def insert_row(
    engine: Engine, table_name: str, values: dict[str, Any], *, action: str = "add"
) -> EditResult:
    """Add one row (values already valid for the model) and log it; returns its id in the result."""
    model = model_of(table_name)
    with Session(engine) as session:
        row = model(**values)
        session.add(row)
        session.flush()
        batch = new_batch(session)
        record_insert(session, batch, action, row)
        session.commit()
        return EditResult(table_name, row.id, WHOLE_ROW, None, values, batch, meeting_of(row))  # type: ignore[attr-defined]


def delete_row(
    engine: Engine, table_name: str, row_id: int, *, action: str = "delete"
) -> EditResult:
    """Delete one row and log a snapshot of it, so undo can put it back."""
    model = model_of(table_name)
    with Session(engine) as session:
        row = session.get(model, row_id)
        if row is None:
            raise EditError(f"{table_name} {row_id} no longer exists")
        batch = new_batch(session)
        record_delete(session, batch, action, row)
        meeting_id = meeting_of(row)
        session.delete(row)
        session.commit()
        return EditResult(table_name, row_id, WHOLE_ROW, None, None, batch, meeting_id)


def set_reviewed(engine: Engine, meeting_id: int, reviewed: bool) -> EditResult:
    """Mark a meeting reviewed or not, through the log (action `review`)."""
    return update_field(engine, "meeting", meeting_id, "reviewed", reviewed, action="review")


def model_of(table_name: str) -> type[SQLModel]:
    """The SQLModel class mapped to `table_name`."""
    for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
        if mapper.local_table is not None and mapper.local_table.name == table_name:
            return mapper.class_
    raise EditError(f"unknown table {table_name!r}")


# --- undo and redo -----------------------------------------------------------


def undo(engine: Engine) -> str | None:
    """Undo the newest batch not undone; returns what was undone, or None if nothing was."""
    with Session(engine) as session:
        batch = session.exec(select(func.max(EditLog.batch)).where(~EditLog.undone)).one()[0]
        if batch is None:
            return None
        entries = _batch_entries(session, batch)
        for entry in reversed(entries):
            _apply(session, entry, forward=False)
            entry.undone = True
        session.commit()
        return "Undid " + describe(entries)


def redo(engine: Engine) -> str | None:
    """Redo the oldest undone batch newer than every batch not undone; None if there is none."""
    with Session(engine) as session:
        done = session.exec(select(func.max(EditLog.batch)).where(~EditLog.undone)).one()[0]
        query = select(func.min(EditLog.batch)).where(EditLog.undone)
        if done is not None:
            query = query.where(EditLog.batch > done)
        batch = session.exec(query).one()[0]
        if batch is None:
            return None
        entries = _batch_entries(session, batch)
        for entry in entries:
            _apply(session, entry, forward=True)
            entry.undone = False
        session.commit()
        return "Redid " + describe(entries)


def _batch_entries(session: Session, batch: int) -> list[EditLog]:
    query = select(EditLog).where(EditLog.batch == batch).order_by(EditLog.id)
    return list(session.exec(query).scalars())


def _apply(session: Session, entry: EditLog, *, forward: bool) -> None:
    """Put one logged change into effect (forward) or take it back."""
    table = table_of(entry.table_name)
    if entry.field != WHOLE_ROW:
        value = entry.new_value if forward else entry.old_value
        where = table.c.id == entry.row_id
        session.exec(
            update(table).where(where).values({entry.field: from_json(table, entry.field, value)})
        )
        return
    snapshot = entry.new_value if forward else entry.old_value
    if snapshot is None:
        session.exec(delete(table).where(table.c.id == entry.row_id))
    else:
        raw = json.loads(snapshot)
        values = {name: _typed(table, name, raw[name]) for name in raw if name in table.c}
        session.exec(insert(table).values(values))


def describe(entries: list[EditLog]) -> str:
    """A batch of log entries in words: `edit of meeting 3 location` or `merge (12 changes)`."""
    if not entries:
        return "nothing"
    first = entries[0]
    if len(entries) > 1:
        return f"{first.action} ({len(entries)} changes)"
    if first.field == WHOLE_ROW:
        return f"{first.action} of {first.table_name} {first.row_id}"
    return f"{first.action} of {first.table_name} {first.row_id} {first.field}"


# --- changes that link to other rows -----------------------------------------


def rename_attendee(engine: Engine, table_name: str, row_id: int, name: str) -> EditResult:
    """Change the name as written of an attendance or officer row, and relink its person.

    The person becomes the one who has that spelling as an alias; a spelling
    nobody has gets a new person. One batch, so one undo takes it all back.
    """
    name = " ".join(name.split())
    if table_name not in ("attendance", "officer") or not name:
        raise EditError("a name must not be empty")
    with Session(engine) as session:
        row = session.get(model_of(table_name), row_id)
        if row is None:
            raise EditError(f"{table_name} {row_id} no longer exists")
        batch = new_batch(session)
        old = row.name_as_written
        record_update(session, batch, "edit", row, "name_as_written", old, name)
        row.name_as_written = name
        person_id = _person_for(session, batch, name, meeting_of(row))
        if person_id != row.person_id:
            record_update(session, batch, "edit", row, "person_id", row.person_id, person_id)
            row.person_id = person_id
        session.commit()
        return EditResult(table_name, row_id, "name_as_written", old, name, batch, meeting_of(row))


def _person_for(session: Session, batch: int, name: str, meeting_id: int | None) -> int:
    query = select(PersonAlias.person_id).where(PersonAlias.key == alias_key(name))
    found = session.exec(query).first()
    if found is not None:
        return found[0]
    person = Person(name=name)
    session.add(person)
    session.flush()
    record_insert(session, batch, "add", person, meeting_id)
    alias = PersonAlias(person_id=person.id, spelling=name, key=alias_key(name))
    session.add(alias)
    session.flush()
    record_insert(session, batch, "add", alias, meeting_id)
    return person.id


def find_organization(session: Session, name: str) -> int | None:
    """The organisation called `name`, or having it as an alias; None if unknown."""
    key = alias_key(name)
    found = session.exec(
        select(OrganizationAlias.organization_id).where(OrganizationAlias.key == key)
    ).first()
    if found is None:
        rows = session.exec(select(Organization.id, Organization.name))
        found = next(((i,) for i, n in rows if alias_key(n) == alias_key(name)), None)
    return found[0] if found else None


def set_organization(
    engine: Engine, attendance_id: int, name: str, *, create: bool = False
) -> EditResult:
    """Set the organisation of an attendance row by name; `create` makes an unknown one."""
    name = " ".join(name.split())
    with Session(engine) as session:
        row = session.get(Attendance, attendance_id)
        if row is None:
            raise EditError(f"attendance {attendance_id} no longer exists")
        batch = new_batch(session)
        org_id = _organization_for(session, batch, name, create, row.meeting_id) if name else None
        old = row.organization_id
        for field, value in (
            ("organization_id", org_id),
            ("organization_as_written", name or None),
        ):
            if getattr(row, field) != value:
                record_update(session, batch, "edit", row, field, getattr(row, field), value)
                setattr(row, field, value)
        session.commit()
        return EditResult(
            "attendance", attendance_id, "organization_id", old, org_id, batch, row.meeting_id
        )


def _organization_for(
    session: Session, batch: int, name: str, create: bool, meeting_id: int
) -> int:
    found = find_organization(session, name)
    if found is not None:
        return found
    if not create:
        raise EditError(f"unknown organisation {name!r}")
    organization = Organization(name=name)
    session.add(organization)
    session.flush()
    record_insert(session, batch, "add", organization, meeting_id)
    return organization.id


def set_body(engine: Engine, meeting_id: int, name: str, *, create: bool = False) -> EditResult:
    """Move a meeting to the body called `name`; `create` makes an unknown body."""
    name = " ".join(name.split())
    if not name:
        raise EditError("a body must have a name")
    with Session(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise EditError(f"meeting {meeting_id} no longer exists")
        batch = new_batch(session)
        body_id = _body_for(session, batch, name, create, meeting_id)
        old = meeting.body_id
        if old != body_id:
            record_update(session, batch, "edit", meeting, "body_id", old, body_id)
            meeting.body_id = body_id
        session.commit()
        return EditResult("meeting", meeting_id, "body_id", old, body_id, batch, meeting_id)


def _body_for(session: Session, batch: int, name: str, create: bool, meeting_id: int) -> int:
    rows = session.exec(select(Body.id, Body.name))
    found = next((i for i, n in rows if alias_key(n) == alias_key(name)), None)
    if found is not None:
        return found
    if not create:
        raise EditError(f"unknown body {name!r}")
    body = Body(name=name)
    session.add(body)
    session.flush()
    record_insert(session, batch, "add", body, meeting_id)
    return body.id


# --- adding rows that link to people -----------------------------------------


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
    name = " ".join(name.split())
    if not name:
        raise EditError("a name must not be empty")
    _check_choice("attendance", "role", role)
    with Session(engine) as session:
        batch = new_batch(session)
        org_id = (
            _organization_for(session, batch, organization, create_organization, meeting_id)
            if organization
            else None
        )
        row = Attendance(
            meeting_id=meeting_id,
            position=_next_position(session, Attendance, meeting_id),
            person_id=_person_for(session, batch, name, meeting_id),
            name_as_written=name,
            party=party or None,
            organization_id=org_id,
            organization_as_written=organization or None,
            role=role,
            present=present,
        )
        return _insert_logged(session, batch, row)


def add_officer(engine: Engine, meeting_id: int, role: str, name: str) -> EditResult:
    """Add a chair, secretary or adjuster to a meeting, linking (or creating) the person."""
    name = " ".join(name.split())
    if not name:
        raise EditError("a name must not be empty")
    _check_choice("officer", "role", role)
    with Session(engine) as session:
        batch = new_batch(session)
        row = Officer(
            meeting_id=meeting_id,
            position=_next_position(session, Officer, meeting_id),
            role=role,
            person_id=_person_for(session, batch, name, meeting_id),
            name_as_written=name,
        )
        return _insert_logged(session, batch, row)


def add_agenda_item(engine: Engine, meeting_id: int, number: int, title: str) -> EditResult:
    """Add a numbered item to a meeting's agenda."""
    title = " ".join(title.split())
    if not title:
        raise EditError("a title must not be empty")
    with Session(engine) as session:
        batch = new_batch(session)
        position = _next_position(session, AgendaItem, meeting_id)
        row = AgendaItem(meeting_id=meeting_id, position=position, number=number, title=title)
        return _insert_logged(session, batch, row)


def _next_position(session: Session, model: type[SQLModel], meeting_id: int) -> int:
    query = select(func.max(model.position)).where(model.meeting_id == meeting_id)  # type: ignore[attr-defined]
    last = session.exec(query).one()[0]
    return 0 if last is None else last + 1


def _insert_logged(session: Session, batch: int, row: SQLModel) -> EditResult:
    session.add(row)
    session.flush()
    record_insert(session, batch, "add", row)
    session.commit()
    table_name = row.__tablename__  # type: ignore[attr-defined]
    return EditResult(table_name, row.id, WHOLE_ROW, None, None, batch, meeting_of(row))  # type: ignore[attr-defined]
