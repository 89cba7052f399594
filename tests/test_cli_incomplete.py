"""`protokoll import` of a protocol without its date, and of two files for one council and day."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from store.db import make_engine
from store.queries import meeting_page, next_needing_attention
from tui.cli import app

COUNCIL = "Specifikt samverkansråd för skola, utbildning och kompetensförsörjning"
SAMPLE = Path(__file__).parent.parent / "samples" / "protocols" / "000_40086cb381e27565.txt"


def _without_date_line(folder: Path) -> Path:
    """The sample with its `Tid:` line (the only place it gives the date) taken out."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("Tid:") for line in lines) == 1
    path = folder / "utan-datum.txt"
    path.write_text("\n".join(line for line in lines if not line.startswith("Tid:")), "utf-8")
    return path


def test_a_protocol_without_a_date_imports_warns_and_needs_attention(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    undated = _without_date_line(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "import", str(undated), str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 filer: 2 importerade, 0 ersatta, 0 oförändrade")
    assert f"{undated}:" in result.stderr and "inget sammanträdesdatum hittades" in result.stderr
    engine = make_engine(str(db))
    rows = meeting_page(engine).rows
    assert [(r.date is None, r.body) for r in rows] == [(False, COUNCIL), (True, COUNCIL)]
    undated_id = rows[-1].id
    assert next_needing_attention(engine, rows[0].cursor) == undated_id
    exported = runner.invoke(app, ["--db", str(db), "export", "meetings"])
    meetings = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [(m["date"], m["source_file"]) for m in meetings][-1] == ("", "utan-datum.txt")
    engine.dispose()


def test_two_files_of_one_council_and_day_give_two_meetings(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    folder = tmp_path / "in"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("Almen", "Eken"), encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 filer: 2 importerade, 0 ersatta")
    assert f"{folder / 'b.txt'}: varning: möjlig dubblett av a.txt" in result.stderr
    engine = make_engine(str(db))
    assert len(meeting_page(engine).rows) == 2
    engine.dispose()
