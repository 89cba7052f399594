"""Make PDF and Word files from the sample protocols, the way councils lay them out.

Each sample line becomes a line of the document: columns (tabs or runs of spaces
in the sample) stand apart by wide gaps in the PDF and as table cells in Word,
`<del>` text is struck through (a drawn line in the PDF, `w:strike` in Word),
Markdown headings and wholly bold lines are bold. Every PDF page carries a
letterhead, a signature footer and a page number, as the originals did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
import reportlab
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
_FONTS = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(_FONTS / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(_FONTS / "VeraBd.ttf")))

SIZE = 9.0
LEADING = 12.0
MARGIN = 50.0
COLUMN_GAP = 36.0
"""Points between columns: four font sizes, far wider than a word space."""
LETTERHEAD = "REGIONKANSLIET ÖREBRO"
FOOTER = "Justerandes sign"
_CELL_SPLIT = re.compile(r"\t+|\s{2,}")
_STRUCK = re.compile(r"<del>(.*?)</del>|~~(.+?)~~")


@dataclass(frozen=True)
class SampleLine:
    """A sample line as the document shows it: cells, struck cells, bold."""

    cells: tuple[str, ...]
    struck: tuple[bool, ...]
    heading: bool


def sample_text(name: str) -> str:
    """The sample protocol whose file name starts with `name` (`000`)."""
    return next(SAMPLES.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def sample_lines(text: str) -> list[SampleLine]:
    """Each line of a sample with its markup turned into what it signals."""
    return [_sample_line(raw) for raw in text.split("\n")]


def _sample_line(raw: str) -> SampleLine:
    text = raw.replace("\u00a0", " ").replace("\uf0b7", "•").strip()
    heading = text.startswith("#")
    text = re.sub(r"^#+\s*", "", text)
    bare = re.sub(r"^\d+\.\s+", "", text)
    heading = heading or (bare.startswith("**") and bare.endswith("**"))
    cells, struck = [], []
    for cell in _CELL_SPLIT.split(text):
        plain = _STRUCK.sub(lambda m: m.group(1) or m.group(2), cell)
        plain = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", plain).replace("\\(", "(")
        plain = plain.replace("\\)", ")")
        plain = re.sub(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\\(?=[#*_])", "", plain)
        if plain.strip():
            cells.append(plain.strip())
            struck.append(bool(_STRUCK.search(cell)))
    return SampleLine(tuple(cells), tuple(struck), heading)


def write_pdf(lines: list[SampleLine], path: Path, *, furniture: bool = True) -> int:
    """Lay the lines out on A4 pages; return the number of pages."""
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    width, height = A4
    pages, y = 1, height - MARGIN - 2 * LEADING
    _page_furniture(canvas, pages, furniture)
    for line in lines:
        for row in _wrap(line, width - 2 * MARGIN):
            if y < MARGIN + 2 * LEADING:
                canvas.showPage()
                pages += 1
                _page_furniture(canvas, pages, furniture)
                y = height - MARGIN - 2 * LEADING
            _draw_row(canvas, row, y)
            y -= LEADING
    canvas.save()
    return pages


def _page_furniture(canvas: Canvas, page: int, furniture: bool) -> None:
    if not furniture:
        return
    width, height = A4
    canvas.setFont("Vera", SIZE)
    canvas.drawString(MARGIN, height - MARGIN, LETTERHEAD)
    canvas.drawRightString(width - MARGIN, height - MARGIN, f"Sida {page}")
    canvas.drawString(MARGIN, MARGIN - LEADING, FOOTER)


def _wrap(line: SampleLine, room: float) -> list[SampleLine]:
    """A long one-cell line broken at spaces into rows that fit the page."""
    if len(line.cells) != 1:
        return [line]
    rows, current = [], ""
    font = "Vera-Bold" if line.heading else "Vera"
    for word in line.cells[0].split(" "):
        candidate = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(candidate, font, SIZE) > room:
            rows.append(current)
            current = word
        else:
            current = candidate
    rows.append(current)
    return [SampleLine((row,), line.struck, line.heading) for row in rows]


def _draw_row(canvas: Canvas, row: SampleLine, y: float) -> None:
    font = "Vera-Bold" if row.heading else "Vera"
    canvas.setFont(font, SIZE)
    x = MARGIN
    for cell, struck in zip(row.cells, row.struck, strict=True):
        canvas.drawString(x, y, cell)
        cell_width = pdfmetrics.stringWidth(cell, font, SIZE)
        if struck:
            canvas.setLineWidth(0.6)
            canvas.line(x, y + 0.3 * SIZE, x + cell_width, y + 0.3 * SIZE)
        x += cell_width + COLUMN_GAP


def write_docx(lines: list[SampleLine], path: Path) -> None:
    """Paragraphs for one-cell lines; runs of many-cell lines as a table, as Word users do."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = LETTERHEAD
    document.sections[0].footer.paragraphs[0].text = FOOTER
    index = 0
    while index < len(lines):
        line = lines[index]
        if len(line.cells) >= 2:
            end = index
            while end < len(lines) and len(lines[end].cells) >= 2:
                end += 1
            _table(document, lines[index:end])
            index = end
            continue
        _paragraph(document, line)
        index += 1
    document.save(str(path))


def _paragraph(document: docx.document.Document, line: SampleLine) -> None:
    if line.heading:
        document.add_heading(line.cells[0] if line.cells else "", level=2)
        return
    paragraph = document.add_paragraph()
    if line.cells:
        run = paragraph.add_run(line.cells[0])
        run.font.strike = line.struck[0]
        run.font.size = Pt(SIZE)


def _table(document: docx.document.Document, rows: list[SampleLine]) -> None:
    columns = max(len(row.cells) for row in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    for row, line in zip(table.rows, rows, strict=True):
        for cell, text, struck in zip(row.cells, line.cells, line.struck, strict=False):
            run = cell.paragraphs[0].add_run(text)
            run.font.strike = struck
