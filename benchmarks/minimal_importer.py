"""The issue's second yardstick: a minimal importer, a few regular expressions and plain `sqlite3`.

It reads only the synthetic layouts of `protocol_corpus` (title, date, attendance rows,
numbered items), in this one process, and stores the same kind of rows through
`raw_sqlite.RawLoader`. It knows nothing of other layouts, warnings, officers or
damaged text: it is what a fast importer written for these files alone would cost.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from raw_sqlite import RawLoader

from importers.records import AgendaItem, Attendee, ParsedFile, Protocol, SourceText
from importers.swedish_dates import MONTH_NAMES

_MONTH = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
_TITLE = re.compile(r"^\s*(?:#+ )?Protokoll (?:från )?(?P<body>.+?) \d+\s*$", re.M)
_DATE = re.compile(rf"(?P<day>\d{{1,2}}) (?P<month>{'|'.join(_MONTH)}) (?P<year>\d{{4}})")
_PERSON = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)+?)"
    r"(?: \((?P<p1>[A-Z]{1,2})\)\s+|\t(?P<p2>[A-Z]{1,2})\t| (?P<p3>[A-Z]{1,2}) |\s{2,}|\t)"
    r"(?P<org>[^\t\n]+?)\.?[ \t]*$",
    re.M,
)
_ITEM = re.compile(r"^(?:\*\*)?(?P<number>\d{1,3})\. (?P<title>.+?)\.?(?:\*\*)?[ \t]*$", re.M)


def parse_minimal(path: Path) -> ParsedFile:
    """Title, date, attendance rows and items of one synthetic protocol."""
    text = path.read_bytes().decode("utf-8")
    title, when = _TITLE.search(text), _DATE.search(text)
    items = list(_ITEM.finditer(text))
    head = text[: items[0].start()] if items else text
    attendees = tuple(
        Attendee(m["name"], m["p1"] or m["p2"] or m["p3"], m["org"], m["org"], "member", True,
                 text.count("\n", 0, m.start()) + 1)
        for m in _PERSON.finditer(head)
    )  # fmt: skip
    agenda = tuple(
        AgendaItem(int(m["number"]), m["title"], text[m.end() : following].strip(), (), (),
                   text.count("\n", 0, m.start()) + 1, 0)
        for m, following in zip(items, [x.start() for x in items[1:]] + [len(text)], strict=True)
    )  # fmt: skip
    meeting_date = (
        date(int(when["year"]), _MONTH[when["month"]], int(when["day"])) if when else None
    )
    protocol = Protocol(
        title["body"] if title else None, meeting_date, None, None, None, (), None, None, None,
        attendees, agenda, (),
    )  # fmt: skip
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ParsedFile(SourceText(str(path), text, "utf-8", digest), protocol)


def import_minimal(loader: RawLoader, paths: list[Path]) -> tuple[int, int, int]:
    """Parse and store every file here; (files, attendees, items) read."""
    attendees = items = 0
    for path in paths:
        parsed = parse_minimal(path)
        attendees += len(parsed.protocol.attendees)
        items += len(parsed.protocol.items)
        loader.load(parsed)
    loader.finish()
    return len(paths), attendees, items
