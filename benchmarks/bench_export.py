"""Export throughput: `protokoll export attendance` vs plain csv + sqlite3, same rows, same run.

    .venv/bin/python benchmarks/bench_export.py [--rows 1000000] [--repeat 3]

Fills a fresh SQLite file (protokoll's schema) with meetings of 40 attendees
each, by plain inserts, then `--repeat` times writes the attendance export to
a file with `store.export.export_table` and with a baseline: the same joined
query run by `sqlite3`, its rows handed to `csv.writer.writerows` as they
come. Prints medians, rows per second and the ratio. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.db import make_engine
from store.export import export_table

ATTENDEES = 40
BASELINE_SQL = (
    "SELECT meeting.id, meeting.date, body.name, attendance.name_as_written, person.name, "
    "attendance.party, organization.name, attendance.role, attendance.present, "
    "attendance.paragraph_numbers, attendance.function FROM attendance JOIN meeting ON "
    "attendance.meeting_id = meeting.id LEFT JOIN body ON meeting.body_id = body.id JOIN person ON "
    "attendance.person_id = person.id LEFT JOIN organization ON attendance.organization_id = "
    "organization.id ORDER BY meeting.date IS NULL, meeting.date, meeting.id, "
    "attendance.position, attendance.id"
)
"""What a plain exporter asks for: the same joins and order, no formatting."""


def build(path: Path, rows: int, seed: int = 1) -> None:
    """A database with `rows` attendance rows (40 a meeting), 5,000 people, 300 organisations."""
    rng = random.Random(seed)
    make_engine(str(path)).dispose()
    conn = sqlite3.connect(path)
    people = [(i, f"u-p{i}", f"Person {i} Andersson") for i in range(1, 5001)]
    conn.executemany("INSERT INTO person (id, uid, name) VALUES (?, ?, ?)", people)
    orgs = [(i, f"u-o{i}", f"Kommun {i}") for i in range(1, 301)]
    conn.executemany("INSERT INTO organization (id, uid, name) VALUES (?, ?, ?)", orgs)
    conn.executemany(
        "INSERT INTO body (id, uid, name) VALUES (?, ?, ?)",
        [(i, f"u-b{i}", f"Samverkansråd {i}") for i in range(1, 21)],
    )
    meetings = rows // ATTENDEES
    conn.executemany(
        "INSERT INTO meeting (id, uid, body_id, date, reviewed, imported_at) "
        "VALUES (?, ?, ?, ?, 0, '2026-01-01 00:00:00')",
        [(m, f"u-m{m}", m % 20 + 1, _day(rng)) for m in range(1, meetings + 1)],
    )
    conn.executemany(
        "INSERT INTO attendance (uid, meeting_id, position, person_id, name_as_written, party, "
        "organization_id, role, present, paragraph_numbers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (_attendee(rng, m, i) for m in range(1, meetings + 1) for i in range(ATTENDEES)),
    )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def _day(rng: random.Random) -> str:
    return (date(2000, 1, 1) + timedelta(days=rng.randrange(9000))).isoformat()


def _attendee(rng: random.Random, meeting: int, position: int) -> tuple[object, ...]:
    person = rng.randint(1, 5000)
    return (
        f"u-a{meeting}-{position}", meeting, position, person, f"Person {person} Andersson",
        rng.choice(("S", "M", "C", "V")), rng.randint(1, 300), "member", rng.random() > 0.1,
        "1-6,9-34" if rng.random() < 0.1 else None,
    )  # fmt: skip


def protokoll_export(database: Path, out: Path) -> int:
    engine = make_engine(str(database), create=False)
    with out.open("w", encoding="utf-8", newline="") as f:
        written = export_table(engine, "attendance", f)
    engine.dispose()
    return written


def plain_export(database: Path, out: Path) -> int:
    conn = sqlite3.connect(database)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        cursor = conn.execute(BASELINE_SQL)
        writer.writerow([column[0] for column in cursor.description])
        written = 0
        while rows := cursor.fetchmany(500):
            writer.writerows(rows)
            written += len(rows)
    conn.close()
    return written


def timed(export: object, database: Path, out: Path) -> tuple[float, int]:
    start = time.perf_counter()
    written = export(database, out)  # type: ignore[operator]
    return time.perf_counter() - start, written


def main() -> None:
    """Build once, then time both exports alternately; print medians and the ratio."""
    parser = argparse.ArgumentParser(description="Export throughput, protokoll vs csv + sqlite3.")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="protokoll-bench-export-") as scratch:
        database, out = Path(scratch) / "export.db", Path(scratch) / "out.csv"
        build(database, args.rows)
        seconds: dict[str, list[float]] = {"protokoll": [], "plain": []}
        for _ in range(args.repeat):
            for name, export in (("protokoll", protokoll_export), ("plain", plain_export)):
                spent, written = timed(export, database, out)
                assert written == args.rows // ATTENDEES * ATTENDEES, written
                seconds[name].append(spent)
    median = {name: statistics.median(values) for name, values in seconds.items()}
    rows = args.rows // ATTENDEES * ATTENDEES
    print(f"attendance export, {rows} rows (medians of {args.repeat} runs)")
    for name in ("protokoll", "plain"):
        label = "protokoll export_table" if name == "protokoll" else "plain csv + sqlite3"
        print(f"  {label:<24} {median[name]:6.2f} s  {rows / median[name]:9.0f} rows/s")
    print(f"  ratio protokoll / plain: {median['protokoll'] / median['plain']:.2f}x")


if __name__ == "__main__":
    main()
