"""What a person does at the meeting (`ordförande`, `kassör`) is stored, exported and undone.

A real file in the form of the corpus's tick grids, imported by `import_paths`
into a real SQLite file; the export is the CSV a user gets.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from alembic import command
from sqlalchemy import select, update

from store.db import make_engine
from store.export import export_table
from store.history import redo, undo
from store.loading import import_paths
from store.migrations import HEAD
from store.schema import alembic_config
from store.tables import ATTENDANCE

PROTOCOL = """Protokoll Kommunstyrelsen
Datum: 2024-02-01

Beslutande
ordinarie   ersättare
[X] Frostdahl-Blomqvist Siw, ordförande, på distans   [ ] Palm Maria
[X] Frostdahl Steven, vice ordförande   [X] Pott Henrik
Övriga närvarande
Norrgård Martin, stadsdirektör och föredragande

§ 1 Mötet öppnas
Ordföranden öppnade mötet.

§ 2 Val av justerare
Steven Frostdahl valdes.
"""
STORED = [
    ("Frostdahl-Blomqvist Siw", "ordförande"),
    ("Frostdahl Steven", "vice ordförande"),
    ("Norrgård Martin", "stadsdirektör och föredragande"),
    ("Palm Maria", None),
    ("Pott Henrik", None),
]


def stored(engine) -> list[tuple[str, str | None]]:
    query = select(ATTENDANCE.c.name_as_written, ATTENDANCE.c.function).order_by(
        ATTENDANCE.c.function.is_(None), ATTENDANCE.c.position
    )
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def test_functions_are_stored_exported_and_come_back_with_a_redo(tmp_path: Path) -> None:
    path = tmp_path / "ks.txt"
    path.write_text(PROTOCOL, encoding="utf-8")
    engine = make_engine(str(tmp_path / "function.db"))
    assert import_paths(engine, [path]).count("imported") == 1
    assert stored(engine) == STORED

    out = io.StringIO()
    export_table(engine, "attendance", out)
    exported = {
        row["name_as_written"]: row["function"]
        for row in csv.DictReader(io.StringIO(out.getvalue()))
    }
    assert exported["Frostdahl Steven"] == "vice ordförande" and exported["Palm Maria"] == ""

    assert undo(engine) is not None and stored(engine) == []
    assert redo(engine) is not None and stored(engine) == STORED
    engine.dispose()


def test_an_upgrade_reads_the_functions_of_meetings_imported_before(tmp_path: Path) -> None:
    """Imported now, taken back to 0004 (the column goes), then upgraded: read from the text."""
    path = tmp_path / "ks.txt"
    path.write_text(PROTOCOL, encoding="utf-8")
    database = tmp_path / "older.db"
    engine = make_engine(str(database))
    assert import_paths(engine, [path]).count("imported") == 1
    with engine.begin() as conn:
        conn.execute(
            update(ATTENDANCE)
            .where(ATTENDANCE.c.position == 1)
            .values(name_as_written="Steven Frostdahl")
        )
        command.downgrade(alembic_config(conn), "0004_history")
    engine.dispose()

    told: list[str] = []
    engine = make_engine(str(database), on_upgrade=told.append)
    assert told and HEAD in told[0]
    expected = dict(STORED)
    del expected["Frostdahl Steven"]
    expected["Steven Frostdahl"] = None  # no longer the name the text has there: left empty
    assert dict(stored(engine)) == expected
    engine.dispose()
