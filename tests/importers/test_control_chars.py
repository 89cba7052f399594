"""Document text is never a terminal command: escape sequences and control characters are
removed on import, with a warning naming the line, and what is stored is clean."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlalchemy import select
from sqlmodel import Session

from importers.control_chars import strip_controls, strip_controls_with_warnings
from importers.reading import read_document
from store import models
from store.db import make_engine
from store.loading import import_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
NAME = "002_51c692209e7ef6f5.txt"
CLEAR_SCREEN = "\x1b[2J"
RENAME_WINDOW = "\x1b]0;pwned\x07"


@pytest.mark.parametrize(
    ("text", "clean", "removed"),
    [
        ("Anna \x1b[2JAndersson", "Anna Andersson", 1),
        ("Anna \x1b[1;31mAndersson\x1b[0m", "Anna Andersson", 2),
        ("Plan \x1b]0;title\x07B", "Plan B", 1),
        ("Plan \x1b]0;title\x1b\\B", "Plan B", 1),
        ("Plan \x1b]8;;http://x.se\x1b\\länk\x1b]8;;\x1b\\", "Plan länk", 2),
        ("Plan \x1b]0;utan slut", "Plan 0;utan slut", 1),  # only the introducer goes
        ("Reset\x1bc här", "Reset här", 1),
        ("C1 \x9b2J och \x85NEL", "C1  och NEL", 2),
        ("nul\x00 bel\x07 del\x7f bs\x08", "nul bel del bs", 4),
        ("tabb\tstannar\noch radbrytning", "tabb\tstannar\noch radbrytning", 0),
        ("slut\x1b", "slut", 1),
        ("Örebro – Ålands öar ☃", "Örebro – Ålands öar ☃", 0),
    ],
)
def test_strip_controls(text: str, clean: str, removed: int) -> None:
    assert strip_controls(text) == (clean, removed)


def test_warnings_name_each_line_and_form_feeds_go_quietly() -> None:
    text = f"rad ett\nAnna {CLEAR_SCREEN}Berg\n\fsida två\nTitel{RENAME_WINDOW}\n"
    clean, warnings = strip_controls_with_warnings(text)
    assert clean == "rad ett\nAnna Berg\nsida två\nTitel\n"
    assert [(w.line, w.message) for w in warnings] == [
        (2, "control characters removed from the text (\\x1b)"),
        (4, "control characters removed from the text (\\x07, \\x1b)"),
    ]


def _import_with_controls(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The seed with `\\x1b[2J` in an attendee's name and OSC sequences in two titles."""
    text = (SAMPLES / NAME).read_text(encoding="utf-8")
    changes = {
        "Johanna Martin (M)": f"Johanna {CLEAR_SCREEN}Martin (M)",
        "**Mötet öppnades**": f"**Mötet {RENAME_WINDOW}öppnades**",
        "Specifikt samverkansråd för skola": f"Specifikt samverkansråd{RENAME_WINDOW} för skola",
    }
    lines = {}
    for old, new in changes.items():
        assert old in text
        lines[old] = text[: text.index(old)].count("\n") + 1
        text = text.replace(old, new, 1)
    path = tmp_path / "in" / NAME
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path, lines


def test_controls_in_a_name_and_titles_are_warned_about_and_stored_clean(tmp_path: Path) -> None:
    path, lines = _import_with_controls(tmp_path)
    engine = make_engine(str(tmp_path / "p.db"))

    summary = import_paths(engine, [path])

    (outcome,) = summary.outcomes
    assert outcome.status == "imported"
    removed = sorted(w.line for w in outcome.warnings if "control characters" in w.message)
    assert removed == sorted(lines.values())
    with Session(engine) as session:
        names = session.exec(select(models.Attendance.name_as_written)).scalars().all()
        titles = session.exec(select(models.AgendaItem.title)).scalars().all()
        bodies = session.exec(select(models.Body.name)).scalars().all()
        (source,) = session.exec(select(models.SourceDocument.text)).scalars().all()
        stored = session.exec(select(models.ImportWarning.line, models.ImportWarning.message))
        stored_lines = sorted(line for line, message in stored if "control" in message)
    assert "Johanna Martin" in names
    assert "Mötet öppnades" in titles
    assert bodies == ["Specifikt samverkansråd för skola, utbildning och kompetensförsörjning"]
    everything = "".join([*names, *titles, *bodies, source])
    assert not any(ch in everything for ch in "\x1b\x07")
    assert stored_lines == sorted(lines.values())
    engine.dispose()


def test_word_cells_lose_their_controls_with_a_warning(tmp_path: Path) -> None:
    """XML cannot hold ESC, but a .docx can hold C1 controls: `\\x9b` is an 8-bit CSI."""
    document = docx.Document()
    document.add_paragraph("Protokoll Kommunstyrelsen")
    document.add_paragraph("Tid: 3 maj 2021")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Anna \x9b2JBerg"
    table.rows[0].cells[1].text = "(S)\x7f"
    path = tmp_path / "protokoll.docx"
    document.save(str(path))

    read = read_document(path)

    assert read.lines[2].cells == ("Anna Berg", "(S)")
    assert read.text.split("\n")[2] == "Anna Berg\t(S)"
    assert [(w.line, w.message) for w in read.warnings] == [
        (3, "control characters removed from the text (\\x7f, \\x9b)")
    ]
    assert not any(ch in read.text for ch in "\x7f\x9b")
