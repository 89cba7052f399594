"""CSV export: headers, values read back with the csv module, Excel dialect, formulas defused."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from importers.records import AgendaItem, Attendee, Officer, ParsedFile, Protocol, SourceText
from store import export
from store.db import make_engine
from store.export import HEADERS, cell, export_all, export_table
from store.loading import load_protocol
from store.models import SQLModel

BODY = "Regionalt samverkansråd"


def member(
    name: str, party: str | None, org: str, canonical: str, present: bool = True, **kw: object
) -> Attendee:
    return Attendee(name, party, org, canonical, "member", present, 20, **kw)  # type: ignore[arg-type]


def parsed(name: str, when: date, attendees: tuple, officers: tuple, items: tuple) -> ParsedFile:
    text = f"{name} {when}"
    source = SourceText(f"samples/{name}", text, "utf-8", hashlib.sha256(text.encode()).hexdigest())
    protocol = Protocol(
        BODY, when, time(9), time(11, 20), "Digitalt via Skype", officers, date(2020, 10, 1),
        None, None, attendees, items, (),
    )  # fmt: skip
    return ParsedFile(source, protocol)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """Two meetings on disk; the later one is loaded first, so ids and dates disagree.

    In between, reconciliation has made `Irén Lejegren` a spelling of `Irén Lejgren`.
    """
    engine = make_engine(str(tmp_path / "export.db"))
    later = parsed(
        "b.txt",
        date(2021, 3, 1),
        (member("Irén Lejgren", "S", "Region Örebro", "Region Örebro län"),),
        (Officer("chair", "Irén Lejgren", 3),),
        (AgendaItem(1, '=HYPERLINK("x")', "", ("- att godkänna",), (), 30, 31),),
    )
    earlier = parsed(
        "a.txt",
        date(2020, 9, 25),
        (
            member(
                "Irén Lejegren",
                "S",
                "Region Örebro län",
                "Region Örebro län",
                paragraphs="§§ 1, 2 och 5",
                paragraph_numbers=(1, 2, 5),
                function="ordförande",
            ),
            member("Bo Rudolfsson", "KD", "Laxå kommun.", "Laxå kommun", present=False),
        ),
        (
            Officer("chair", "Irén Lejegren", 3),
            Officer("secretary", "Tommy Larserö", 4),
            Officer("adjuster", "Bo Rudolfsson", 5),
            Officer("adjuster", "Irén Lejegren", 6),
        ),
        (
            AgendaItem(1, "Mötets öppnande", "", (), (), 30, 31),
            AgendaItem(2, "Budget", "", ("Att godkänna.", "Att vänta."), ("Bilaga 1",), 32, 40),
        ),
    )
    assert load_protocol(engine, later).status == "imported"
    with engine.begin() as conn:
        alias = SQLModel.metadata.tables["personalias"]
        conn.execute(
            insert(alias).values(person_id=1, spelling="Irén Lejegren", key="irén lejegren")
        )
    assert load_protocol(engine, earlier).status == "imported"
    return engine


def exported(engine: Engine, name: str, *, excel: bool = False) -> tuple[int, str]:
    out = io.StringIO(newline="")
    count = export_table(engine, name, out, excel=excel)
    return count, out.getvalue()


def read(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("name", export.TABLE_NAMES)
def test_header_is_exactly_the_agreed_one(engine: Engine, name: str) -> None:
    _, text = exported(engine, name)
    assert text.splitlines()[0] == ",".join(HEADERS[name])


def test_meetings_in_date_order_with_officers_joined(engine: Engine) -> None:
    count, text = exported(engine, "meetings")
    assert count == 2
    first, second = read(text)
    assert first == {
        "meeting_id": "2", "body": BODY, "date": "2020-09-25", "start": "09:00", "end": "11:20",
        "location": "Digitalt via Skype", "chair": "Irén Lejgren", "secretary": "Tommy Larserö",
        "adjusters": "Bo Rudolfsson; Irén Lejgren", "adjusted_on": "2020-10-01",
        "next_meeting": "", "source_file": "a.txt",
    }  # fmt: skip
    assert (second["meeting_id"], second["chair"], second["secretary"]) == ("1", "Irén Lejgren", "")


def test_attendance_has_written_and_canonical_names(engine: Engine) -> None:
    count, text = exported(engine, "attendance")
    assert count == 3
    assert [tuple(r.values()) for r in read(text)] == [
        ("2", "2020-09-25", BODY, "Irén Lejegren", "Irén Lejgren", "S", "Region Örebro län",
         "member", "true", "1-2,5", "ordförande"),
        ("2", "2020-09-25", BODY, "Bo Rudolfsson", "Bo Rudolfsson", "KD", "Laxå kommun",
         "member", "false", "", ""),
        ("1", "2021-03-01", BODY, "Irén Lejgren", "Irén Lejgren", "S", "Region Örebro län",
         "member", "true", "", ""),
    ]  # fmt: skip


def test_agenda_keeps_decisions_on_their_own_lines_and_defuses_formulas(engine: Engine) -> None:
    count, text = exported(engine, "agenda")
    assert count == 3
    rows = read(text)
    assert rows[1]["decisions"] == "Att godkänna.\nAtt vänta."
    assert rows[1]["attachments"] == "Bilaga 1"
    assert (rows[2]["title"], rows[2]["decisions"]) == ('\'=HYPERLINK("x")', "'- att godkänna")


def test_people_summarise_spellings_parties_and_meetings(engine: Engine) -> None:
    _, text = exported(engine, "people")
    rows = {r["name"]: r for r in read(text)}
    assert rows["Irén Lejgren"] == {
        "person_id": "1", "name": "Irén Lejgren", "aliases": "Irén Lejgren; Irén Lejegren",
        "parties": "S", "organizations": "Region Örebro län", "meetings": "2",
        "first_seen": "2020-09-25", "last_seen": "2021-03-01",
    }  # fmt: skip
    absent_adjuster = rows["Bo Rudolfsson"]
    assert (absent_adjuster["meetings"], absent_adjuster["parties"]) == ("1", "KD")
    assert rows["Tommy Larserö"]["organizations"] == ""
    assert rows["Tommy Larserö"]["first_seen"] == "2020-09-25"


def test_excel_dialect_is_semicolons_after_a_byte_order_mark(
    engine: Engine, tmp_path: Path
) -> None:
    paths = export_all(engine, tmp_path / "csv", excel=True)
    assert sorted(paths) == sorted(export.TABLE_NAMES)
    raw = paths["meetings"].read_bytes()
    assert raw.startswith("\ufeffmötes_id;organ;datum;".encode())  # Swedish, for people
    rows = read(raw.decode("utf-8-sig"), delimiter=";")
    assert rows[0]["justerare"] == "Bo Rudolfsson; Irén Lejgren"


def test_excel_gives_swedish_roles_and_ja_nej(engine: Engine) -> None:
    _, text = exported(engine, "attendance", excel=True)
    rows = read(text.removeprefix("\ufeff"), delimiter=";")
    assert {row["roll"] for row in rows} <= {"ledamot", "ersättare", "övrig"}
    assert {row["närvarande"] for row in rows} <= {"ja", "nej"}
    assert len({export.EXCEL_HEADERS.get(h, h) for h in HEADERS["attendance"]}) == len(
        HEADERS["attendance"]
    )


def test_plain_export_all_has_no_byte_order_mark(engine: Engine, tmp_path: Path) -> None:
    paths = export_all(engine, tmp_path / "new" / "folder")
    for name, path in paths.items():
        assert path.read_bytes().startswith(HEADERS[name][0].encode())


def test_unknown_table_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError, match="unknown table 'minutes'"):
        export_table(engine, "minutes", io.StringIO())


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("=1+1", "'=1+1"), ("+46 19", "'+46 19"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"), ("Anna", "Anna"), ("a=b", "a=b"), (None, ""), (True, "true"),
        (False, "false"), (7, "7"), (date(2020, 2, 26), "2020-02-26"), (time(9, 5), "09:05"),
    ],
)  # fmt: skip
def test_cell_values(value: object, text: str) -> None:
    assert cell(value) == text


def test_pages_of_meetings_and_people_join_up(engine: Engine, monkeypatch) -> None:
    monkeypatch.setattr(export, "PAGE_SIZE", 1)
    assert [r["meeting_id"] for r in read(exported(engine, "meetings")[1])] == ["2", "1"]
    assert [r["person_id"] for r in read(exported(engine, "people")[1])] == ["1", "2", "3"]
    assert exported(engine, "attendance") == exported_unpaged(engine, "attendance")
    assert exported(engine, "agenda") == exported_unpaged(engine, "agenda")


def exported_unpaged(engine: Engine, name: str) -> tuple[int, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(export, "PAGE_SIZE", 10_000)
        return exported(engine, name)


def test_streamed_cells_are_what_cell_makes_of_them(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "cells.db"))
    odd = member("@Anna", "+S", "-Laxå kommun", "\tLaxå kommun", present=False)
    items = (AgendaItem(1, "\rRubrik", "", ("=1+1",), ("@bilaga",), 30, 31),)
    assert load_protocol(engine, parsed("c.txt", date(2020, 2, 26), (odd,), (), items)).status
    (attendance,) = read(exported(engine, "attendance")[1])
    assert [attendance[k] for k in ("name_as_written", "person", "party", "organization")] == [
        "'@Anna", "'@Anna", "'+S", cell("\tLaxå kommun"),
    ]  # fmt: skip
    assert (attendance["present"], attendance["date"]) == ("false", "2020-02-26")
    (item,) = read(exported(engine, "agenda")[1])
    assert [item[k] for k in ("title", "decisions", "attachments")] == [
        cell("\rRubrik"), "'=1+1", "'@bilaga",
    ]  # fmt: skip
