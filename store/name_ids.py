"""The ids of a protocol's council, people and organisations: remembered, looked up or made.

An import meets the same few hundred names again and again, so ids found or
made are remembered (`store.loading.LookupCache`): those of committed
transactions, of this transaction's earlier files, and of this file, checked
in that order of freshness. Only a name not remembered costs a query; a
spelling never seen before becomes a new person or organisation, logged in
the file's history entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Table, bindparam, insert, select

from importers.records import Attendee, Protocol
from store.bulk import Driver, Statement
from store.import_entry import ImportEntry
from store.loading import LookupCache, alias_key, new_uid
from store.tables import BODY, ORG, ORG_ALIAS, PERSON, PERSON_ALIAS

_BODY_NAMED = Statement(select(BODY.c.id).where(BODY.c.name == bindparam("name")))
_NEW_BODY = Statement(
    insert(BODY).values(name=bindparam("name"), uid=bindparam("uid")), returns_id=BODY
)
_ORG_NAMED = Statement(select(ORG.c.id).where(ORG.c.name == bindparam("name")))
_NEW_ORG = Statement(
    insert(ORG).values(name=bindparam("name"), uid=bindparam("uid")), returns_id=ORG
)
_ALIAS_COLUMNS = {
    "personalias": ("person_id", "spelling", "key", "uid"),
    "organizationalias": ("organization_id", "spelling", "key", "uid"),
}


class NameIds:
    """Ids for one file's names, on the file's driver, logged in the file's entry."""

    def __init__(
        self,
        driver: Driver,
        entry: ImportEntry,
        known: tuple[LookupCache, LookupCache, LookupCache],
    ) -> None:
        """`known` is (this file's, this transaction's, committed): the first receives."""
        self.driver = driver
        self.entry = entry
        self.staged = known[0]
        self.bodies = tuple(k.bodies for k in known)
        self.people = tuple(k.people for k in known)
        self.organizations = tuple(k.organizations for k in known)
        self.organization_names = tuple(k.organization_names for k in known)
        self.alias_key = alias_key
        self.new_uid = new_uid

    def known_body(self, name: str | None) -> int | None:
        """The id of the council called `name`, or None when there is none (yet)."""
        if not name:
            return None
        body_id = _first(self.bodies, name)
        if body_id is None:
            body_id = self.driver.scalar(_BODY_NAMED, {"name": name})
            if body_id is not None:
                self.staged.bodies[name] = body_id
        return body_id

    def body(self, name: str | None) -> int | None:
        """The council's id, created if new; None when the protocol names no council."""
        body_id = self.known_body(name)
        if body_id is None and name:
            uid = self.new_uid()
            body_id = self.driver.insert(_NEW_BODY, {"name": name, "uid": uid})
            self.entry.inserted("body", [uid])
            self.staged.bodies[name] = body_id
        return body_id

    def people_of(self, protocol: Protocol) -> dict[str, int]:
        """Alias key -> person id for every name in the protocol, creating people as needed."""
        names = [a.name for a in protocol.attendees] + [o.name for o in protocol.officers]
        spellings = self._first_spelling_per_key(names)
        staged, pending, committed = self.people
        # ids are never 0, so `or` falls through to the next, staler mapping
        ids = {k: staged.get(k) or pending.get(k) or committed.get(k) for k in spellings}
        missing = [key for key, found in ids.items() if found is None]
        if missing:
            ids.update(self._lookup_aliases(PERSON_ALIAS, "person_id", missing))
            new = [key for key in missing if ids.get(key) is None]
            ids.update(self._create_people({key: spellings[key] for key in new}))
            self.staged.people.update({key: ids[key] for key in missing})
        return ids if not missing else {k: i for k, i in ids.items() if i is not None}

    def organizations_of(self, attendees: Iterable[Attendee]) -> dict[str, int]:
        """Alias key of each organisation as written -> organisation id, creating as needed."""
        pairs = _organization_spellings(attendees)
        staged, pending, committed = self.organizations
        ids: dict[str, int] = {}
        for written in pairs:
            key = self.alias_key(written)
            found = staged.get(key) or pending.get(key) or committed.get(key)
            if found is None:
                return self._find_or_make_organizations(pairs)
            ids[key] = found
        return ids  # every spelling was remembered: the common case

    def _find_or_make_organizations(self, pairs: dict[str, str]) -> dict[str, int]:
        """`organizations_of` when a spelling is not remembered: look up, else make."""
        key_of = self.alias_key
        orgs = self.organizations
        unknown = [
            k for k in {key_of(s) for p in pairs.items() for s in p} if _first(orgs, k) is None
        ]
        if unknown:
            found = self._lookup_aliases(ORG_ALIAS, "organization_id", unknown)
            self.staged.organizations.update(found)
        ids: dict[str, int] = {}
        new_aliases: dict[str, tuple[str, int]] = {}
        for written, canonical in pairs.items():
            key = key_of(written)
            org_id = _first(orgs, key)
            if org_id is None:
                org_id = self._organization_for(canonical)
                new_aliases[key] = (written, org_id)
                self.staged.organizations[key] = org_id
            ids[key] = org_id
        self._insert_aliases(ORG_ALIAS, new_aliases)
        return ids

    def _first_spelling_per_key(self, names: Iterable[str]) -> dict[str, str]:
        """Alias key -> the first spelling seen with that key, in document order."""
        spellings: dict[str, str] = {}
        key_of = self.alias_key
        for name in names:
            spellings.setdefault(key_of(name), name)
        return spellings

    def _lookup_aliases(self, table: Table, id_column: str, keys: Sequence[str]) -> dict[str, int]:
        query = select(table.c.key, table.c[id_column]).where(table.c.key.in_(keys))
        return {key: found for key, found in self.driver.conn.execute(query)}

    def _create_people(self, spellings: dict[str, str]) -> dict[str, int]:
        if not spellings:
            return {}
        conn: Connection = self.driver.conn
        statement = insert(PERSON).returning(PERSON.c.id, sort_by_parameter_order=True)
        people = [{"name": s, "uid": self.new_uid()} for s in spellings.values()]
        rows = conn.execute(statement, people).all()
        self.entry.inserted("person", [p["uid"] for p in people])
        ids = {key: row.id for key, row in zip(spellings, rows, strict=True)}
        aliases = {key: (spelling, ids[key]) for key, spelling in spellings.items()}
        self._insert_aliases(PERSON_ALIAS, aliases)
        return ids

    def _organization_for(self, canonical: str) -> int:
        """The organisation a canonical name stands for: by its spellings, its name, or new."""
        org_id = _first(self.organizations, self.alias_key(canonical))
        if org_id is None:
            org_id = _first(self.organization_names, canonical)
        if org_id is None:
            org_id = self.driver.scalar(_ORG_NAMED, {"name": canonical})
        if org_id is None:
            uid = self.new_uid()
            org_id = self.driver.insert(_NEW_ORG, {"name": canonical, "uid": uid})
            self.entry.inserted("organization", [uid])
        self.staged.organization_names[canonical] = org_id
        return org_id

    def _insert_aliases(self, table: Table, aliases: dict[str, tuple[str, int]]) -> None:
        """New spellings (key -> (spelling, owner id)) of people or organisations."""
        rows = [
            (owner_id, spelling, key, self.new_uid())
            for key, (spelling, owner_id) in aliases.items()
        ]
        if rows:
            self.driver.insert_rows(table, _ALIAS_COLUMNS[table.name], rows)
            self.entry.inserted(table.name, [row[3] for row in rows])


def _first(mappings: tuple[dict[str, int], ...], key: str) -> int | None:
    """The id the freshest of `mappings` holds for `key`."""
    for mapping in mappings:
        found = mapping.get(key)
        if found is not None:
            return found
    return None


def _organization_spellings(attendees: Iterable[Attendee]) -> dict[str, str]:
    """Organisation as written -> its canonical name, for every attendee who names one."""
    pairs: dict[str, str] = {}
    for a in attendees:
        if a.organization:
            pairs.setdefault(a.organization, a.organization_canonical or a.organization)
    return pairs
