"""Value types: what a person may type into a field, and how values are logged.

`parse_value` checks and converts text typed in the app by the column's type.
`to_json`/`from_json` turn column values into the JSON text the history keeps
and back: dates, times and datetimes as ISO strings.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table
from sqlmodel import SQLModel

ROLES = {
    "attendance": ("member", "substitute", "other"),
    "officer": ("chair", "secretary", "adjuster"),
}
"""The allowed values of each table's `role` column."""
READ_ONLY_FIELDS = frozenset({"id", "uid", "meeting_id", "imported_at", "source_id"})
KEEP_FILLED = frozenset({("meeting", "date")})
"""Columns an import may leave empty but a person may not empty again."""
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_TRUE = frozenset({"1", "true", "yes", "ja", "j", "y", "x"})
_FALSE = frozenset({"0", "false", "no", "nej", "n", ""})


class EditError(ValueError):
    """A change that cannot be made: bad value, unknown field, or missing row."""


def table_of(table_name: str) -> Table:
    """The table called `table_name`; raises `EditError` for an unknown name."""
    table = SQLModel.metadata.tables.get(table_name)
    if table is None:
        raise EditError(f"unknown table {table_name!r}")
    return table


def model_of(table_name: str) -> type[SQLModel]:
    """The SQLModel class mapped to `table_name`."""
    for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
        if mapper.local_table is not None and mapper.local_table.name == table_name:
            return mapper.class_
    raise EditError(f"unknown table {table_name!r}")


# --- logged values -----------------------------------------------------------


def to_json(value: Any) -> str:
    """A column value as the JSON text stored in the history."""
    return json.dumps(plain(value), ensure_ascii=False)


def plain(value: Any) -> Any:
    """A column value as a JSON-ready value: dates and times as ISO strings."""
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    return value


def from_json(table: Table, field: str, text: str | None) -> Any:
    """A logged JSON value turned back into the column's Python type."""
    if text is None:
        return None
    return typed(table, field, json.loads(text))


def typed(table: Table, field: str, value: Any) -> Any:
    """A JSON-ready value turned back into the Python type of `table.field`."""
    if value is None:
        return None
    kind = python_type(table, field)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is time:
        return time.fromisoformat(value)
    return kind(value) if kind in (bool, int) else value


def python_type(table: Table, field: str) -> type:
    """The Python type of a column (`str` when the column type does not say)."""
    try:
        column_type = table.c[field].type
        kind = column_type.python_type
        if kind is object and hasattr(column_type, "impl"):  # a TypeDecorator: UTCDateTime
            kind = column_type.impl.python_type
        return kind
    except KeyError:
        raise EditError(f"{table.name} has no field {field!r}") from None
    except NotImplementedError:
        return str


# --- typed by a person -------------------------------------------------------


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
        value = _from_text(python_type(table, field), value.strip())
    if value is None or value == "":
        if (table_name, field) in KEEP_FILLED:
            raise EditError(f"{field} must not be empty")
        return _empty(column)
    check_choice(table_name, field, value)
    return value


def check_choice(table_name: str, field: str, value: Any) -> None:
    """Raise `EditError` when `value` is not an allowed `role` of `table_name`."""
    allowed = ROLES.get(table_name) if field == "role" else None
    if allowed is not None and value not in allowed:
        raise EditError(f"role must be one of {', '.join(allowed)}")


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
