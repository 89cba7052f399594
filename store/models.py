"""SQLModel tables: the shape of a protokoll database.

Portable on purpose: nothing here is SQLite-only, so the same schema is created
on PostgreSQL. Child rows of a meeting cascade on delete, so replacing a
meeting is one `DELETE` of the meeting row.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from time import time_ns
from typing import Any

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

Day = date
"""`date` under a name a model can use once it has a field called `date` (Meeting has)."""


def utc_now() -> datetime:
    """The current time in UTC, for timestamps (aware: SQLModel refuses naive datetimes)."""
    return datetime.now(UTC)


def new_uid() -> str:
    """A fresh identity for a row: never given to another row, unlike a row id.

    32 hex digits, ordered as a UUIDv7's: the milliseconds since 1970 (12 digits),
    then 80 random bits. Rows made later sort after earlier ones, so a big import adds
    to the end of each uid index instead of touching its pages all over (random uids
    made a 10,000-file import a quarter slower, in page reads).
    """
    return uid_time_prefix() + os.urandom(10).hex()


def uid_time_prefix() -> str:
    """The first 12 hex digits of a uid made now: the time in milliseconds."""
    return f"{time_ns() // 1_000_000:012x}"


def uid_field() -> Any:
    """The `uid` column: set in Python for ORM rows and Core inserts alike."""
    return Field(
        default_factory=new_uid,
        unique=True,
        max_length=32,
        sa_column_kwargs={"default": new_uid, "nullable": False},
    )


class Body(SQLModel, table=True):
    """A council or committee (samverkansråd, nämnd) that holds meetings."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    name: str = Field(unique=True)


class Organization(SQLModel, table=True):
    """An organisation under its canonical name (`Askersunds kommun`)."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    name: str = Field(unique=True)


class OrganizationAlias(SQLModel, table=True):
    """A spelling of an organisation as seen in a document."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    organization_id: int = Field(foreign_key="organization.id", index=True, ondelete="CASCADE")
    spelling: str
    key: str = Field(unique=True)
    """Case- and space-folded spelling: what a new spelling is looked up by."""


class Person(SQLModel, table=True):
    """One human being, under the canonical spelling of their name."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    name: str = Field(index=True)


class PersonAlias(SQLModel, table=True):
    """A spelling of a person's name as seen in a document."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    spelling: str
    key: str = Field(unique=True)
    """Case- and space-folded spelling: what a new spelling is looked up by."""


class SourceDocument(SQLModel, table=True):
    """A file as it was imported: its text is kept so the app can show it."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    file_name: str
    path: str
    content_hash: str = Field(index=True, unique=True)
    """SHA-256 of the file's bytes: one document is stored once, however many importers run."""
    encoding: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    imported_at: datetime = Field(default_factory=utc_now)


class Meeting(SQLModel, table=True):
    """One meeting of a body, as recorded by one protocol."""

    __table_args__ = (Index("ix_meeting_date_id", "date", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    body_id: int | None = Field(default=None, foreign_key="body.id", index=True)
    """None when the protocol names no council: the secretary fills it in."""
    date: Day | None = Field(default=None)
    """None when the protocol gives no date: such meetings sort last."""
    start_time: time | None = None
    end_time: time | None = None
    location: str | None = None
    adjusted_on: Day | None = None
    next_meeting: Day | None = None
    next_meeting_text: str | None = None
    source_id: int | None = Field(
        default=None, foreign_key="sourcedocument.id", index=True, unique=True
    )
    """The document this meeting was read from: one meeting per document."""
    reviewed: bool = False
    imported_at: datetime = Field(default_factory=utc_now)


class Attendance(SQLModel, table=True):
    """One person's presence (or absence) at a meeting, in one capacity."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    position: int = 0
    person_id: int = Field(foreign_key="person.id", index=True)
    name_as_written: str
    party: str | None = None
    organization_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    organization_as_written: str | None = None
    role: str = "member"
    """`member`, `substitute` (ersättare) or `other` (övriga närvarande)."""
    present: bool = True
    paragraphs: str | None = None
    """The paragraphs attended, as written (`§§ 1-36`); None when present for all of them."""
    paragraph_numbers: str | None = None
    """The same as compact ranges (`1-6,9-34`): plain text, so SQLite and PostgreSQL agree."""
    line: int | None = None
    function: str | None = None
    """What the person does at the meeting, as written after the name (`vice ordförande`)."""


class Officer(SQLModel, table=True):
    """The chair, the secretary or an adjuster of a meeting."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    position: int = 0
    role: str
    """`chair`, `secretary` or `adjuster`."""
    person_id: int = Field(foreign_key="person.id", index=True)
    name_as_written: str
    line: int | None = None


class AgendaItem(SQLModel, table=True):
    """A numbered agenda item with its text, decisions and attachments."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    position: int = 0
    number: int
    title: str
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    decisions: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    """Each decision (Beslut) on its own line."""
    attachments: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    """Each attachment (Bilaga) on its own line."""
    line: int | None = None
    end_line: int | None = None


class ImportWarning(SQLModel, table=True):
    """Something the importer could not place, kept until someone deals with it."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", index=True, ondelete="CASCADE"
    )
    source_id: int | None = Field(default=None, foreign_key="sourcedocument.id", index=True)
    line: int | None = None
    message: str
    resolved: bool = False


class HistoryBatch(SQLModel, table=True):
    """One entry of the history: everything one change did, undone and redone together.

    Entries are in id order. Undo takes back the newest not `undone`; redo puts back
    the oldest undone one newer than every entry in effect; a new entry marks every
    undone one `discarded`, so it can never be redone.
    """

    __table_args__ = (Index("ix_historybatch_undone", "undone", "discarded"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now)
    action: str
    """`edit`, `add`, `delete`, `review`, `merge`, `split`, `different`, `import`,
    `reimport` or `reconcile`."""
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    """What was done, in words, naming meetings by date and council and people by name."""
    meeting_id: int | None = Field(default=None, index=True)
    """The meeting's id then (a re-imported meeting keeps its id, with a new uid)."""
    meeting_uid: str | None = Field(default=None, index=True)
    meeting_label: str | None = None
    person_label: str | None = None
    undone: bool = False
    discarded: bool = False


class EditLog(SQLModel, table=True):
    """One row change of a history entry (`batch`), by the row's `uid`, never its id.

    `old_value`/`new_value` hold JSON; a column pointing at another row holds that
    row's uid. A whole row inserted or deleted has `field == "*"` and the row's
    columns as a JSON object (an insert's is taken when it is first undone); a whole
    meeting with its rows and source has `field == "**"` (imports and re-imports).
    """

    id: int | None = Field(default=None, primary_key=True)
    batch: int = Field(foreign_key="historybatch.id", index=True, ondelete="CASCADE")
    table_name: str
    row_uid: str = Field(index=True)
    field: str
    old_value: str | None = Field(default=None, sa_column=Column(Text))
    new_value: str | None = Field(default=None, sa_column=Column(Text))


class DistinctPair(SQLModel, table=True):
    """Two people (or organisations) the secretary declared different."""

    __table_args__ = (UniqueConstraint("kind", "first_id", "second_id"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    kind: str
    """`person` or `organization`."""
    first_id: int
    """The smaller of the two ids."""
    second_id: int
    decided_at: datetime = Field(default_factory=utc_now)
