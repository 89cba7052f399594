"""Fixtures for driving the real app with Pilot on copies of `sample.db`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from store.db import make_engine

ROOT = Path(__file__).parents[2]
SAMPLE_DB = ROOT / "sample.db"
SEEDS = ROOT / "samples" / "protocols"


@pytest.fixture
def sample_copy(tmp_path: Path) -> Iterator[Engine]:
    """An engine on a fresh copy of `sample.db` (the five seed protocols)."""
    copy = tmp_path / "sample.db"
    shutil.copy(SAMPLE_DB, copy)
    engine = make_engine(str(copy))
    yield engine
    engine.dispose()


@pytest.fixture
def engine_seeds(seeded_engine: Engine) -> Engine:
    """A fresh copy of the seeds imported by the importer (tests/conftest.py)."""
    return seeded_engine
