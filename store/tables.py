"""The models' tables, typed as `Table`, for the code that writes and reads on the Core level.

SQLModel types `__table__` loosely; these handles say once what they are, so the
loader, the writer, the name lookups and the export share them.
"""

from __future__ import annotations

from sqlalchemy import Table

from store import models

BODY: Table = models.Body.__table__  # type: ignore[assignment]
MEETING: Table = models.Meeting.__table__  # type: ignore[assignment]
SOURCE: Table = models.SourceDocument.__table__  # type: ignore[assignment]
PERSON: Table = models.Person.__table__  # type: ignore[assignment]
PERSON_ALIAS: Table = models.PersonAlias.__table__  # type: ignore[assignment]
ORG: Table = models.Organization.__table__  # type: ignore[assignment]
ORG_ALIAS: Table = models.OrganizationAlias.__table__  # type: ignore[assignment]
ATTENDANCE: Table = models.Attendance.__table__  # type: ignore[assignment]
OFFICER: Table = models.Officer.__table__  # type: ignore[assignment]
ITEM: Table = models.AgendaItem.__table__  # type: ignore[assignment]
WARNING: Table = models.ImportWarning.__table__  # type: ignore[assignment]
