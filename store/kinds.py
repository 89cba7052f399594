"""People and organisations as kinds of one thing, and finding one by id or name.

`Kind` says where each lives, which rows point at it and how a loosely typed
name is folded; merging, splitting and the CLI work on either through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from store.models import Attendance, Officer, Organization, OrganizationAlias, Person, PersonAlias
from store.names import alias_key, name_key, organization_words


class MergeError(ValueError):
    """A merge, split or lookup that cannot be done, with a message meant for the person."""


@dataclass(frozen=True)
class Kind:
    """Where one kind of thing (person, organisation) lives and which rows point at it."""

    name: str
    model: type[SQLModel]
    alias: type[SQLModel]
    link: str
    """The column of the alias and of each row table that holds the id."""
    rows: tuple[tuple[type[SQLModel], str], ...]
    """Each table pointing at it, with the column holding the spelling as written."""
    fold: Callable[[str], str]
    """The folded key a loosely typed name is looked up by."""


PERSON = Kind(
    "person",
    Person,
    PersonAlias,
    "person_id",
    ((Attendance, "name_as_written"), (Officer, "name_as_written")),
    name_key,
)
ORGANIZATION = Kind(
    "organization",
    Organization,
    OrganizationAlias,
    "organization_id",
    ((Attendance, "organization_as_written"),),
    lambda name: " ".join(organization_words(name)),
)
KINDS = {"person": PERSON, "organization": ORGANIZATION}


def kind_of(name: str) -> Kind:
    """The `Kind` called `name` (`person` or `organization`)."""
    try:
        return KINDS[name]
    except KeyError:
        raise MergeError(f"unknown kind {name!r}: person or organization") from None


def get_row(session: Session, spec: Kind, row_id: int) -> Any:
    """The person (or organisation) `row_id`; `MergeError` when there is none."""
    row = session.get(spec.model, row_id)
    if row is None:
        raise MergeError(f"there is no {label(spec)} with id {row_id}")
    return row


def label(spec: Kind) -> str:
    """The kind as a person says it: `person`, `organisation`."""
    return "organisation" if spec.name == "organization" else spec.name


# --- finding by id or name ---------------------------------------------------------


def find(engine: Engine, text: str, *, kind: str = "person") -> int:
    """The id of the person (or organisation) `text` names: an id, a spelling, or a folded name.

    Raises `MergeError` when nothing matches or when a folded name matches more than one.
    """
    spec = kind_of(kind)
    text = " ".join(text.split())
    with Session(engine) as session:
        if text.isdigit():
            return get_row(session, spec, int(text)).id
        exact = session.exec(select(spec.alias).where(spec.alias.key == alias_key(text))).first()
        if exact is not None:
            return getattr(exact, spec.link)
        by_name = session.exec(select(spec.model.id).where(spec.model.name == text)).all()
        if len(by_name) == 1:
            return by_name[0]
        return _find_folded(session, spec, text)


def _find_folded(session: Session, spec: Kind, text: str) -> int:
    key = spec.fold(text)
    owners: dict[int, list[str]] = {}
    query = select(getattr(spec.alias, spec.link), spec.alias.spelling)
    for owner, spelling in session.exec(query).all():
        if spec.fold(spelling) == key:
            owners.setdefault(owner, []).append(spelling)
    if len(owners) == 1:
        return next(iter(owners))
    if not owners:
        raise MergeError(f"no {label(spec)} is called {text!r}")
    listed = "; ".join(f"id {owner}: {', '.join(names)}" for owner, names in sorted(owners.items()))
    raise MergeError(f"{text!r} is ambiguous, it could be {listed}; use an id or an exact spelling")
