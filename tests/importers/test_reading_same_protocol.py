"""A sample protocol made into a PDF or a Word file parses to what its text parses to."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers
from importers.protocol import parse_document
from importers.reading import read_document
from importers.records import Protocol
from tests.importers.make_documents import sample_lines, sample_text, write_docx, write_pdf

SAMPLES = ("000", "001", "002", "003", "004")


def comparable(protocol: Protocol) -> dict[str, object]:
    """What a meeting, its attendees and its items are, without line numbers."""
    return {
        "meeting": (
            protocol.body, protocol.date, protocol.start, protocol.end, protocol.location,
            protocol.adjusted_on, protocol.next_meeting,
        ),
        "officers": [(o.role, o.name) for o in protocol.officers],
        "attendees": [
            (a.name, a.party, a.organization, a.role, a.present) for a in protocol.attendees
        ],
        "items": [
            (i.number, i.title, " ".join(i.body.split()),
             tuple(" ".join(d.split()) for d in i.decisions),
             tuple(" ".join(a.split()) for a in i.attachments))
            for i in protocol.items
        ],
    }  # fmt: skip


@pytest.mark.parametrize("kind", ["pdf", "docx"])
@pytest.mark.parametrize("name", SAMPLES)
def test_same_meeting_attendees_and_items_as_the_text(name: str, kind: str, tmp_path: Path) -> None:
    text = sample_text(name)
    path = tmp_path / f"{name}.{kind}"
    (write_pdf if kind == "pdf" else write_docx)(sample_lines(text), path)
    document = read_document(path)
    assert document.format == kind
    expected = comparable(importers.parse_text(text))
    assert expected["attendees"] and expected["items"]
    assert comparable(parse_document(document)) == expected


def test_struck_names_in_the_pdf_and_in_word_are_absent(tmp_path: Path) -> None:
    lines = sample_lines(sample_text("003"))
    write_pdf(lines, tmp_path / "003.pdf")
    write_docx(lines, tmp_path / "003.docx")
    for kind in ("pdf", "docx"):
        protocol = parse_document(read_document(tmp_path / f"003.{kind}"))
        absent = {a.name for a in protocol.attendees if not a.present}
        assert {"John Johansson", "Solveig Oscarsson"} <= absent
        assert "Caroline Dieker" not in absent
