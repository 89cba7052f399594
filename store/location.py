"""Where the database lives: the default one, and what a path or a URL given for it means.

Apart from `store.db` because the app reads this before SQLAlchemy is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV_VAR = "PROTOKOLL_DB"


def default_database() -> str:
    """The database to use when none is given: `$PROTOKOLL_DB`, else one in the user's data dir."""
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return from_env
    from platformdirs import user_data_dir  # only without $PROTOKOLL_DB

    return str(Path(user_data_dir("protokoll")) / "protokoll.db")


def database_url(database: str) -> str:
    """Turn a file path or a SQLAlchemy URL into a SQLAlchemy URL."""
    if "://" in database:
        return database
    return f"sqlite:///{Path(database).expanduser()}"


def sqlite_file(database: str) -> Path | None:
    """The file a database given as a path names; None for a URL (PostgreSQL, `sqlite://`)."""
    return None if "://" in database else Path(database).expanduser()
