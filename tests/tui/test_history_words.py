"""Every summary the history holds, and every undo/redo message, is told in Swedish.

The store writes them in English (`store` must not depend on the app); a real
database on disk gets one entry of each kind the store can build, and each is
read back through `tui.store_words.told`: under Swedish no English is left,
under English it reads exactly as the store wrote it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store import edits, history, merging
from store.db import make_engine
from store.history import HistoryError, list_history, redo, undo
from store.loading import import_paths
from store.models import AgendaItem, Attendance, ImportWarning, Meeting, Officer
from store.paragraphs import set_paragraphs
from tui.i18n import set_language
from tui.store_words import told

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
ENGLISH = re.compile(
    r"\b(the|of|in|and|is|not|no|a|an|to|from|into|with|has|been|was|it|this|found|missing"
    r"|meeting|attendee|agenda|item|warning|line|rows?|moved|council|undated|named|empty|yes"
    r"|now|called|people|organisations|automatically|merged|different|over|imported|since"
    r"|outside|history|changed|nothing|there|already|back|undo|redo|reviewed|Location|Start"
    r"|Party|Present|Role|Resolved|Paragraphs|Name|Body|Title|chair|secretary"
    r"|adjuster|member|substitute|Added|Deleted|Marked|Moved|Merged|Split|Declared|Imported"
    r"|Re-imported|Reconciled|Undid|Redid|Cannot)\b"
)
"""Words of the store's English (not `Organisation`: Swedish too); what is quoted (values,
file text) is taken out first."""
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|\S+\.txt")


def english_left(text: str) -> list[str]:
    """The English words in `text`, outside quotes and file names."""
    return ENGLISH.findall(_QUOTED.sub(" ", text))


@pytest.fixture
def language() -> Iterator[None]:
    """Each test chooses its language; the app's default is restored after."""
    yield
    set_language("sv")


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """Two meetings on disk, the second from a copy that will be corrected and imported again."""
    engine = make_engine(str(tmp_path / "words.db"))
    shutil.copy(SAMPLES / "002_51c692209e7ef6f5.txt", tmp_path / "002.txt")
    warned = tmp_path / "003.txt"  # no attendance list: a warning to resolve and delete
    warned.write_text("Protokoll Kommunstyrelsen\nDatum: 2022-05-03\n\n§ 1 Öppnande\n", "utf-8")
    for path in (SAMPLES / "000_40086cb381e27565.txt", tmp_path / "002.txt", warned):
        assert import_paths(engine, [path]).count("imported") == 1  # meetings 1, 2 and 3
    return engine


def _ids(engine: Engine) -> dict[str, int]:
    models = {"attendance": Attendance, "officer": Officer, "agendaitem": AgendaItem}
    with Session(engine) as session:
        ids = {
            name: session.exec(select(model.id).where(model.meeting_id == 2)).first()
            for name, model in models.items()
        }
        ids["importwarning"] = session.exec(select(ImportWarning.id)).first()
    assert all(ids.values()), ids
    return ids


def _every_kind_of_entry(engine: Engine, tmp_path: Path) -> list[str]:
    """One entry of each form the store writes; returns the undo/redo messages said on the way."""
    ids = _ids(engine)
    edits.update_field(engine, "meeting", 2, "location", "Kommunhuset")
    edits.update_field(engine, "meeting", 2, "start_time", "14:00")
    edits.update_field(engine, "meeting", 2, "adjusted_on", None)
    edits.update_field(engine, "attendance", ids["attendance"], "present", False)
    edits.update_field(engine, "attendance", ids["attendance"], "role", "substitute")
    edits.update_field(engine, "attendance", ids["attendance"], "party", "MP")
    edits.update_field(engine, "importwarning", ids["importwarning"], "resolved", True)
    edits.update_field(engine, "agendaitem", ids["agendaitem"], "title", "Öppnande")
    edits.update_field(engine, "agendaitem", ids["agendaitem"], "body", "Mötet öppnades.")
    edits.add_agenda_item(engine, 2, 40, "Övriga frågor")
    edits.add_attendee(engine, 2, "Karin Handlagd", party="S")
    edits.add_officer(engine, 2, "adjuster", "Karin Handlagd")
    edits.rename_attendee(engine, "attendance", ids["attendance"], "Kim Bäckström")
    edits.set_organization(engine, ids["attendance"], "Nya bolaget AB", create=True)
    set_paragraphs(engine, ids["attendance"], "1-3")
    edits.set_body(engine, 1, "Regionstyrelsen", create=True)
    edits.delete_row(engine, "officer", ids["officer"])
    edits.delete_row(engine, "importwarning", ids["importwarning"])
    edits.set_reviewed(engine, 1, True)
    edits.set_reviewed(engine, 1, False)
    lejegren = merging.find(engine, "Irén Lejegren")
    merging.merge(engine, lejegren, [merging.find(engine, "Irén Lejgren")], name="Irén Lejegren Ek")
    merging.split(engine, lejegren, "Irén Lejgren")
    merging.declare_different(engine, lejegren, merging.find(engine, "Kim Bäckström"))
    merging.reconcile_auto(engine, min_score=80)
    said = [undo(engine), redo(engine)]
    copy = tmp_path / "002.txt"
    copy.write_text(copy.read_text(encoding="utf-8").replace("Via Zoom", "Teams"), "utf-8")
    assert import_paths(engine, [copy], replace=True).count("replaced") == 1
    return [s for s in said if s]


def _refusals(engine: Engine) -> list[str]:
    """What undo says when an entry no longer fits: changed since, gone, replaced."""
    said = []
    edits.update_field(engine, "meeting", 1, "location", "Lokal A")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meeting SET location = 'Elsewhere' WHERE id = 1")
    said.append(_refused(engine))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meeting SET location = 'Lokal A' WHERE id = 1")
    undo(engine)
    party = edits.update_field(engine, "attendance", _ids(engine)["attendance"], "party", "V")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM attendance WHERE id = {party.row_id}")
    said.append(_refused(engine))
    said.append(_put_back_already(engine))
    return said


def _put_back_already(engine: Engine) -> str:
    """A deleted row put back outside the history: undoing the delete is refused."""
    with engine.begin() as conn:
        row = dict(conn.exec_driver_sql("SELECT * FROM attendance LIMIT 1").mappings().one())
    edits.delete_row(engine, "attendance", row["id"])
    with engine.begin() as conn:
        names = ", ".join(row)
        conn.execute(text(f"INSERT INTO attendance ({names}) VALUES (:{', :'.join(row)})"), row)
    return _refused(engine)


def _refused(engine: Engine) -> str:
    with pytest.raises(HistoryError) as refused:
        undo(engine)
    return str(refused.value)


def _replaced_refusal(engine: Engine, tmp_path: Path) -> str:
    """A change logged against a meeting a re-import has since replaced (a stale writer)."""
    with Session(engine) as session:
        stale = session.get(Meeting, 2)
    copy = tmp_path / "002.txt"
    copy.write_text(copy.read_text(encoding="utf-8").replace("Teams", "Rådhuset"), "utf-8")
    assert import_paths(engine, [copy], replace=True).count("replaced") == 1
    with Session(engine) as session:
        entry = history.begin(session.connection(), "edit", meeting_id=2)
        entry.update(stale, "location", "Teams", "Kommunhuset")
        entry.finish(history.changed(session.connection(), stale, "location", "Teams", "X"))
        session.commit()
    return _refused(engine)


@pytest.fixture
def phrases(engine: Engine, tmp_path: Path) -> list[str]:
    """Every summary in the history, then what undo and redo said, then their refusals."""
    said = _every_kind_of_entry(engine, tmp_path)
    refusals = _refusals(engine)
    summaries = [e.summary for e in list_history(engine, limit=1000)]
    return [*summaries, *said, *refusals, _replaced_refusal(engine, tmp_path)]


def test_each_kind_of_entry_was_built(phrases: list[str]) -> None:
    """The fixture really built every form (so the next tests cannot pass on too few)."""
    starts = {p.split(" ")[0] for p in phrases}
    assert {"Added", "Deleted", "Marked", "Moved", "Merged", "Split", "Declared"} <= starts
    assert {"Imported", "Re-imported", "Reconciled", "Undid:", "Redid:", "Cannot"} <= starts
    forms = ("now called", "no longer there", "changed since", "replaced by", "there already")
    for form in forms:
        assert any(form in p for p in phrases), form
    for field in ("Location", "Start time", "Present", "Role", "Resolved", "Body", "Paragraphs"):
        assert any(p.startswith(f"{field} of ") for p in phrases), field


def test_no_summary_is_left_in_english_under_swedish(phrases: list[str], language: None) -> None:
    set_language("sv")
    left = {p: english_left(told(p)) for p in phrases if english_left(told(p))}
    assert not left, "\n".join(f"{p}\n  -> {told(p)}\n  {w}" for p, w in left.items())


def test_under_english_each_summary_reads_as_the_store_wrote_it(
    phrases: list[str], language: None
) -> None:
    set_language("en")
    assert [told(p) for p in phrases] == phrases


def test_the_swedish_names_meetings_people_and_values_as_a_secretary_would(
    language: None,
) -> None:
    set_language("sv")
    label = "2022-04-26 Kommunstyrelsen"
    assert told(f"Present of attendee Kim Bäckström in the meeting {label}: yes → no") == (
        f"Närvarande för deltagaren Kim Bäckström i mötet {label}: ja → nej"
    )
    assert told(f"Role of attendee Kim in the meeting {label}: 'member' → 'substitute'") == (
        f"Roll för deltagaren Kim i mötet {label}: 'ledamot' → 'ersättare'"
    )
    assert told("Undid: Added chair Anna Ek in the meeting undated (council not named)") == (
        "Ångrade: La till ordförande Anna Ek i mötet utan datum (organ ej angivet)"
    )
    assert told("Merged A B into C D, now called C E (1 row moved)") == (
        "Slog ihop A B med C D, som nu heter C E (1 rad flyttad)"
    )
    merges = "; ".join(f"A{n} into B{n} (2 rows moved)" for n in range(5))
    assert told(f"Reconciled organisations automatically: merged {merges}; and 3 more") == (
        "Samordnade organisationer automatiskt: slog ihop "
        + "; ".join(f"A{n} med B{n} (2 rader flyttade)" for n in range(5))
        + "; och 3 till"
    )
    assert (
        told("Added attendee Kim in the meeting meeting 7")
        == "La till deltagaren Kim i mötet möte 7"
    )


def test_a_phrase_of_no_known_form_is_shown_as_written(language: None) -> None:
    set_language("sv")
    assert told("Something a newer protokoll wrote") == "Something a newer protokoll wrote"
