"""The same loading and export on PostgreSQL, at the URL in $PROTOKOLL_TEST_PG_URL.

Skipped when the variable is not set (`.ci/run` starts a throwaway server and sets it).
The database it names is emptied: point it at a scratch database only.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

import importers
from importers.records import AgendaItem, ParsedFile
from store import edits, queries
from store.db import make_engine
from store.export import TABLE_NAMES, export_table
from store.loading import import_paths, load_protocol
from store.models import SQLModel
from tests.store.pg_url import PG_URL

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"

pytestmark = pytest.mark.skipif(not PG_URL, reason="PROTOKOLL_TEST_PG_URL is not set")


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar()
            for t in SQLModel.metadata.sorted_tables
        }


def csv_of(engine: Engine, name: str) -> str:
    out = io.StringIO(newline="")
    export_table(engine, name, out, excel=True)
    return out.getvalue()


def with_broken_last_item(parsed: ParsedFile) -> ParsedFile:
    """A seed whose last agenda item cannot be stored (no title): fails after most rows."""
    broken = AgendaItem(99, None, "", (), (), 1, 1)  # type: ignore[arg-type]
    protocol = dataclasses.replace(parsed.protocol, items=(*parsed.protocol.items, broken))
    source = dataclasses.replace(parsed.source, content_hash="not-the-seed")
    return ParsedFile(source, protocol)


def test_seeds_export_the_same_from_postgres_as_from_sqlite(pg: Engine, tmp_path: Path) -> None:
    lite = make_engine(str(tmp_path / "same.db"))
    for engine in (pg, lite):
        summary = import_paths(engine, [SAMPLES])
        assert summary.count("imported") == 5, summary
    for name in TABLE_NAMES:
        assert csv_of(pg, name) == csv_of(lite, name), name
    assert import_paths(pg, [SAMPLES]).count("unchanged") == 5


def test_failure_mid_protocol_leaves_nothing_on_postgres(pg: Engine) -> None:
    seed = importers.parse_file(sorted(SAMPLES.iterdir())[0])
    outcome = load_protocol(pg, with_broken_last_item(seed))
    assert outcome.status == "failed" and "could not be stored" in outcome.message
    assert set(counts(pg).values()) == {0}


def test_reviewed_meeting_is_refused_then_replaced_keeping_its_id(pg: Engine) -> None:
    first, *others = sorted(SAMPLES.iterdir())
    seed = importers.parse_file(first)
    assert load_protocol(pg, seed).meeting_id == 1
    edits.set_reviewed(pg, 1, True)
    changed = dataclasses.replace(seed, source=dataclasses.replace(seed.source, content_hash="v2"))
    assert load_protocol(pg, changed).status == "refused"
    replaced = load_protocol(pg, changed, replace=True)
    assert (replaced.status, replaced.meeting_id) == ("replaced", 1)
    # The sequence was not disturbed by reusing id 1: new meetings still get fresh ids.
    summary = import_paths(pg, others)
    assert [o.meeting_id for o in summary.outcomes] == [2, 3, 4, 5]


def incomplete_seeds() -> list[ParsedFile]:
    """The seeds, and copies of two: one without date or council, one a second file of its day.

    The first seed's first attendee attended only some paragraphs.
    """
    seeds = [importers.parse_file(path) for path in sorted(SAMPLES.iterdir())]
    first = seeds[0].protocol
    partial = first.attendees[0]._replace(paragraphs="§§ 1-3, 7", paragraph_numbers=(1, 2, 3, 7))
    seeds[0] = dataclasses.replace(
        seeds[0], protocol=dataclasses.replace(first, attendees=(partial, *first.attendees[1:]))
    )
    copies = []
    for number, (seed, changes) in enumerate(
        ((seeds[1], {"date": None, "body": None}), (seeds[2], {"location": "Almen"}))
    ):
        source = dataclasses.replace(
            seed.source, path=f"kopia/{number}.txt", content_hash=str(number)
        )
        copies.append(ParsedFile(source, dataclasses.replace(seed.protocol, **changes)))
    return [*seeds, *copies]


def test_incomplete_meetings_list_and_export_alike_on_both(pg: Engine, tmp_path: Path) -> None:
    lite = make_engine(str(tmp_path / "incomplete.db"))
    for engine in (pg, lite):
        outcomes = [load_protocol(engine, parsed) for parsed in incomplete_seeds()]
        assert [o.status for o in outcomes] == ["imported"] * 7
        edits.update_field(engine, "meeting", 6, "reviewed", True)
    for name in TABLE_NAMES:
        assert csv_of(pg, name) == csv_of(lite, name), name
    assert "1-3,7" in csv_of(pg, "attendance")
    pages = [[r.id for r in queries.meeting_page(e, limit=3).rows] for e in (pg, lite)]
    assert pages[0] == pages[1] and pages[0][-1] != 6
    assert queries.meeting_page(pg, at=(None, 6)).rows[0].id == 6
    last = queries.meeting_page(pg).rows[-1]
    assert (last.id, last.date, last.body) == (6, None, None)
    assert queries.next_needing_attention(pg, queries.meeting_page(pg).rows[-2].cursor) == 6
