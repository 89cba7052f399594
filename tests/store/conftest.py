"""Fixtures shared by the store's tests: the PostgreSQL server CI starts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from store.db import make_engine
from store.models import SQLModel
from tests.store.pg_url import PG_URL


@pytest.fixture
def pg() -> Iterator[Engine]:
    """An empty schema on the PostgreSQL test database."""
    assert PG_URL is not None, "PROTOKOLL_TEST_PG_URL is not set"
    engine = make_engine(PG_URL, create=False)
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    yield engine
    SQLModel.metadata.drop_all(engine)
    engine.dispose()
