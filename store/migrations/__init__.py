"""Alembic migrations of the protokoll schema (see store/schema.py for when they run).

`HEAD` names the newest revision so that opening a database already at head
needs no Alembic import; tests/store/test_migrations.py fails when it lags.
"""

from pathlib import Path

HEAD = "0005_attendance_function"
"""The newest revision in versions/."""

BASELINE = "0001_release_0_1_0"
"""The schema of release 0.1.0, the last one made without Alembic."""

LOCATION = Path(__file__).parent
"""Alembic's script_location."""
