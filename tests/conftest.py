"""Fixtures shared across the suite: the seed protocols imported into a real SQLite file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from store.db import make_engine
from store.loading import import_paths

SEEDS = Path(__file__).parent.parent / "samples" / "protocols"


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed protocols imported by `import_paths` into a database file.

    Read it, or copy it (`engine`); never change it: every test module shares it.
    """
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    engine = make_engine(str(path))
    assert import_paths(engine, [SEEDS]).count("imported") == 5
    with engine.connect() as connection:  # everything into the main file, so copies hold it
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def seeded_engine(seeds: Path, tmp_path: Path) -> Iterator[Engine]:
    """An engine on a fresh copy of the seeds database, for a test that changes it."""
    copy = tmp_path / "copy.db"
    shutil.copy(seeds, copy)
    engine = make_engine(str(copy))
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's default language, whatever the machine's locale: tests ask for English."""
    monkeypatch.setenv("PROTOKOLL_LANG", "sv")
