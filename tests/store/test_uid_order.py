"""Row uids: unique, and in the order the rows were made (so big imports append to the indexes)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import select

from store.db import make_engine
from store.loading import import_paths, new_uids
from store.models import Attendance, Meeting, new_uid
from tests.store.protocol_files import write_protocols


def test_uids_are_32_hex_digits_unique_and_later_ones_sort_after() -> None:
    first = new_uids(500)
    time.sleep(0.002)
    single = new_uid()
    time.sleep(0.002)
    later = new_uids(500)
    every = [*first, single, *later]
    assert len(set(every)) == len(every)
    assert all(len(uid) == 32 and int(uid, 16) >= 0 for uid in every)
    assert max(first) < single < min(later)
    assert abs(int(single[:12], 16) - time.time_ns() // 1_000_000) < 60_000  # its milliseconds


def test_an_imports_rows_get_uids_in_the_order_the_files_were_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_protocols(folder, 12, attendees=3, items=2)
    engine = make_engine(str(tmp_path / "p.db"))
    assert import_paths(engine, [folder], workers=1).count("imported") == 12
    with engine.connect() as conn:
        meetings = conn.execute(select(Meeting.id, Meeting.uid).order_by(Meeting.id)).all()
        attendance = conn.execute(select(Attendance.uid)).scalars().all()
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    stamps = [int(uid[:12], 16) for _, uid in meetings]  # rows of one millisecond: any order
    assert stamps == sorted(stamps)
    assert len(set(attendance)) == len(attendance) == 36
    default = sqlite3.connect(":memory:").execute("PRAGMA cache_size").fetchone()[0]
    assert cache == default  # the import's larger page cache is given back with its connection
    engine.dispose()
