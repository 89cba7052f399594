"""One linear history of every change: how undo and redo work.

Every change (an edit, an add or delete, a review mark, a merge, a split,
"different people", an import or re-import, `reconcile --auto`) is one entry,
a `HistoryBatch`, written in the same transaction as the change itself, with
one `EditLog` row per row it changed. Rows are named by uid, never by id, so
a re-import, which gives new rows old ids, cannot make an entry touch another
row (see `store.identities`).

Undo takes back the newest entry in effect; redo puts back the one undone
most recently; a new entry discards every undone one, as in an editor. It all
lives in the database, so it survives a restart and is shared by every
process writing to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, insert, select, text, update
from sqlalchemy.engine import Engine

from store.db import WRITER_LOCK
from store.identities import TREE, WHOLE_ROW, Identities, RowChanged, RowMissing, row_values
from store.identities import tree_snapshot as _tree_snapshot
from store.models import Body, EditLog, HistoryBatch, Meeting
from store.replay import apply_batch
from store.values import to_json

ACTIONS = (
    "edit",
    "add",
    "delete",
    "review",
    "merge",
    "split",
    "different",
    "import",
    "reimport",
    "reconcile",
)
CONTENT_ACTIONS = ("edit", "add", "delete")
"""Entries that make a meeting "edited", so that a re-import must not silently replace it.
Who is who (merges; aliases carry it over a re-import), review marks (`Meeting.reviewed`
protects a meeting by itself) and imports do not."""
TABLE_WORDS = {
    "agendaitem": "agenda item",
    "attendance": "attendee",
    "body": "council",
    "distinctpair": "pair declared different",
    "importwarning": "warning",
    "meeting": "meeting",
    "officer": "officer",
    "organization": "organisation",
    "organizationalias": "spelling of an organisation",
    "person": "person",
    "personalias": "spelling of a name",
    "sourcedocument": "source document",
}
"""Each table's rows as the secretary calls them, for messages."""
_BATCH = HistoryBatch.__table__  # type: ignore[attr-defined]
_LOG = EditLog.__table__  # type: ignore[attr-defined]

# Built once: an import writes an entry per file, and building a statement costs more than
# running it on SQLite.
_DISCARD = update(_BATCH).where(_BATCH.c.undone, ~_BATCH.c.discarded).values(discarded=True)
_NEW_ENTRY = insert(_BATCH)
_FINISH = update(_BATCH).where(_BATCH.c.id == bindparam("entry_id"))
_LOG_CHANGE = insert(_LOG)
_LOCK = update(_BATCH).where(_BATCH.c.id == -1).values(undone=_BATCH.c.undone)
_MEETING_UID = select(Meeting.uid).where(Meeting.id == bindparam("meeting_id"))
_MEETING_LABEL = (
    select(Meeting.date, Body.name)
    .outerjoin(Body, Body.id == Meeting.body_id)  # type: ignore[arg-type]
    .where(Meeting.id == bindparam("meeting_id"))
)


class HistoryError(ValueError):
    """An entry that cannot be undone or redone, with a message meant for the person."""


@dataclass(frozen=True)
class HistoryEntry:
    """One entry of the history, as the app and `protokoll history` show it.

    `undone` entries are not in effect; `can_redo` says whether redo can still
    bring one back (a change made after it was undone discards it).
    """

    id: int
    at: datetime
    action: str
    summary: str
    meeting_id: int | None
    meeting_label: str | None
    person_label: str | None
    undone: bool
    can_redo: bool


# --- writing an entry --------------------------------------------------------------------------


class Entry:
    """A history entry being written inside the caller's transaction."""

    def __init__(self, conn: Connection, batch_id: int) -> None:
        self.conn = conn
        self.id = batch_id
        self.ids = Identities(conn)

    def update(self, row: Any, field: str, old: Any, new: Any) -> None:
        """Log that `row.field` changed from `old` to `new` (the caller makes the change)."""
        values = row_values(row)
        table_name = row.__tablename__
        logged = [self.ids.logged(table_name, field, v, values) for v in (old, new)]
        self._log(table_name, row.uid, field, *(to_json(v) for v in logged))

    def insert(self, row: Any) -> None:
        """Log a row just inserted (flushed, so that it has its id)."""
        self.inserted(row.__tablename__, [row.uid])

    def inserted(self, table_name: str, uids: Iterable[str]) -> None:
        """Log rows inserted into `table_name`, by uid; undo takes them as they are then."""
        rows = [self._row(table_name, uid, WHOLE_ROW, None, None) for uid in uids]
        if rows:
            self.conn.execute(_LOG_CHANGE, rows)

    def delete(self, row: Any) -> None:
        """Log a row about to be deleted, with every column, so undo can put it back."""
        snapshot = self.ids.snapshot(row.__tablename__, row_values(row))
        self._log(row.__tablename__, row.uid, WHOLE_ROW, to_json(snapshot), None)

    def meeting_added(self, meeting_uid: str) -> None:
        """Log an imported meeting, with its rows and source, just inserted."""
        self._log("meeting", meeting_uid, TREE, None, None)

    def meeting_removed(self, meeting_id: int) -> None:
        """Log a meeting a re-import is about to remove, whole, so undo can put it back."""
        uid = self.conn.execute(_MEETING_UID, {"meeting_id": meeting_id}).scalar()
        self._log("meeting", uid, TREE, _tree_snapshot(self.ids, uid), None)

    def finish(
        self,
        summary: str,
        *,
        meeting: tuple[int, str, str] | None = None,
        person_label: str | None = None,
    ) -> None:
        """Say in words what the entry did.

        `meeting` (id, uid, label) and `person_label` name what it was about, when that
        was not known at the start (an import's meeting).
        """
        values: dict[str, Any] = {"entry_id": self.id, "summary": summary}
        if person_label is not None:
            values["person_label"] = person_label
        if meeting is not None:
            values.update(zip(("meeting_id", "meeting_uid", "meeting_label"), meeting, strict=True))
        self.conn.execute(_FINISH, values)

    def _log(self, table: str, uid: str, field: str, old: str | None, new: str | None) -> None:
        self.conn.execute(_LOG_CHANGE, self._row(table, uid, field, old, new))

    def _row(
        self, table: str, uid: str, field: str, old: str | None, new: str | None
    ) -> dict[str, Any]:
        return {
            "batch": self.id,
            "table_name": table,
            "row_uid": uid,
            "field": field,
            "old_value": old,
            "new_value": new,
        }


def begin(
    conn: Connection,
    action: str,
    *,
    meeting_id: int | None = None,
    person_label: str | None = None,
) -> Entry:
    """Start a history entry: what could have been redone is discarded from now on."""
    if action not in ACTIONS:
        raise ValueError(f"unknown history action {action!r}")
    conn.execute(_DISCARD)
    values: dict[str, Any] = {"action": action, "person_label": person_label, "summary": ""}
    if meeting_id is not None:
        uid = conn.execute(_MEETING_UID, {"meeting_id": meeting_id}).scalar()
        values.update(meeting_id=meeting_id, meeting_uid=uid, meeting_label=label(conn, meeting_id))
    return Entry(conn, conn.execute(_NEW_ENTRY, values).inserted_primary_key[0])


def label(conn: Connection, meeting_id: int) -> str:
    """A meeting as a person knows it: `2020-02-26 Regionalt samverkansråd`."""
    found = conn.execute(_MEETING_LABEL, {"meeting_id": meeting_id}).first()
    return f"meeting {meeting_id}" if found is None else meeting_words(found[0], found[1])


def meeting_words(day: date | None, body: str | None) -> str:
    """`2020-02-26 Regionalt samverkansråd`; `undated …` or `… (council not named)` when unknown."""
    return f"{day.isoformat() if day else 'undated'} {body or '(council not named)'}"


def meeting_of(row: Any) -> int | None:
    """The meeting a row belongs to: itself for a meeting, else its `meeting_id`."""
    if row.__tablename__ == "meeting":
        return row.id  # type: ignore[attr-defined]
    return getattr(row, "meeting_id", None)


# --- in words ----------------------------------------------------------------------------------


def _thing(row: Any) -> str:
    """A row as the secretary knows it: `attendee Irén Lejegren`, `agenda item 3`."""
    table_name = row.__tablename__
    if table_name == "attendance":
        return f"attendee {row.name_as_written}"
    if table_name == "officer":
        return f"{row.role} {row.name_as_written}"
    if table_name == "agendaitem":
        return f"agenda item {row.number} ({row.title})"
    if table_name == "importwarning":
        return f"the warning on line {row.line}" if row.line else "a warning"
    return TABLE_WORDS.get(table_name, table_name)


def subject(conn: Connection, row: Any) -> str:
    """A row and its meeting: `attendee Kim Bäckström in the meeting 2022-04-26 …`."""
    meeting_id = meeting_of(row)
    where = label(conn, meeting_id) if meeting_id else ""
    if row.__tablename__ == "meeting":
        return f"the meeting {where}"
    return f"{_thing(row)} in the meeting {where}" if where else _thing(row)


def shown(value: Any) -> str:
    """A value in a sentence: `'Via Zoom'`, `yes`, `(empty)`."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return repr(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def changed(conn: Connection, row: Any, field: str, old: Any, new: Any) -> str:
    """`Location of the meeting 2022-04-26 …: 'Via Zoom' → 'Teams'`."""
    what = field.replace("_", " ").capitalize()
    return f"{what} of {subject(conn, row)}: {shown(old)} → {shown(new)}"


# --- undo and redo -------------------------------------------------------------------------


def undo(engine: Engine) -> str | None:
    """Undo the newest entry in effect; returns what was undone, or None if nothing was.

    Raises `HistoryError` (and changes nothing) when the entry no longer fits the data.
    """
    with engine.begin() as conn:
        _lock(conn)
        batch = conn.execute(_newest_done()).first()
        if batch is None:
            return None
        _replay(conn, batch, forward=False)
        conn.execute(update(_BATCH).where(_BATCH.c.id == batch.id).values(undone=True))
        return f"Undid: {batch.summary}"


def redo(engine: Engine) -> str | None:
    """Redo the entry undone most recently; None if there is none that can be redone."""
    with engine.begin() as conn:
        _lock(conn)
        query = select(_BATCH).where(_redoable()).order_by(_BATCH.c.id).limit(1)
        batch = conn.execute(query).first()
        if batch is None:
            return None
        _replay(conn, batch, forward=True)
        conn.execute(update(_BATCH).where(_BATCH.c.id == batch.id).values(undone=False))
        return f"Redid: {batch.summary}"


def _lock(conn: Connection) -> None:
    """Take the write lock before reading which entry is next, so two processes undoing at
    once take back two entries, not one twice (a write that changes nothing: SQLite locks
    the database for it; PostgreSQL orders them on the history's newest row instead).

    On PostgreSQL it also waits for an import's transaction (its advisory lock), as on
    SQLite: an import discards what could be redone once per transaction, not per file.
    """
    conn.execute(_LOCK)
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
    if conn.dialect.name != "sqlite":
        conn.execute(select(_BATCH.c.id).order_by(_BATCH.c.id.desc()).limit(1).with_for_update())


def _newest_done() -> Select:
    return select(_BATCH).where(~_BATCH.c.undone).order_by(_BATCH.c.id.desc()).limit(1)


def _redoable() -> Any:
    """Undone, not discarded, and newer than every entry in effect."""
    done = select(func.coalesce(func.max(_BATCH.c.id), 0)).where(~_BATCH.c.undone)
    return _BATCH.c.undone & ~_BATCH.c.discarded & (_BATCH.c.id > done.scalar_subquery())


def _replay(conn: Connection, batch: Any, *, forward: bool) -> None:
    verb = "redo" if forward else "undo"
    try:
        apply_batch(conn, batch.id, forward=forward)
    except RowMissing as missing:
        raise HistoryError(_missing_message(conn, verb, batch, missing)) from None
    except RowChanged as changed:
        raise HistoryError(
            f"Cannot {verb} “{batch.summary}”: the {changed.field.replace('_', ' ')} it "
            f"changed has been changed since, outside this history."
        ) from None


def _missing_message(conn: Connection, verb: str, batch: Any, missing: RowMissing) -> str:
    start = f"Cannot {verb} “{batch.summary}”"
    what = TABLE_WORDS.get(missing.table_name, missing.table_name)
    if missing.present:
        return f"{start}: the {what} it would put back is there already."
    query = (
        select(_BATCH.c.summary, _BATCH.c.at)
        .join(_LOG, _LOG.c.batch == _BATCH.c.id)
        .where(_LOG.c.field == TREE, _LOG.c.old_value.contains(missing.uid), ~_BATCH.c.undone)
        .order_by(_BATCH.c.id.desc())
        .limit(1)
    )
    replaced = conn.execute(query).first()
    if replaced is not None:
        return (
            f"{start}: the {what} it changed was replaced by a re-import "
            f"({replaced.summary}, {replaced.at:%Y-%m-%d %H:%M}); nothing was changed."
        )
    return f"{start}: the {what} it changed is no longer there; nothing was changed."


# --- reading the history -------------------------------------------------------------------


def list_history(
    engine: Engine, *, meeting_id: int | None = None, limit: int = 200
) -> list[HistoryEntry]:
    """The history, newest first; only the entries about one meeting when `meeting_id` is given."""
    query = select(_BATCH, _redoable().label("can_redo")).order_by(_BATCH.c.id.desc())
    if meeting_id is not None:
        query = query.where(_BATCH.c.meeting_id == meeting_id)
    with engine.connect() as conn:
        rows = conn.execute(query.limit(max(limit, 0))).all()
    return [
        HistoryEntry(
            id=row.id,
            at=row.at,
            action=row.action,
            summary=row.summary,
            meeting_id=row.meeting_id,
            meeting_label=row.meeting_label,
            person_label=row.person_label,
            undone=bool(row.undone),
            can_redo=bool(row.can_redo),
        )
        for row in rows
    ]


def content_edits_of(meeting_id: int) -> Select:
    """The entries in effect that changed what a meeting says: what makes it "edited"."""
    uid = select(Meeting.uid).where(Meeting.id == meeting_id).scalar_subquery()
    return select(_BATCH.c.id).where(
        _BATCH.c.meeting_uid == uid, ~_BATCH.c.undone, _BATCH.c.action.in_(CONTENT_ACTIONS)
    )


def is_edited(conn: Any, meeting_id: int) -> bool:
    """Whether a person changed what this meeting says (on a Session or a Connection)."""
    return _run(conn, content_edits_of(meeting_id).limit(1)).first() is not None


def edited_meeting_ids(conn: Any) -> set[int]:
    """Every meeting a person changed: the ones a re-import must not replace."""
    query = (
        select(Meeting.id)
        .join(_BATCH, _BATCH.c.meeting_uid == Meeting.uid)
        .where(~_BATCH.c.undone, _BATCH.c.action.in_(CONTENT_ACTIONS))
    )
    return {row[0] for row in _run(conn, query.distinct())}


def _run(conn: Any, statement: Select) -> Any:
    """Execute on a SQLModel Session (`exec`) or a Connection (`execute`)."""
    return conn.exec(statement) if hasattr(conn, "exec") else conn.execute(statement)
