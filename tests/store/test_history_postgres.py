"""The history on PostgreSQL, at the URL in $PROTOKOLL_TEST_PG_URL (`.ci/run` sets it).

The database it names is emptied: point it at a scratch database only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from store import edits, merging
from store.history import list_history, redo, undo
from store.loading import import_paths
from tests.store.db_state import db_state
from tests.store.pg_url import PG_URL

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"

pytestmark = pytest.mark.skipif(not PG_URL, reason="PROTOKOLL_TEST_PG_URL is not set")


def test_redo_after_a_new_change_and_undo_through_a_reimport(pg: Engine, tmp_path: Path) -> None:
    copy = tmp_path / "002.txt"
    copy.write_text((SAMPLES / "002_51c692209e7ef6f5.txt").read_text(encoding="utf-8"))
    import_paths(pg, [SAMPLES / "000_40086cb381e27565.txt"])
    import_paths(pg, [copy])
    imported = db_state(pg)
    edits.update_field(pg, "meeting", 2, "location", "Lokal A")
    undo(pg)
    edits.update_field(pg, "meeting", 2, "location", "Lokal B")
    undo(pg)
    assert redo(pg) is not None and redo(pg) is None
    keep = merging.find(pg, "Irén Lejegren")
    merging.merge(pg, keep, [merging.find(pg, "Irén Lejgren")])
    edits.add_attendee(pg, 2, "Karin Handlagd", party="S")
    merged = db_state(pg)
    copy.write_text(copy.read_text(encoding="utf-8").replace("Plats: Via Zoom", "Plats: Teams"))
    assert import_paths(pg, [copy], replace=True).outcomes[0].status == "replaced"
    reimported = db_state(pg)
    undo(pg)
    assert db_state(pg) == merged
    for _ in range(3):
        undo(pg)
    assert db_state(pg) == imported
    for _ in range(4):
        redo(pg)
    assert db_state(pg) == reimported
    assert [e.action for e in list_history(pg, limit=4)] == ["reimport", "add", "merge", "edit"]
