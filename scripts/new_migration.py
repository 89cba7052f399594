"""Write a new Alembic revision for what the models have that the migrations do not yet.

    .venv/bin/python scripts/new_migration.py 0003_partial_attendance "attendance by paragraph"

It migrates a scratch SQLite database to the current head, lets Alembic compare
it with the models (batch mode, so SQLite `ALTER`s copy tables), and writes
store/migrations/versions/<id>_<message>.py. Rename it to <id>.py, read and edit
it (data to carry over, defaults for new NOT NULL columns, `ruff format`), then
set `HEAD` in store/migrations/__init__.py to the new id and rebuild sample.db.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from store.schema import alembic_config


def main() -> None:
    """Parse the arguments and write the revision."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision_id", help="e.g. 0003_partial_attendance")
    parser.add_argument("message", help="what the revision changes, in words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{Path(scratch) / 'head.db'}")
        with engine.begin() as conn:
            config = alembic_config(conn)
            command.upgrade(config, "head")
            command.revision(config, args.message, autogenerate=True, rev_id=args.revision_id)
        engine.dispose()


if __name__ == "__main__":
    main()
