"""A document is never replaced by another document: only by a new version of itself.

Real files on disk, parsed by the real importer, into a real SQLite file.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

import importers
from store import edits
from store.db import make_engine
from store.loading import import_paths, load_protocol
from store.models import ImportWarning, Meeting, SourceDocument
from store.queries import meeting_page, next_needing_attention

SAMPLE = Path(__file__).parents[2] / "samples" / "protocols" / "003_44158b9f6cb25cbd.txt"
PLACE = "Plats: Eken, Eklundavägen 1, Örebro"


def write(folder: Path, name: str, place: str = "Eken, Eklundavägen 1, Örebro") -> Path:
    """The sample protocol (Regionalt samverkansråd, 2022-09-29) as `name`, held at `place`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace(PLACE, f"Plats: {place}"), "utf-8")
    return path


def meetings(engine: Engine) -> list[tuple]:
    """(id, file name, location) of every meeting."""
    query = (
        select(Meeting.id, SourceDocument.file_name, Meeting.location)
        .join(SourceDocument, SourceDocument.id == Meeting.source_id)
        .order_by(Meeting.id)
    )
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def duplicate_warnings(engine: Engine) -> list[tuple]:
    """(meeting id, message) of every open 'possible duplicate' warning."""
    query = (
        select(ImportWarning.meeting_id, ImportWarning.message)
        .where(ImportWarning.message.startswith("possible duplicate"), ~ImportWarning.resolved)
        .order_by(ImportWarning.meeting_id, ImportWarning.id)
    )
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """Two different files for one council and day, imported together."""
    engine = make_engine(str(tmp_path / "identity.db"))
    write(tmp_path / "arkiv", "protokoll.txt")
    write(tmp_path / "arkiv", "protokoll-kopia.txt", place="Almen, Eklundavägen 2, Örebro")
    summary = import_paths(engine, [tmp_path / "arkiv"], workers=1)
    assert [o.status for o in summary.outcomes] == ["imported", "imported"]
    return engine


def test_two_files_for_one_council_and_day_are_both_kept_and_warned(
    engine: Engine, tmp_path: Path
) -> None:
    assert meetings(engine) == [
        (1, "protokoll-kopia.txt", "Almen, Eklundavägen 2, Örebro"),
        (2, "protokoll.txt", "Eken, Eklundavägen 1, Örebro"),
    ]
    assert duplicate_warnings(engine) == [
        (1, "possible duplicate of protokoll.txt"),
        (2, "possible duplicate of protokoll-kopia.txt"),
    ]
    again = import_paths(engine, [tmp_path / "arkiv"], workers=1)
    assert [o.status for o in again.outcomes] == ["unchanged", "unchanged"]
    assert len(duplicate_warnings(engine)) == 2


def test_the_duplicate_warning_is_reported_and_needs_attention(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "report.db"))
    import_paths(engine, [write(tmp_path / "a", "protokoll.txt")], workers=1)
    with engine.begin() as conn:  # reviewed, its own warning dealt with: nothing to do
        conn.execute(update(Meeting).values(reviewed=True))
        conn.execute(update(ImportWarning).values(resolved=True))
    assert next_needing_attention(engine) is None
    summary = import_paths(engine, [write(tmp_path / "b", "justerat.txt", "Almen")], workers=1)
    (outcome,) = summary.outcomes
    assert outcome.status == "imported"
    assert (None, "possible duplicate of protokoll.txt") in [
        (w.line, w.message) for w in outcome.warnings
    ]
    assert next_needing_attention(engine) == 2
    assert next_needing_attention(engine, meeting_page(engine).rows[0].cursor) == 1
    # the new one: the duplicate and the parser's own; the old one: the duplicate only
    assert [r.warnings for r in meeting_page(engine).rows] == [len(outcome.warnings), 1]


def test_a_new_version_of_the_same_file_replaces_only_its_own_meeting(
    engine: Engine, tmp_path: Path
) -> None:
    summary = import_paths(engine, [write(tmp_path / "ny", "protokoll.txt", "Rådhuset")])
    assert [(o.status, o.meeting_id) for o in summary.outcomes] == [("replaced", 2)]
    assert meetings(engine) == [
        (1, "protokoll-kopia.txt", "Almen, Eklundavägen 2, Örebro"),
        (2, "protokoll.txt", "Rådhuset"),
    ]
    assert duplicate_warnings(engine) == [
        (1, "possible duplicate of protokoll.txt"),
        (2, "possible duplicate of protokoll-kopia.txt"),
    ]


def test_a_new_version_of_a_reviewed_document_is_refused_unless_replace(
    engine: Engine, tmp_path: Path
) -> None:
    edits.set_reviewed(engine, 2, True)
    new = write(tmp_path / "ny", "protokoll.txt", "Rådhuset")
    (refused,) = import_paths(engine, [new]).outcomes
    assert (refused.status, refused.meeting_id) == ("refused", 2)
    assert "reviewed" in refused.message and "--replace" in refused.message
    assert meetings(engine)[1] == (2, "protokoll.txt", "Eken, Eklundavägen 1, Örebro")
    (forced,) = import_paths(engine, [new], replace=True).outcomes
    assert (forced.status, forced.meeting_id) == ("replaced", 2)
    assert meetings(engine)[1] == (2, "protokoll.txt", "Rådhuset")


def test_the_same_text_under_another_name_is_unchanged(engine: Engine, tmp_path: Path) -> None:
    (outcome,) = import_paths(engine, [write(tmp_path / "annan", "kopia-3.txt")]).outcomes
    assert (outcome.status, outcome.meeting_id) == ("unchanged", 2)
    assert len(meetings(engine)) == 2


def test_meetings_without_a_date_never_match_each_other(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "undated.db"))
    for folder in ("a", "b"):
        seed = importers.parse_file(write(tmp_path / folder, "protokoll.txt", folder))
        undated = dataclasses.replace(seed.protocol, date=None)
        outcome = load_protocol(engine, dataclasses.replace(seed, protocol=undated))
        assert outcome.status == "imported"
    assert [m[0] for m in meetings(engine)] == [1, 2]
    assert duplicate_warnings(engine) == []


def test_another_councils_meeting_on_the_same_day_is_neither_duplicate_nor_replaced(
    tmp_path: Path,
) -> None:
    engine = make_engine(str(tmp_path / "councils.db"))
    ours = write(tmp_path / "ours", "protokoll.txt")
    text = ours.read_text(encoding="utf-8").replace("Regionalt samverkansråd", "Länsrådet")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "oktober.txt").write_text(text.replace("29 september", "27 oktober"), "utf-8")
    (theirs / "protokoll.txt").write_text(text, "utf-8")  # the same file name and day as ours
    assert import_paths(engine, [ours, theirs / "oktober.txt"]).count("imported") == 2
    (outcome,) = import_paths(engine, [theirs / "protokoll.txt"]).outcomes
    assert outcome.status == "imported", outcome.message
    assert outcome.warnings == importers.parse_file(theirs / "protokoll.txt").protocol.warnings
    assert duplicate_warnings(engine) == []
    assert [m[1] for m in meetings(engine)] == ["protokoll.txt", "oktober.txt", "protokoll.txt"]
    engine.dispose()
