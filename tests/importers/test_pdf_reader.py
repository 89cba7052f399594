"""The PDF reader on PDFs made here from the sample protocols, in their column layouts."""

from __future__ import annotations

import ctypes
import hashlib
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from importers.document import Document, render_text
from importers.pdf_reader import read_pdf
from tests.importers.make_documents import (
    FOOTER,
    LETTERHEAD,
    SampleLine,
    sample_lines,
    sample_text,
    write_pdf,
)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    """Each sample as a PDF, with the number of pages it took."""
    folder = tmp_path_factory.mktemp("pdf")
    made = {}
    for name in ("000", "001", "002", "003", "004"):
        path = folder / f"{name}.pdf"
        made[name] = (path, write_pdf(sample_lines(sample_text(name)), path))
    return made


def read(pdfs: dict[str, tuple[Path, int]], name: str) -> Document:
    return read_pdf(pdfs[name][0])


def line_starting(document: Document, start: str) -> tuple[str, ...]:
    return next(
        line.cells for line in document.lines if line.cells[:1] and line.cells[0].startswith(start)
    )


def test_columns_apart_by_wide_gaps_become_cells(pdfs: dict[str, tuple[Path, int]]) -> None:
    document = read(pdfs, "000")
    assert line_starting(document, "Johanna Martin") == ("Johanna Martin (M)", "Askersund kommun")
    assert line_starting(document, "Irén Lejegren (S)") == (
        "Irén Lejegren (S)",
        "Region Örebro län",
    )
    assert line_starting(document, "Ordförande") == ("Ordförande", "Justerare")


def test_word_spaces_stay_inside_a_cell(pdfs: dict[str, tuple[Path, int]]) -> None:
    document = read(pdfs, "000")
    assert line_starting(document, "Tid:") == ("Tid: Onsdag 26 februari 2020 kl 9:00 – 12:00",)


def test_a_line_drawn_through_cells_strikes_them(pdfs: dict[str, tuple[Path, int]]) -> None:
    lines = {line.cells[0]: line for line in read(pdfs, "003").lines if len(line.cells) == 3}
    assert lines["John Johansson"].struck == (True, True, True)
    assert lines["Solveig Oscarsson"].struck == (True, True, True)
    assert lines["Caroline Dieker"].struck == ()
    assert lines["Caroline Dieker"].cells == ("Caroline Dieker", "M", "Askersunds kommun.")


def test_an_underline_is_not_a_strike(tmp_path: Path) -> None:
    path = tmp_path / "underline.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 700, "Anna Andersson")
    canvas.line(72, 698, 150, 698)
    canvas.drawString(72, 680, "Bo Berg")
    canvas.line(72, 683, 110, 683)
    canvas.save()
    lines = [line for line in read_pdf(path).lines if not line.furniture]
    assert [(line.cells, line.struck) for line in lines] == [
        (("Anna Andersson",), ()),
        (("Bo Berg",), (True,)),
    ]


def test_bold_lines_are_headings(pdfs: dict[str, tuple[Path, int]]) -> None:
    headings = [line.cells[0] for line in read(pdfs, "003").lines if line.heading]
    assert "Protokoll Regionalt samverkansråd" in headings
    assert "1. Mötet öppnas." in headings
    assert "Caroline Dieker" not in headings


def test_every_page_is_marked_and_every_line_knows_its_page(
    pdfs: dict[str, tuple[Path, int]],
) -> None:
    document = read(pdfs, "000")
    pages = pdfs["000"][1]
    assert pages >= 3
    markers = [line for line in document.lines if line.furniture]
    assert [m.cells for m in markers] == [(f"[sida {n}]",) for n in range(1, pages + 1)]
    assert all(line.page is not None for line in document.lines)
    page_of = {line.cells[0]: line.page for line in document.lines if line.cells}
    assert page_of["[sida 1]"] == 1 and page_of["Johanna Martin (M)"] == 1
    assert page_of[f"[sida {pages}]"] == pages
    assert [line.page for line in document.lines] == sorted(line.page for line in document.lines)


def test_headers_footers_and_page_numbers_repeated_on_every_page_are_dropped(
    pdfs: dict[str, tuple[Path, int]],
) -> None:
    text = read(pdfs, "001").text
    assert LETTERHEAD not in text
    assert FOOTER not in text
    assert "Sida " not in text


def test_a_line_on_one_page_only_is_kept_even_at_the_top(tmp_path: Path) -> None:
    lines = [SampleLine(("Region Örebro län är värd",), (False,), False)] + [
        SampleLine((f"Rad {n}",), (False,), False) for n in range(200)
    ]
    path = tmp_path / "top.pdf"
    write_pdf(lines, path)
    document = read_pdf(path)
    assert document.lines[1].cells == ("Region Örebro län är värd",)


def test_a_word_hyphenated_at_a_line_end_is_left_for_the_normaliser(
    pdfs: dict[str, tuple[Path, int]],
) -> None:
    document = read(pdfs, "000")
    assert line_starting(document, "hur respektive kommun") == (
        "hur respektive kommun arbetar med regionala överenskom-",
    )
    assert line_starting(document, "melser och avtal.") == ("melser och avtal.",)


def test_text_hash_and_format(pdfs: dict[str, tuple[Path, int]]) -> None:
    path = pdfs["004"][0]
    document = read_pdf(path)
    assert document.format == "pdf" and document.encoding == "pdf"
    assert document.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.text == render_text(document.lines)
    assert document.text.split("\n")[0] == "[sida 1]"
    assert len(document.text.split("\n")) == len(document.lines)
    assert "~~John Johansson~~\t~~S~~" in read(pdfs, "003").text


def test_a_reviewers_strike_out_annotation_strikes_the_name(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    canvas = Canvas(str(plain), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 700, "Anna Andersson")
    canvas.drawString(72, 680, "Bo Berg")
    canvas.save()
    pdf = pdfium.PdfDocument(str(plain))
    page = pdf[0]
    annotation = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_STRIKEOUT)
    quad = pdfium_c.FS_QUADPOINTSF(72, 690, 110, 690, 72, 678, 110, 678)
    assert pdfium_c.FPDFAnnot_AppendAttachmentPoints(annotation, ctypes.byref(quad))
    pdfium_c.FPDFPage_CloseAnnot(annotation)
    marked = tmp_path / "marked.pdf"
    pdf.save(str(marked))
    page.close()
    pdf.close()
    lines = [line for line in read_pdf(marked).lines if not line.furniture]
    assert [(line.cells, line.struck) for line in lines] == [
        (("Anna Andersson",), ()),
        (("Bo Berg",), (True,)),
    ]


def test_a_page_without_text_is_reported_at_its_marker(tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawString(72, 700, "Protokoll Styrelsen")
    canvas.showPage()
    canvas.rect(72, 500, 300, 100, fill=1)  # the scanned signature page: no text
    canvas.save()
    document = read_pdf(path)
    (warning,) = document.warnings
    assert "page 2 has no text layer" in warning.message
    assert document.text.split("\n")[warning.line - 1] == "[sida 2]"


def test_page_numbers_and_signing_stamps_go_even_on_a_single_page(tmp_path: Path) -> None:
    path = tmp_path / "one.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawRightString(540, 800, "1 (1)")
    canvas.drawString(72, 700, "Protokoll Styrelsen")
    canvas.drawString(72, 680, "Justerare")
    for y, footer in ((60, "Justerandes sign"), (45, "Expedierat/bestyrkt"),
                      (30, "Doc ID: c6ed6646cafd30f55a81694ca7774b4be1ac3b53")):  # fmt: skip
        canvas.drawString(72, y, footer)
    canvas.save()
    kept = [line.cells for line in read_pdf(path).lines if line.cells and not line.furniture]
    assert kept == [("Protokoll Styrelsen",), ("Justerare",)]
