"""Loading parsed protocols: all or nothing, unchanged, replaced or refused, aliases linked."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine

from importers.records import (
    AgendaItem,
    Attendee,
    Officer,
    ParsedFile,
    ParseWarning,
    Protocol,
    SourceText,
)
from store import edits
from store.db import make_engine
from store.loading import LookupCache, alias_key, load_protocol
from store.models import SQLModel

BODY = "Regionalt samverkansråd"
TABLES = [t.name for t in SQLModel.metadata.sorted_tables]


def attendee(name: str, org: str | None = "Nora kommun", **kw: object) -> Attendee:
    """An attendee row as the parser would give it."""
    fields: dict = dict(party="S", organization_canonical=org, role="member", present=True, line=20)
    fields.update(kw)
    return Attendee(name=name, organization=org, **fields)


def protocol(**kw: object) -> Protocol:
    """A small protocol: two members, a chair, two items, one warning."""
    fields: dict = dict(
        body=BODY,
        date=date(2020, 9, 25),
        start=time(9),
        end=time(11, 20),
        location="Digitalt via Skype",
        officers=(Officer("chair", "Andreas Svahn", 12), Officer("adjuster", "Bo Rudolfsson", 14)),
        adjusted_on=date(2020, 10, 10),
        next_meeting=date(2020, 11, 20),
        next_meeting_text="20 november",
        attendees=(
            attendee("Andreas Svahn", "Region Örebro", organization_canonical="Region Örebro län"),
            attendee("Bo Rudolfsson", "Laxå kommun", party="KD"),
            attendee("Tom Rymoen", "Nora kommun", party="M", present=False, role="substitute"),
        ),
        items=(
            AgendaItem(1, "Mötets öppnande", "", (), (), 30, 31),
            AgendaItem(
                2,
                "Budget",
                "Text.",
                ("Att godkänna.", "Att lägga till handlingarna."),
                ("Bilaga 1", "Bilaga 2"),
                32,
                40,
            ),
        ),
        warnings=(ParseWarning(17, "could not place this line"),),
    )
    fields.update(kw)
    return Protocol(**fields)


def parsed(text: str = "protokoll v1", path: str = "p/a.txt", **kw: object) -> ParsedFile:
    """A parsed file whose content hash follows its text."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return ParsedFile(SourceText(path, text, "utf-8", digest), protocol(**kw))


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return make_engine(str(tmp_path / "load.db"))


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table."""
    with engine.connect() as conn:
        tables = SQLModel.metadata.tables
        return {
            n: conn.execute(select(func.count()).select_from(tables[n])).scalar() for n in TABLES
        }


def rows(engine: Engine, table: str, *columns: str) -> list[tuple]:
    t = SQLModel.metadata.tables[table]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(*(t.c[c] for c in columns)).order_by(t.c.id))]


def test_load_stores_every_part_of_the_protocol(engine: Engine) -> None:
    outcome = load_protocol(engine, parsed())
    assert (outcome.status, outcome.message, outcome.meeting_id) == ("imported", None, 1)
    assert outcome.warnings == (ParseWarning(17, "could not place this line"),)
    assert rows(
        engine, "meeting", "date", "start_time", "end_time", "location", "next_meeting"
    ) == [(date(2020, 9, 25), time(9), time(11, 20), "Digitalt via Skype", date(2020, 11, 20))]
    assert rows(engine, "sourcedocument", "file_name", "path", "encoding", "text") == [
        ("a.txt", "p/a.txt", "utf-8", "protokoll v1")
    ]
    assert rows(
        engine,
        "attendance",
        "name_as_written",
        "party",
        "organization_as_written",
        "role",
        "present",
        "line",
    ) == [
        ("Andreas Svahn", "S", "Region Örebro", "member", True, 20),
        ("Bo Rudolfsson", "KD", "Laxå kommun", "member", True, 20),
        ("Tom Rymoen", "M", "Nora kommun", "substitute", False, 20),
    ]
    assert rows(engine, "officer", "role", "name_as_written", "person_id") == [
        ("chair", "Andreas Svahn", 1),
        ("adjuster", "Bo Rudolfsson", 2),
    ]
    assert rows(engine, "agendaitem", "number", "title", "decisions", "attachments") == [
        (1, "Mötets öppnande", "", ""),
        (2, "Budget", "Att godkänna.\nAtt lägga till handlingarna.", "Bilaga 1\nBilaga 2"),
    ]
    assert rows(engine, "importwarning", "meeting_id", "source_id", "line", "message") == [
        (1, 1, 17, "could not place this line")
    ]


def test_people_and_organisations_get_canonical_names_and_aliases(engine: Engine) -> None:
    load_protocol(engine, parsed())
    assert rows(engine, "person", "name") == [
        ("Andreas Svahn",),
        ("Bo Rudolfsson",),
        ("Tom Rymoen",),
    ]
    assert rows(engine, "personalias", "spelling", "key") == [
        ("Andreas Svahn", "andreas svahn"),
        ("Bo Rudolfsson", "bo rudolfsson"),
        ("Tom Rymoen", "tom rymoen"),
    ]
    assert rows(engine, "organization", "name") == [
        ("Region Örebro län",),
        ("Laxå kommun",),
        ("Nora kommun",),
    ]
    assert rows(engine, "organizationalias", "organization_id", "spelling") == [
        (1, "Region Örebro"),
        (2, "Laxå kommun"),
        (3, "Nora kommun"),
    ]


def test_same_content_again_is_unchanged_and_writes_nothing(engine: Engine) -> None:
    load_protocol(engine, parsed())
    before = counts(engine)
    outcome = load_protocol(engine, parsed(path="elsewhere/copy.txt"))
    assert (outcome.status, outcome.meeting_id, outcome.warnings) == ("unchanged", 1, ())
    assert counts(engine) == before


def test_changed_file_replaces_an_untouched_meeting_and_keeps_its_id(engine: Engine) -> None:
    load_protocol(engine, parsed())
    load_protocol(engine, parsed("other", date=date(2021, 1, 1)))
    outcome = load_protocol(engine, parsed("protokoll v2", location="Almen"))
    assert (outcome.status, outcome.meeting_id) == ("replaced", 1)
    assert rows(engine, "meeting", "id", "location") == [(1, "Almen"), (2, "Digitalt via Skype")]
    assert rows(engine, "sourcedocument", "text") == [("other",), ("protokoll v2",)]
    assert counts(engine)["attendance"] == 6
    assert counts(engine)["person"] == 3


@pytest.mark.parametrize("touch", ["review", "edit"])
def test_reviewed_or_edited_meeting_is_refused_unless_replace(engine: Engine, touch: str) -> None:
    load_protocol(engine, parsed())
    if touch == "review":
        with engine.begin() as conn:  # reviewed without a log row: the flag alone protects it
            conn.execute(update(SQLModel.metadata.tables["meeting"]).values(reviewed=True))
    else:
        edits.update_field(engine, "attendance", 1, "party", "V")
    before = counts(engine)
    refused = load_protocol(engine, parsed("protokoll v2"))
    assert refused.status == "refused" and refused.meeting_id == 1
    expected = "reviewed" if touch == "review" else "edited"
    assert f"p/a.txt: meeting 1 ({BODY}, 2020-09-25) has been {expected}" in refused.message
    assert "--replace" in refused.message
    assert counts(engine) == before
    forced = load_protocol(engine, parsed("protokoll v2", location="Almen"), replace=True)
    assert (forced.status, forced.meeting_id) == ("replaced", 1)
    assert rows(engine, "meeting", "location", "reviewed") == [("Almen", False)]


def test_an_undone_edit_no_longer_protects_the_meeting(engine: Engine) -> None:
    load_protocol(engine, parsed())
    edits.update_field(engine, "meeting", 1, "location", "Almen")
    edits.undo(engine)
    assert load_protocol(engine, parsed("protokoll v2")).status == "replaced"


def test_known_alias_links_to_its_person(engine: Engine) -> None:
    load_protocol(engine, parsed())
    with engine.begin() as conn:  # as reconciliation leaves it: a second spelling of person 1
        alias = SQLModel.metadata.tables["personalias"]
        conn.execute(insert(alias).values(person_id=1, spelling="A. Svahn", key="a. svahn"))
    officers = (Officer("chair", "A.  SVAHN", 5), Officer("secretary", "Ny Person", 6))
    load_protocol(engine, parsed("v2", date=date(2021, 1, 1), officers=officers))
    assert rows(engine, "officer", "meeting_id", "person_id", "name_as_written")[-2:] == [
        (2, 1, "A.  SVAHN"),
        (2, 4, "Ny Person"),
    ]
    assert rows(engine, "person", "name")[-1] == ("Ny Person",)
    assert counts(engine)["personalias"] == 5


def test_organisation_spellings_share_one_organisation(engine: Engine) -> None:
    load_protocol(engine, parsed())
    people = (
        attendee("Solveig Oscarsson", "Region Örebro län"),
        attendee("Tom Rymoen", "Laxå  kommun"),
    )
    load_protocol(engine, parsed("v2", date=date(2021, 1, 1), attendees=people))
    assert rows(engine, "organization", "name") == [
        ("Region Örebro län",),
        ("Laxå kommun",),
        ("Nora kommun",),
    ]
    assert rows(engine, "organizationalias", "organization_id", "spelling")[-1] == (
        1,
        "Region Örebro län",
    )
    assert rows(engine, "attendance", "organization_id")[-2:] == [(1,), (2,)]


def test_failure_mid_protocol_leaves_nothing_behind(engine: Engine) -> None:
    bad_items = (AgendaItem(1, None, "", (), (), 30, 31),)  # type: ignore[arg-type]
    outcome = load_protocol(engine, parsed(items=bad_items))
    assert outcome.status == "failed" and outcome.meeting_id is None
    assert outcome.message.startswith("p/a.txt: could not be stored: ")
    assert "agendaitem.title" in outcome.message
    assert set(counts(engine).values()) == {0}


def test_failed_replacement_keeps_the_stored_meeting(engine: Engine) -> None:
    load_protocol(engine, parsed())
    before = counts(engine)
    bad_items = (AgendaItem(1, None, "", (), (), 30, 31),)  # type: ignore[arg-type]
    assert load_protocol(engine, parsed("v2", items=bad_items)).status == "failed"
    assert counts(engine) == before
    assert rows(engine, "sourcedocument", "text") == [("protokoll v1",)]


def test_cache_survives_a_merge_made_by_someone_else_meanwhile(engine: Engine) -> None:
    cache = LookupCache()
    load_protocol(engine, parsed(), cache=cache)
    with engine.begin() as conn:  # another process merges Tom Rymoen (3) into Bo (2)
        tables = SQLModel.metadata.tables
        conn.execute(
            update(tables["personalias"])
            .where(tables["personalias"].c.person_id == 3)
            .values(person_id=2)
        )
        conn.execute(
            update(tables["attendance"])
            .where(tables["attendance"].c.person_id == 3)
            .values(person_id=2)
        )
        conn.execute(delete(tables["person"]).where(tables["person"].c.id == 3))
    outcome = load_protocol(engine, parsed("v2", date=date(2021, 1, 1)), cache=cache)
    assert outcome.status == "imported"
    assert rows(engine, "attendance", "meeting_id", "person_id")[-1] == (2, 2)


def test_rolled_back_ids_are_not_remembered(engine: Engine) -> None:
    cache = LookupCache()
    bad_items = (AgendaItem(1, None, "", (), (), 30, 31),)  # type: ignore[arg-type]
    load_protocol(engine, parsed(items=bad_items), cache=cache)
    assert cache.is_empty()
    assert load_protocol(engine, parsed(), cache=cache).status == "imported"
    assert cache.people[alias_key("Tom  Rymoen")] == 3


def test_alias_key_folds_case_and_spaces() -> None:
    assert alias_key("  Irén\tLEJEGREN ") == "irén lejegren"


def test_loading_and_export_import_no_ui() -> None:
    code = (
        "import json, sys, store.loading, store.export, store.parse_pool; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert "store.parse_pool" in loaded
    ui = [m for m in loaded if m.split(".")[0] in {"textual", "typer", "tui", "rich"}]
    assert ui == []
