"""Merge, split and declare different: the secretary's decisions, all undoable.

Every function here is one transaction and one history entry (`store.history`),
so `history.undo(engine)` takes the whole decision back. Merging keeps the other
spellings as aliases of the kept person (or organisation), so a later import
of any of them lands on the same one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import history
from store.kinds import (
    KINDS,
    ORGANIZATION,
    PERSON,
    Kind,
    MergeError,
    find,
    get_row,
    kind_of,
    label,
)
from store.models import Attendance, DistinctPair
from store.names import alias_key
from store.reconcile import (
    DEFAULT_AUTO_SCORE,
    SuggestedGroup,
    suggested_groups,
)

__all__ = [  # the kinds and `find` live in `store.kinds`; callers have always found them here
    "KINDS",
    "ORGANIZATION",
    "PERSON",
    "Kind",
    "MergeError",
    "MergeResult",
    "SplitResult",
    "declare_different",
    "find",
    "kind_of",
    "merge",
    "merge_group",
    "merge_groups",
    "reconcile_auto",
    "split",
]


@dataclass(frozen=True)
class MergeResult:
    """What a merge did."""

    kind: str
    keep_id: int
    merged_ids: tuple[int, ...]
    name: str
    rows_moved: int
    batch: int
    """The history entry (a reconcile's merges share one)."""
    merged_names: tuple[str, ...] = ()
    """The names the merged ones had."""
    kept_name: str = ""
    """The name the kept one had before the merge."""


@dataclass(frozen=True)
class SplitResult:
    """What a split did: the spelling now belongs to a new person (or organisation)."""

    kind: str
    from_id: int
    new_id: int
    spelling: str
    rows_moved: int
    batch: int


# --- merge -----------------------------------------------------------------------


def merge(
    engine: Engine,
    keep_id: int,
    other_ids: list[int] | tuple[int, ...],
    *,
    kind: str = "person",
    name: str | None = None,
    force: bool = False,
) -> MergeResult:
    """Make `other_ids` one with `keep_id`: move their rows and spellings, then delete them.

    `name` (default: the kept one's name) becomes the canonical spelling; it is
    added as a spelling if it is a new one. People listed in one meeting's
    attendance are different people: merging them is refused unless `force`.
    One history entry, undone together.
    """
    spec = kind_of(kind)
    with Session(engine) as session:
        entry = history.begin(session.connection(), "merge")
        result = _merge_in(session, entry, spec, keep_id, other_ids, name, force)
        entry.finish(f"Merged {result_words(result)}", person_label=result.name)
        session.commit()
        return result


def _merge_in(
    session: Session,
    entry: history.Entry,
    spec: Kind,
    keep_id: int,
    other_ids: list[int] | tuple[int, ...],
    name: str | None,
    force: bool,
) -> MergeResult:
    """One merge, written into `entry`; the caller commits."""
    others = tuple(dict.fromkeys(i for i in other_ids if i != keep_id))
    if not others:
        raise MergeError("nothing to merge: name at least one other than the one kept")
    keep = get_row(session, spec, keep_id)
    merged = [get_row(session, spec, other) for other in others]
    if spec is PERSON and not force:
        _refuse_shared_meetings(session, [keep, *merged])
    merged_names, kept_name = tuple(m.name for m in merged), keep.name
    moved = _move_rows(session, spec, entry, others, keep_id)
    _move_aliases(session, spec, entry, others, keep_id)
    _repoint_distinct(session, spec, entry, others, keep_id)
    _delete_logged(session, entry, merged)
    final = _rename(session, spec, entry, keep, name or keep.name)
    return MergeResult(spec.name, keep_id, others, final, moved, entry.id, merged_names, kept_name)


def result_words(result: MergeResult) -> str:
    """`Irén Lejgren into Irén Lejegren (2 rows moved)`, with the new name if it changed."""
    rows = f"{result.rows_moved} row{'' if result.rows_moved == 1 else 's'}"
    renamed = f", now called {result.name}" if result.name != result.kept_name else ""
    return f"{', '.join(result.merged_names)} into {result.kept_name}{renamed} ({rows} moved)"


def _delete_logged(session: Session, entry: history.Entry, rows: list[Any]) -> None:
    """Delete rows whose references are gone, each logged whole so undo can put it back."""
    session.flush()  # the moves first: nothing may point at a deleted row
    for row in rows:
        entry.delete(row)
        session.delete(row)
    session.flush()


def merge_group(
    engine: Engine, group: SuggestedGroup, *, canonical: str | None = None
) -> MergeResult:
    """Merge a suggested group under `canonical` (default: the group's suggestion)."""
    keep, others = _keep_and_others(group, canonical)
    return merge(engine, keep, others, kind=group.kind, name=canonical or group.canonical)


def reconcile_auto(
    engine: Engine, kind: str = "person", min_score: float = DEFAULT_AUTO_SCORE
) -> list[MergeResult]:
    """Merge every suggested group scoring at least `min_score`: one entry, one undo."""
    return merge_groups(engine, suggested_groups(engine, kind, min_score))


def merge_groups(engine: Engine, groups: list[SuggestedGroup]) -> list[MergeResult]:
    """Merge each group under its suggested name, all in one `reconcile` history entry."""
    if not groups:
        return []
    spec = kind_of(groups[0].kind)
    with Session(engine) as session:
        entry = history.begin(session.connection(), "reconcile")
        results = []
        for group in groups:
            keep, others = _keep_and_others(group, None)
            results.append(_merge_in(session, entry, spec, keep, others, group.canonical, False))
        words = "; ".join(result_words(r) for r in results[:_LISTED])
        if len(results) > _LISTED:
            words += f"; and {len(results) - _LISTED} more"
        many = "people" if spec is PERSON else "organisations"
        entry.finish(f"Reconciled {many} automatically: merged {words}")
        session.commit()
        return results


_LISTED = 5
"""How many of a reconcile's merges its history entry names; the rest are counted."""


def _keep_and_others(group: SuggestedGroup, canonical: str | None) -> tuple[int, list[int]]:
    chosen = canonical or group.canonical
    keep = next((m for m in group.members if chosen in dict(m.spellings)), group.keep)
    return keep.id, [m.id for m in group.members if m.id != keep.id]


def _refuse_shared_meetings(session: Session, people: list[Any]) -> None:
    """Raise when two of `people` are listed in one meeting's attendance."""
    ids = [p.id for p in people]
    query = select(Attendance.meeting_id, Attendance.person_id).where(Attendance.person_id.in_(ids))
    seen: dict[int, int] = {}
    for meeting_id, person_id in session.exec(query.distinct()).all():
        other = seen.setdefault(meeting_id, person_id)
        if other != person_id:
            names = {p.id: p.name for p in people}
            raise MergeError(
                f"{names[other]} and {names[person_id]} are both listed at meeting {meeting_id}: "
                "they are different people (force the merge if the list is wrong)"
            )


def _move_rows(
    session: Session,
    spec: Kind,
    entry: history.Entry,
    from_ids: tuple[int, ...],
    to_id: int,
    key: str | None = None,
) -> int:
    """Point every row of `from_ids` (only those written as `key`, if given) at `to_id`."""
    moved = 0
    for table, written in spec.rows:
        link = getattr(table, spec.link)
        for row in session.exec(select(table).where(link.in_(from_ids))).all():
            if key is not None and alias_key(getattr(row, written) or "") != key:
                continue
            _set(entry, row, spec.link, to_id)
            moved += 1
    return moved


def _move_aliases(
    session: Session,
    spec: Kind,
    entry: history.Entry,
    from_ids: tuple[int, ...],
    to_id: int,
    key: str | None = None,
) -> None:
    """Make the spellings of `from_ids` (only `key`, if given) spellings of `to_id`."""
    query = select(spec.alias).where(getattr(spec.alias, spec.link).in_(from_ids))
    if key is not None:
        query = query.where(spec.alias.key == key)
    for alias in session.exec(query).all():
        _set(entry, alias, spec.link, to_id)


def _repoint_distinct(
    session: Session, spec: Kind, entry: history.Entry, from_ids: tuple[int, ...], to_id: int
) -> None:
    """Declared-different pairs of the merged ones now hold for the kept one."""
    involved = (DistinctPair.first_id.in_(from_ids)) | (DistinctPair.second_id.in_(from_ids))
    query = select(DistinctPair).where(DistinctPair.kind == spec.name, involved)
    taken = {(p.first_id, p.second_id) for p in session.exec(select(DistinctPair)).all()}
    for pair in session.exec(query).all():
        ids = [to_id if i in from_ids else i for i in (pair.first_id, pair.second_id)]
        first, second = min(ids), max(ids)
        if first == second or (first, second) in taken:
            entry.delete(pair)
            session.delete(pair)
            continue
        for field, value in (("first_id", first), ("second_id", second)):
            _set(entry, pair, field, value)
        taken.add((first, second))


def _rename(session: Session, spec: Kind, entry: history.Entry, row: Any, name: str) -> str:
    """Give `row` the canonical `name`, adding it as a spelling when it is a new one."""
    name = " ".join(name.split())
    key = alias_key(name)
    alias_query = select(spec.alias).where(spec.alias.key == key)
    alias = session.exec(alias_query).first()
    if alias is not None and getattr(alias, spec.link) != row.id:
        raise MergeError(f"{name!r} is a spelling of another {label(spec)}")
    if alias is None:
        alias = spec.alias(**{spec.link: row.id, "spelling": name, "key": key})
        session.add(alias)
        session.flush()
        entry.insert(alias)
    if row.name != name:
        _set(entry, row, "name", name)
    return name


def _set(entry: history.Entry, row: Any, field: str, value: Any) -> None:
    """Change one field of one row, and log it in `entry`."""
    old = getattr(row, field)
    if old != value:
        entry.update(row, field, old, value)
        setattr(row, field, value)


# --- split and declare different ----------------------------------------------------


def split(engine: Engine, owner_id: int, spelling: str, *, kind: str = "person") -> SplitResult:
    """Detach `spelling` (with every row written that way) into a new person or organisation.

    The two are then declared different, so they are not suggested again. If
    the spelling was the canonical name, the most used remaining spelling takes
    its place. One history entry.
    """
    spec = kind_of(kind)
    key = alias_key(spelling)
    with Session(engine) as session:
        owner = get_row(session, spec, owner_id)
        aliases = _aliases_of(session, spec, owner_id)
        alias = _splittable(owner, aliases, spelling)
        entry = history.begin(session.connection(), "split", person_label=owner.name)
        if alias_key(owner.name) == key:
            rest = [a.spelling for a in aliases if a.key != key]
            _set(entry, owner, "name", _most_used(session, spec, owner_id, rest))
            session.flush()
        new = spec.model(name=alias.spelling)
        session.add(new)
        session.flush()
        entry.insert(new)
        moved = _move_rows(session, spec, entry, (owner_id,), new.id, key)
        _move_aliases(session, spec, entry, (owner_id,), new.id, key)
        _add_distinct(session, spec, entry, owner_id, new.id)
        rows = f"{moved} row{'' if moved == 1 else 's'}"
        entry.finish(f"Split {alias.spelling} from {owner.name} ({rows} moved)")
        session.commit()
        return SplitResult(spec.name, owner_id, new.id, alias.spelling, moved, entry.id)


def _splittable(owner: Any, aliases: list[Any], spelling: str) -> Any:
    """The alias of `spelling` among `owner`'s, if it can be split off; else `MergeError`."""
    alias = next((a for a in aliases if a.key == alias_key(spelling)), None)
    if alias is None:
        raise MergeError(f"{spelling!r} is not a spelling of {owner.name} (id {owner.id})")
    if len(aliases) < 2:
        raise MergeError(f"{owner.name} (id {owner.id}) has no other spelling to split from")
    return alias


def _aliases_of(session: Session, spec: Kind, owner_id: int) -> list[Any]:
    query = select(spec.alias).where(getattr(spec.alias, spec.link) == owner_id)
    return list(session.exec(query).all())


def _most_used(session: Session, spec: Kind, owner_id: int, spellings: list[str]) -> str:
    """The spelling among `spellings` that most rows of `owner_id` are written as."""
    counts = dict.fromkeys((alias_key(s) for s in spellings), 0)
    for table, written in spec.rows:
        query = select(getattr(table, written)).where(getattr(table, spec.link) == owner_id)
        for value in session.exec(query).all():
            if alias_key(value or "") in counts:
                counts[alias_key(value)] += 1
    best = max(counts, key=counts.__getitem__)
    return next(s for s in spellings if alias_key(s) == best)


def declare_different(
    engine: Engine, first_id: int, second_id: int, *, kind: str = "person"
) -> int | None:
    """Record that two are different, so they are never suggested again.

    Returns the history entry's id, or None if they were already declared different.
    """
    spec = kind_of(kind)
    if first_id == second_id:
        raise MergeError(f"a {label(spec)} cannot be different from itself")
    with Session(engine) as session:
        first = get_row(session, spec, first_id)
        second = get_row(session, spec, second_id)
        entry = history.begin(session.connection(), "different", person_label=first.name)
        if not _add_distinct(session, spec, entry, first_id, second_id):
            return None  # rolled back: the entry is not kept, nothing is discarded
        many = "people" if spec is PERSON else "organisations"
        entry.finish(f"Declared {first.name} and {second.name} different {many}")
        session.commit()
        return entry.id


def _add_distinct(
    session: Session, spec: Kind, entry: history.Entry, first_id: int, second_id: int
) -> bool:
    """Insert and log a `DistinctPair`; False if it was there already."""
    first, second = min(first_id, second_id), max(first_id, second_id)
    query = select(DistinctPair).where(
        DistinctPair.kind == spec.name,
        DistinctPair.first_id == first,
        DistinctPair.second_id == second,
    )
    if session.exec(query).first() is not None:
        return False
    pair = DistinctPair(kind=spec.name, first_id=first, second_id=second)
    session.add(pair)
    session.flush()
    entry.insert(pair)
    return True
