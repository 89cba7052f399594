"""Two processes undoing on one SQLite file at once take back different entries, never one twice."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sqlmodel import Session

from store import edits
from store.db import make_engine
from store.history import list_history
from store.models import Meeting

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "protocols" / "002_51c692209e7ef6f5.txt"
UNDOER = """
import sys, time
from pathlib import Path
from store.db import make_engine
from store.history import undo
engine = make_engine(sys.argv[1])
engine.connect().close()
while not Path(sys.argv[3]).exists():  # both start undoing at the same moment
    time.sleep(0.001)
for _ in range(int(sys.argv[2])):
    assert undo(engine) is not None
"""


def test_two_processes_undoing_at_once_each_take_back_their_own_entries(tmp_path: Path) -> None:
    from store.loading import import_paths

    db = tmp_path / "shared.db"
    engine = make_engine(str(db))
    import_paths(engine, [SAMPLE])
    for number in range(1, 101):
        edits.update_field(engine, "meeting", 1, "location", f"Lokal {number}")
    engine.dispose()
    go = tmp_path / "go"
    command = [sys.executable, "-c", UNDOER, str(db), "40", str(go)]
    runs = [subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in "ab"]
    time.sleep(0.5)
    go.touch()
    for run in runs:
        _, errors = run.communicate(timeout=120)
        assert run.returncode == 0, errors
    engine = make_engine(str(db))
    undone = [entry.undone for entry in list_history(engine)]
    assert undone == [True] * 80 + [False] * 21, "the 80 newest of 100 edits, then the import"
    with Session(engine) as session:
        assert session.get(Meeting, 1).location == "Lokal 20"
