"""Random sequences of changes, undos and redos: each undo and redo gives back exactly the
database as it was, whatever came between (seeded, so every run tries the same sequences)."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import edits, merging
from store.db import make_engine
from store.history import list_history, redo, undo
from store.loading import import_paths
from store.models import Attendance, Meeting, Person, PersonAlias
from tests.store.db_state import db_state

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
State = dict[str, list[tuple[Any, ...]]]


def _ids(engine: Engine, column: Any) -> list[int]:
    with Session(engine) as session:
        return sorted(session.exec(select(column)).all())


def _edit(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    meeting = rng.choice(_ids(engine, Meeting.id))
    edits.update_field(engine, "meeting", meeting, "location", f"Lokal {rng.randint(1, 99)}")


def _add(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    name = rng.choice(["Karin Ny", "Irén Lejgren", f"Person {rng.randint(1, 9)}"])
    edits.add_attendee(engine, rng.choice(_ids(engine, Meeting.id)), name, party="S")


def _delete(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    edits.delete_row(engine, "attendance", rng.choice(_ids(engine, Attendance.id)))


def _review(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    meeting = rng.choice(_ids(engine, Meeting.id))
    with Session(engine) as session:
        reviewed = session.get(Meeting, meeting).reviewed
    edits.set_reviewed(engine, meeting, not reviewed)


def _merge(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    keep, other = rng.sample(_ids(engine, Person.id), 2)
    merging.merge(engine, keep, [other], force=True)


def _split(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    with Session(engine) as session:
        aliases = session.exec(select(PersonAlias.person_id, PersonAlias.spelling)).all()
    owners = [owner for owner, _ in aliases]
    shared = [(o, s) for o, s in aliases if owners.count(o) > 1]
    if shared:
        owner, spelling = rng.choice(shared)
        merging.split(engine, owner, spelling)


def _different(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    first, second = rng.sample(_ids(engine, Person.id), 2)
    merging.declare_different(engine, first, second)


def _reimport(engine: Engine, rng: random.Random, files: list[Path]) -> None:
    path = rng.choice(files)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert import_paths(engine, [path], replace=True).count("replaced") == 1


CHANGES: list[Callable[[Engine, random.Random, list[Path]], None]] = [
    _edit,
    _add,
    _delete,
    _review,
    _merge,
    _split,
    _different,
    _reimport,
]


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Engine, list[Path]]:
    """The five sample protocols, copied (to be re-imported) and imported into a file."""
    folder = tmp_path / "protocols"
    shutil.copytree(SAMPLES, folder)
    engine = make_engine(str(tmp_path / "sequences.db"))
    assert import_paths(engine, [folder]).count("imported") == 5
    return engine, sorted(folder.iterdir())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_undo_and_redo_give_back_each_state_exactly(
    archive: tuple[Engine, list[Path]], seed: int
) -> None:
    engine, files = archive
    rng = random.Random(seed)
    done: list[tuple[State, State]] = []  # (before, after) of each entry in effect
    undone: list[tuple[State, State]] = []
    for _ in range(45):
        roll = rng.random()
        if roll < 0.25 and done:
            before, after = done.pop()
            assert undo(engine) is not None
            assert db_state(engine) == before
            undone.append((before, after))
        elif roll < 0.4 and undone:
            before, after = undone.pop()
            assert redo(engine) is not None
            assert db_state(engine) == after
            done.append((before, after))
        else:
            before, entries = db_state(engine), len(list_history(engine, limit=10_000))
            rng.choice(CHANGES)(engine, rng, files)
            if len(list_history(engine, limit=10_000)) > entries:
                done.append((before, db_state(engine)))
                undone.clear()
    if not undone:
        assert redo(engine) is None, "a change made after an undo discarded what it undid"
    while done:
        before, _ = done.pop()
        undo(engine)
        assert db_state(engine) == before
