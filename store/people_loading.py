"""The people index's rows: what a keystroke needs at once, the rest per hit.

A search needs every spelling of every person and how many meetings each
attended (the order before typing, and among equal scores). Parties and
organisations are only shown, for the few hits on screen: reading them for
100,000 people took seconds before the first keystroke could be answered, so
`hit_details` reads them for the hits, by id. Rows come through SQLAlchemy
Core, without ORM sessions or objects.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Select, distinct, func, select, union_all
from sqlalchemy.engine import Connection, Engine

from store.models import Attendance, Officer, Organization, Person, PersonAlias
from store.search import PeopleIndex, PersonEntry

Details = tuple[tuple[str, ...], tuple[str, ...]]
"""A person's parties and organisations, each sorted."""
DETAIL_BATCH = 500
"""Person ids per `IN (…)` when reading hits' details (well under any driver's limit)."""


def load_index(engine: Engine) -> PeopleIndex:
    """The people index of the database, its details read per search by `hit_details`."""
    index = PeopleIndex(load_entries(engine), details=functools.partial(hit_details, engine))
    index.set_meetings(meeting_counts(engine))
    return index


def load_entries(engine: Engine) -> list[PersonEntry]:
    """One `PersonEntry` per person, in id order, with their spellings (no counts, no details)."""
    others: dict[int, list[str]] = defaultdict(list)
    # Only the spellings that differ from the name: for most people there are none.
    differing = (
        select(PersonAlias.person_id, PersonAlias.spelling)
        .join(Person, Person.id == PersonAlias.person_id)
        .where(PersonAlias.spelling != Person.name)
        .distinct()
    )
    for person_id, spelling in driver_rows(engine, differing):
        others[person_id].append(spelling)
    people = driver_rows(engine, select(Person.id, Person.name).order_by(Person.id))
    none: tuple[str, ...] = ()
    return [
        PersonEntry(
            person_id, name, tuple(sorted(others[person_id])) if person_id in others else none
        )
        for person_id, name in people
    ]


def driver_rows(engine: Engine, query: Select) -> list[tuple]:
    """All rows of a query without parameters, as the driver's own tuples.

    For 100,000 rows, SQLAlchemy's result rows cost about as much again as the query.
    """
    sql = str(query.compile(dialect=engine.dialect))
    with engine.connect() as connection:
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql)
            return cursor.fetchall()
        finally:
            cursor.close()


def hit_details(engine: Engine, person_ids: Sequence[int]) -> dict[int, Details]:
    """The parties and organisations of each person in `person_ids` (empty ones for none)."""
    parties: dict[int, list[str]] = {}
    organizations: dict[int, list[str]] = {}
    with engine.connect() as connection:
        for start in range(0, len(person_ids), DETAIL_BATCH):
            batch = list(person_ids[start : start + DETAIL_BATCH])
            parties |= _grouped(connection, _parties().where(Attendance.person_id.in_(batch)))
            organizations |= _grouped(
                connection, _organizations().where(Attendance.person_id.in_(batch))
            )
    return {p: (tuple(parties.get(p, ())), tuple(organizations.get(p, ()))) for p in person_ids}


def _parties() -> Select:
    return select(Attendance.person_id, Attendance.party).where(Attendance.party.is_not(None))


def _organizations() -> Select:
    return select(Attendance.person_id, Organization.name).join(
        Organization, Organization.id == Attendance.organization_id
    )


def _grouped(connection: Connection, query: Select) -> dict[int, list[str]]:
    """`{person_id: sorted distinct values}` from a two-column query."""
    return _sorted_groups(connection.execute(query.distinct()))


def _sorted_groups(rows: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    groups: dict[int, set[str]] = defaultdict(set)
    for person_id, value in rows:
        groups[person_id].add(value)
    return {person_id: sorted(values) for person_id, values in groups.items()}


def meeting_counts(engine: Engine) -> Mapping[int, int]:
    """How many meetings each person attended or served as an officer at.

    `UNION ALL` and `count(DISTINCT …)`, not `UNION` and `count(*)`: the same
    figure, without a sorted set of every (person, meeting) pair first.
    """
    both = union_all(
        select(Attendance.person_id, Attendance.meeting_id),
        select(Officer.person_id, Officer.meeting_id),
    ).subquery()
    query = select(both.c.person_id, func.count(distinct(both.c.meeting_id))).group_by(
        both.c.person_id
    )
    return dict(driver_rows(engine, query))
