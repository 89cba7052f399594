"""An import killed mid-run (SIGKILL, SIGTERM, SIGHUP) or stopped by Ctrl-C leaves a sound
database, no parse worker behind, and a re-run that ends where a clean import does.

Real `protokoll import` processes on a real SQLite file, big enough to parse in
worker processes; the signal is sent once meetings are arriving.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.store.protocol_files import read_only, start_import, write_protocols

FILES = 400
ATTENDEES, ITEMS = 20, 8
OFFICERS = 3  # the secretary, the chair and one adjuster in every generated protocol
STORED_BEFORE_SIGNAL = 15
TIMESTAMPS = {"imported_at", "at", "decided_at"}
IDENTITIES = {"uid", "row_uid", "meeting_uid"}
"""Random per run, like the timestamps: left out of the comparison."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    write_protocols(folder, FILES, attendees=ATTENDEES, items=ITEMS)
    return folder


@pytest.fixture(scope="module")
def clean(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """What one uninterrupted import of the folder stores."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    assert run_to_end(db, folder) == 0
    return dump(db)


def run_to_end(db: Path, folder: Path) -> int:
    process = start_import(str(db), folder)
    process.communicate(timeout=300)
    return process.returncode


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in rowid order, without timestamps and random uids."""
    with read_only(db) as conn:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        result = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            kept = ", ".join(f'"{c}"' for c in columns if c not in TIMESTAMPS | IDENTITIES)
            result[table] = list(conn.execute(f'SELECT {kept} FROM "{table}" ORDER BY rowid'))
    return result


def meetings_stored(db: Path) -> int:
    try:
        with read_only(db) as conn:
            return conn.execute("SELECT count(*) FROM meeting").fetchone()[0]
    except Exception:  # not created yet, or being created
        return 0


def children_of(pid: int) -> list[int]:
    """Pids of the live processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            state = _stat(int(entry.name))
            if state is not None and state[1] == pid and state[0] != "Z":
                found.append(int(entry.name))
    return found


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1])


def alive(pid: int) -> bool:
    state = _stat(pid)
    return state is not None and state[0] != "Z"  # a zombie has ended; only its entry is left


def start_and_wait_for_workers(
    db: Path, folder: Path, **options: object
) -> tuple[subprocess.Popen[str], list[int]]:
    """Start an import; return once its parse workers run and meetings are being stored."""
    out = open(db.with_suffix(".out"), "w")  # noqa: SIM115  (closed with the process below)
    process = start_import(str(db), folder, stdout=out, stderr=subprocess.STDOUT, **options)
    out.close()
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        workers.update(children_of(process.pid))
        if workers and meetings_stored(db) >= STORED_BEFORE_SIGNAL:
            return process, sorted(workers | set(children_of(process.pid)))
        time.sleep(0.005)
    raise AssertionError(f"no workers or no meetings in time: {db.with_suffix('.out').read_text()}")


def wait_until_gone(pids: list[int], seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(pid) for pid in pids):
        time.sleep(0.05)
    return [pid for pid in pids if alive(pid)]


def assert_sound(db: Path) -> int:
    """Integrity holds and every stored meeting is whole; returns how many there are."""
    with read_only(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        whole = conn.execute(
            "SELECT m.id, (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id),"
            " (SELECT count(*) FROM agendaitem i WHERE i.meeting_id = m.id),"
            " (SELECT count(*) FROM officer o WHERE o.meeting_id = m.id),"
            " (SELECT count(*) FROM sourcedocument s WHERE s.id = m.source_id) FROM meeting m"
        ).fetchall()
    partial = [row for row in whole if row[1:] != (ATTENDEES, ITEMS, OFFICERS, 1)]
    assert partial == []
    return len(whole)


KILLS = [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP]


@pytest.mark.parametrize("how", KILLS, ids=[kill.name for kill in KILLS])
def test_killed_import_leaves_whole_meetings_and_no_workers(
    how: signal.Signals, folder: Path, clean: dict[str, list[tuple]], tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    process, workers = start_and_wait_for_workers(db, folder)
    assert workers and all(alive(pid) for pid in workers)
    os.kill(process.pid, how)
    assert process.wait(timeout=30) == -how
    assert wait_until_gone(workers) == [], f"workers outlived the import killed by {how.name}"
    assert STORED_BEFORE_SIGNAL <= assert_sound(db) < FILES, "the kill came too late to test"
    assert run_to_end(db, folder) == 0
    assert dump(db) == clean


def test_ctrl_c_stops_between_files_with_status_130(
    folder: Path, clean: dict[str, list[tuple]], tmp_path: Path
) -> None:
    db = tmp_path / "interrupted.db"
    process, workers = start_and_wait_for_workers(db, folder, start_new_session=True)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: to the import and its workers
    assert process.wait(timeout=60) == 130
    output = db.with_suffix(".out").read_text()
    assert "Importen avbröts (Ctrl-C) efter " in output, output
    assert wait_until_gone(workers) == []
    stored = assert_sound(db)
    assert f"efter {stored} av {FILES} filer" in output, output
    assert stored < FILES
    assert run_to_end(db, folder) == 0
    assert dump(db) == clean
