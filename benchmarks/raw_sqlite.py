"""The baseline of the import benchmark: the same parsed rows stored with nothing but `sqlite3`.

What a straightforward importer written for speed does: the same schema and
pragmas as protokoll, `BATCH_FILES` files per transaction, ids of bodies,
people and organisations cached in dicts, child rows by `executemany`, and a
re-import that skips a file whose text hash is stored, before parsing it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from importers.records import ParsedFile
from store.db import make_engine
from store.import_run import IMPORT_CACHE_KIB
from store.loading import alias_key
from store.parse_pool import ParseFailure, parse_all

BATCH_FILES = 200


_UID = (
    "printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"
    " || lower(hex(randomblob(10)))"
)
"""A uid per row as protokoll's are made (the time in milliseconds, 80 random bits), by SQLite."""


class RawLoader:
    """Stores parsed files with nothing but `sqlite3`, as fast as a straightforward loader can.

    Every row gets a uid as protokoll makes them (time-ordered), by SQLite itself.
    """

    def __init__(self, path: Path) -> None:
        make_engine(str(path)).dispose()  # the same schema and the same pragmas as protokoll
        self.conn = sqlite3.connect(path, isolation_level=None)
        pragmas = ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL",
                   f"cache_size=-{IMPORT_CACHE_KIB}")  # fmt: skip
        for pragma in pragmas:
            self.conn.execute(f"PRAGMA {pragma}")
        self.ids: dict[tuple[str, str], int] = {}
        self.pending = 0

    def load(self, parsed: ParsedFile) -> None:
        """Store one file unless its text is stored; commit every `BATCH_FILES` files."""
        c, s = self.conn, parsed.source
        if not c.in_transaction:
            c.execute("BEGIN")
        if self._stored(s.content_hash) is None:
            self._insert(parsed)
        self.pending += 1
        if self.pending >= BATCH_FILES:
            self.finish()

    def finish(self) -> None:
        """Commit what is loaded."""
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.pending = 0

    def import_files(self, paths: list[Path], workers: int) -> int:
        """Skip the stored by hash, parse the rest as protokoll does, store them; count stored."""
        new = [p for p in paths if self._stored(_text_hash(p)) is None]
        stored = 0
        for parsed in parse_all(new, workers=workers):
            if not isinstance(parsed, ParseFailure):
                self.load(parsed)
                stored += 1
        self.finish()
        return stored

    def _stored(self, content_hash: str) -> int | None:
        found = self.conn.execute(
            "SELECT meeting.id FROM meeting JOIN sourcedocument ON meeting.source_id = "
            "sourcedocument.id WHERE content_hash = ?", (content_hash,)
        ).fetchone()  # fmt: skip
        return None if found is None else found[0]

    def _insert(self, parsed: ParsedFile) -> None:
        c, p, s = self.conn, parsed.protocol, parsed.source
        now = time.strftime("%Y-%m-%d %H:%M:%S")
        row = (Path(s.path).name, s.path, s.content_hash, s.encoding, s.text, now)
        source = c.execute(
            "INSERT INTO sourcedocument (uid, file_name, path, content_hash, encoding, text, "
            f"imported_at) VALUES ({_UID}, ?, ?, ?, ?, ?, ?)",
            row,
        ).lastrowid
        body = self._id("body", p.body, f"INSERT INTO body (uid, name) VALUES ({_UID}, ?)")
        meeting = c.execute(
            "INSERT INTO meeting (uid, body_id, date, start_time, end_time, location, adjusted_on, "
            "next_meeting, next_meeting_text, source_id, reviewed, imported_at) "
            f"VALUES ({_UID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (body, _iso(p.date), _iso(p.start), _iso(p.end), p.location, _iso(p.adjusted_on),
             _iso(p.next_meeting), p.next_meeting_text, source, now),
        ).lastrowid  # fmt: skip
        self._children(parsed, meeting, source)

    def _children(self, parsed: ParsedFile, meeting: int, source: int) -> None:
        c, p = self.conn, parsed.protocol
        c.executemany(
            "INSERT INTO attendance (uid, meeting_id, position, person_id, name_as_written, party, "
            "organization_id, organization_as_written, role, present, line, function) "
            f"VALUES ({_UID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(meeting, i, self._person(a.name), a.name, a.party, self._org(a.organization,
              a.organization_canonical), a.organization, a.role, a.present, a.line, a.function)
             for i, a in enumerate(p.attendees)],
        )  # fmt: skip
        c.executemany(
            "INSERT INTO officer (uid, meeting_id, position, role, person_id, name_as_written, "
            f"line) VALUES ({_UID}, ?, ?, ?, ?, ?, ?)",
            [(meeting, i, o.role, self._person(o.name), o.name, o.line)
             for i, o in enumerate(p.officers)],
        )  # fmt: skip
        c.executemany(
            "INSERT INTO agendaitem (uid, meeting_id, position, number, title, body, decisions, "
            f"attachments, line, end_line) VALUES ({_UID}, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(meeting, i, t.number, t.title, t.body, "\n".join(t.decisions),
              "\n".join(t.attachments), t.line, t.end_line) for i, t in enumerate(p.items)],
        )  # fmt: skip
        c.executemany(
            "INSERT INTO importwarning (uid, meeting_id, source_id, line, message, resolved) "
            f"VALUES ({_UID}, ?, ?, ?, ?, 0)",
            [(meeting, source, w.line, w.message) for w in p.warnings],
        )  # fmt: skip

    def _id(self, kind: str, name: str | None, sql: str) -> int:
        key = (kind, name or "")
        if key not in self.ids:
            self.ids[key] = self.conn.execute(sql, (name,)).lastrowid
        return self.ids[key]

    def _person(self, name: str) -> int:
        key = ("person", alias_key(name))
        if key not in self.ids:
            person = self.conn.execute(
                f"INSERT INTO person (uid, name) VALUES ({_UID}, ?)", (name,)
            ).lastrowid
            self.conn.execute(
                f"INSERT INTO personalias (uid, person_id, spelling, key) VALUES ({_UID}, ?, ?, ?)",
                (person, name, key[1]),
            )
            self.ids[key] = person
        return self.ids[key]

    def _org(self, written: str | None, canonical: str | None) -> int | None:
        if not written:
            return None
        key = ("org", alias_key(written))
        if key not in self.ids:
            org = self._id(
                "orgname",
                canonical or written,
                f"INSERT INTO organization (uid, name) VALUES ({_UID}, ?)",
            )
            self.conn.execute(
                "INSERT INTO organizationalias (uid, organization_id, spelling, key) "
                f"VALUES ({_UID}, ?, ?, ?)",
                (org, written, key[1]),
            )
            self.ids[key] = org
        return self.ids[key]


def _iso(value: object) -> str | None:
    return None if value is None else value.isoformat()  # type: ignore[attr-defined]


def _text_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes().decode("utf-8").encode("utf-8")).hexdigest()


def load_all(loader: RawLoader, parsed: Iterable[ParsedFile]) -> None:
    """Store every parsed file, then commit."""
    for one in parsed:
        loader.load(one)
    loader.finish()
