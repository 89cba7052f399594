"""Plain records that a parsed protocol becomes.

These are the only shapes that leave `importers`: immutable records with no
database or UI behaviour, so `store` can load them and tests can compare them.
The many small ones (a warning, an attendee, an officer, an item) are named
tuples: a protocol makes dozens, and a tuple is made and pickled (from the
parsing workers) several times faster than a frozen dataclass.
Every record remembers the line (1-based, in the original file) it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Literal, NamedTuple

Role = Literal["member", "substitute", "other"]
OfficerRole = Literal["chair", "secretary", "adjuster"]


class ParseWarning(NamedTuple):
    """Something the parser saw but could not place, or placed with doubt."""

    line: int | None
    message: str


class Attendee(NamedTuple):
    """One row of an attendance list, as written in the document."""

    name: str
    party: str | None
    organization: str | None
    """The organisation exactly as written (list punctuation removed)."""
    organization_canonical: str | None
    role: Role
    present: bool
    line: int
    paragraphs: str | None = None
    """The paragraphs the person attended, as written (`§§ 1-36`, `t.o.m. § 125`); None for all."""
    paragraph_numbers: tuple[int, ...] = ()
    """The same as numbers (`1-6, 9-34` gives 1…6, 9…34); empty when `paragraphs` is None."""
    function: str | None = None
    """What the person does at the meeting, as written after the name (`ordförande`)."""


class Officer(NamedTuple):
    """The chair (ordförande), secretary (sekreterare) or an adjuster (justerare)."""

    role: OfficerRole
    name: str
    line: int


class AgendaItem(NamedTuple):
    """A numbered item (paragraf) of the protocol."""

    number: int
    title: str
    body: str
    decisions: tuple[str, ...]
    attachments: tuple[str, ...]
    line: int
    end_line: int


@dataclass(frozen=True)
class Protocol:
    """Everything parsed out of one protocol document."""

    body: str | None
    date: date | None
    start: time | None
    end: time | None
    location: str | None
    officers: tuple[Officer, ...]
    adjusted_on: date | None
    next_meeting: date | None
    next_meeting_text: str | None
    attendees: tuple[Attendee, ...]
    items: tuple[AgendaItem, ...]
    warnings: tuple[ParseWarning, ...]
    field_lines: dict[str, int] = field(default_factory=dict)
    """Line each header field came from: keys are field names such as `date`."""

    def officers_in(self, role: OfficerRole) -> tuple[Officer, ...]:
        """The officers holding `role`, in document order."""
        return tuple(o for o in self.officers if o.role == role)


@dataclass(frozen=True)
class SourceText:
    """A file's decoded text and how it was decoded."""

    path: str
    text: str
    encoding: str
    content_hash: str
    """SHA-256 of the decoded text: the same words in another encoding are the same content."""
    warnings: tuple[ParseWarning, ...] = ()
    """What decoding found: bytes that did not fit the encoding, control characters removed."""


@dataclass(frozen=True)
class ParsedFile:
    """A file that was read and parsed: what `store` loads."""

    source: SourceText
    protocol: Protocol


class ProtocolError(Exception):
    """A file that cannot become a protocol, with the file and line to blame."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
