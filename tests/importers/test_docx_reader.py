"""The Word reader on documents made here: body order, tables, strikes, tracked changes."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from importers.docx_reader import read_docx
from importers.records import ProtocolError


def attendance_document(path: Path) -> Path:
    """A heading, a paragraph, an attendance table with a struck row, a paragraph after."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Sidhuvud Region Örebro län"
    document.sections[0].footer.paragraphs[0].text = "Justerandes sign"
    document.add_heading("Protokoll Regionalt samverkansråd", level=1)
    document.add_paragraph("Dag och tid: 29 september 2022 kl. 9.00–12.00")
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("Caroline Dieker", "M", "Askersunds kommun."),
        ("John Johansson", "S", "Örebro kommun."),
        ("Anna Ahnér", "S", "Askersunds kommun."),
    ]
    for index, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(value).font.strike = index == 1
    paragraph = document.add_paragraph("Tommy Larserö")
    paragraph.add_run().add_break()
    paragraph.add_run("Sekreterare")
    document.add_paragraph("Namn\tParti\tKommun")
    document.save(str(path))
    return path


def test_body_in_order_with_headings_tables_and_breaks(tmp_path: Path) -> None:
    document = read_docx(attendance_document(tmp_path / "a.docx"))
    assert [line.cells for line in document.lines] == [
        ("Protokoll Regionalt samverkansråd",),
        ("Dag och tid: 29 september 2022 kl. 9.00–12.00",),
        ("Caroline Dieker", "M", "Askersunds kommun."),
        ("John Johansson", "S", "Örebro kommun."),
        ("Anna Ahnér", "S", "Askersunds kommun."),
        ("Tommy Larserö",),
        ("Sekreterare",),
        ("Namn", "Parti", "Kommun"),
    ]
    assert [line.heading for line in document.lines][:2] == [True, False]


def test_struck_runs_strike_their_cells(tmp_path: Path) -> None:
    lines = read_docx(attendance_document(tmp_path / "a.docx")).lines
    assert lines[3].struck == (True, True, True)
    assert lines[2].struck == () and lines[4].struck == ()


def test_double_strike_and_a_partly_struck_cell(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Bo Berg").font.double_strike = True
    paragraph.add_run("\t")
    paragraph.add_run("Kumla ")
    paragraph.add_run("kommun").font.strike = True
    document.save(str(tmp_path / "d.docx"))
    (line,) = read_docx(tmp_path / "d.docx").lines
    assert line.cells == ("Bo Berg", "Kumla kommun")
    assert line.struck == (True, False)


def test_headers_and_footers_are_not_read(tmp_path: Path) -> None:
    text = read_docx(attendance_document(tmp_path / "a.docx")).text
    assert "Sidhuvud" not in text and "Justerandes" not in text


def test_tracked_deletions_are_left_out_and_insertions_kept(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Anna ")
    kept = paragraph.add_run("Andersson")
    gone = paragraph.add_run(" Berg")
    added = paragraph.add_run(" (S)")
    for run, tag, text_tag in ((gone, "w:del", "w:delText"), (added, "w:ins", None)):
        wrapper = paragraph._p.makeelement(qn(tag), {qn("w:id"): "1", qn("w:author"): "x"})
        run._r.addprevious(wrapper)
        wrapper.append(run._r)
        if text_tag:
            run._r.find(qn("w:t")).tag = qn(text_tag)
    assert kept.text == "Andersson"
    document.save(str(tmp_path / "t.docx"))
    assert read_docx(tmp_path / "t.docx").lines[0].cells == ("Anna Andersson (S)",)


def test_text_hash_and_format(tmp_path: Path) -> None:
    path = attendance_document(tmp_path / "a.docx")
    document = read_docx(path)
    assert document.format == "docx" and document.encoding == "docx"
    assert document.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.text.split("\n")[3] == "~~John Johansson~~\t~~S~~\t~~Örebro kommun.~~"


def test_a_nested_table_is_read_inside_its_cell(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.rows[0].cells[0].text = "Ledamöter"
    inner = outer.rows[0].cells[1].add_table(rows=1, cols=1)
    inner.rows[0].cells[0].text = "Eva Ek"
    document.save(str(tmp_path / "n.docx"))
    assert read_docx(tmp_path / "n.docx").lines[0].cells == ("Ledamöter", "Eva Ek")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Protokoll\nTid: 1 mars 2020\n", "not a ZIP container"),
        (None, "no word/document.xml"),
    ],
)
def test_what_is_not_a_word_document_is_refused(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "x.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notes.txt", "hej")
    else:
        path.write_bytes(content)
    with pytest.raises(ProtocolError, match=reason) as refused:
        read_docx(path)
    assert refused.value.path == str(path)


def test_an_empty_word_document_is_refused(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "e.docx"))
    with pytest.raises(ProtocolError, match="no text"):
        read_docx(tmp_path / "e.docx")


def test_a_character_style_that_strikes_strikes_and_hidden_text_is_left_out(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    style = document.styles.add_style("Frånvarande", WD_STYLE_TYPE.CHARACTER)
    style.font.strike = True
    paragraph = document.add_paragraph()
    paragraph.add_run("Bo Berg", style="Frånvarande")
    paragraph.add_run("\t")
    paragraph.add_run("(S)", style="Frånvarande")
    hidden = document.add_paragraph("Eva Ek ")
    hidden.add_run("anteckning till mig själv").font.hidden = True
    document.save(str(tmp_path / "s.docx"))
    lines = read_docx(tmp_path / "s.docx").lines
    assert (lines[0].cells, lines[0].struck) == (("Bo Berg", "(S)"), (True, True))
    assert lines[1].cells == ("Eva Ek",)
