"""Where the store's PostgreSQL tests run: a scratch database that `.ci/run` starts, emptied."""

from __future__ import annotations

import os

PG_URL = os.environ.get("PROTOKOLL_TEST_PG_URL")
