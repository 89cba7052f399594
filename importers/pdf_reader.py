"""Reading a PDF's text layer into a `Document`, with pypdfium2 (PDFium).

PDFium gives every character with its box, font size and weight, and the page's
drawn paths (so a line struck through a name is seen); it reads a 30-page
protocol in well under a tenth of a second. The geometry is turned into lines by
`pdf_layout`, page furniture and broken words are dealt with by `pdf_cleanup`.
"""

from __future__ import annotations

import ctypes
import math
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from importers.document import (
    Document,
    DocumentLine,
    page_marker,
    read_file_bytes,
    render_text,
    sha256_hex,
)
from importers.pdf_cleanup import PageLines, clean_pages
from importers.pdf_layout import BOLD_WEIGHT, Glyph, Rule, lay_out_page
from importers.records import ParseWarning, ProtocolError

NO_TEXT_LAYER = "no text layer: a scanned PDF; run OCR first, for example ocrmypdf"
_HYPHEN_CODES = frozenset({0x02, 0xAD, 0xFFFE})
"""What PDFium (and some writers) put for a hyphen that breaks a word at a line end."""
_RULE_THICKNESS = 2.5
"""Points: a path no taller than this (and wider than tall) is a drawn line."""


def read_pdf(path: str | Path, data: bytes | None = None) -> Document:
    """Read a PDF with a text layer (`data`: its bytes, if already read); raise `ProtocolError`
    for what cannot be read."""
    name = str(path)
    data = read_file_bytes(Path(path)) if data is None else data
    pdf = _open(data, name)
    try:
        pages = _read_pages(pdf)
    except pdfium.PdfiumError as error:
        raise ProtocolError(name, f"the PDF is damaged and cannot be read ({error})") from None
    finally:
        pdf.close()
    if not any(page.laid for page in pages):
        raise ProtocolError(name, NO_TEXT_LAYER)
    lines, warnings = _document_lines(pages)
    return Document(
        path=name,
        format="pdf",
        lines=lines,
        text=render_text(lines),
        encoding="pdf",
        content_hash=sha256_hex(data),
        warnings=tuple(warnings),
    )


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    if not data.startswith(b"%PDF-"):
        raise ProtocolError(name, "not a PDF file (it does not begin with %PDF-)")
    if b"%%EOF" not in data[-4096:]:
        raise ProtocolError(name, "the PDF is truncated (no end-of-file marker): copy it again")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            message = "the PDF is password-protected: save an unprotected copy first"
        elif error.err_code == pdfium_c.FPDF_ERR_SECURITY:
            message = "the PDF uses an encryption this reader does not support"
        else:
            message = "the PDF is damaged and cannot be read"
        raise ProtocolError(name, message) from None


def _read_pages(pdf: pdfium.PdfDocument) -> list[PageLines]:
    pages: list[PageLines] = []
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            laid = lay_out_page(page_glyphs(page), page_rules(page))
            pages.append(PageLines(index + 1, page.get_height(), laid))
        finally:
            page.close()
    return pages


def page_glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    """Every upright character of the page with its loose box, size and boldness."""
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = pdfium_c.FPDFText_CountChars(handle)
        codes = _page_codes(handle, count)
        box = pdfium_c.FS_RECTF()
        fonts: dict[int, tuple[float, bool, bool]] = {}
        glyphs: list[Glyph] = []
        for index, code in enumerate(codes):
            text_object = pdfium_c.FPDFText_GetTextObject(handle, index)
            if not text_object or (code == 32 and pdfium_c.FPDFText_IsGenerated(handle, index)):
                # A space or line break PDFium inferred from the gaps: its box means nothing.
                if code == 32 and glyphs:
                    glyphs.append(_space_after(glyphs[-1]))
                continue
            key = ctypes.addressof(text_object.contents)
            if key not in fonts:
                fonts[key] = _text_object_font(handle, index, text_object)
            size, bold, upright = fonts[key]
            if code in (10, 13) or not upright:
                continue
            pdfium_c.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(box))
            text = "-" if code in _HYPHEN_CODES else chr(code) if code else "\ufffd"
            glyphs.append(Glyph(text, box.left, box.right, box.bottom, box.top, size, bold))
        return glyphs
    finally:
        textpage.close()


def _page_codes(handle: object, count: int) -> list[int]:
    """The code point of every character of the page, in one call where PDFium allows."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(
        handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    units = list(memoryview(buffer.raw[: 2 * count]).cast("H"))
    if written - 1 == count and not any(0xD800 <= unit < 0xE000 for unit in units):
        return units
    return [pdfium_c.FPDFText_GetUnicode(handle, index) for index in range(count)]


def _text_object_font(handle: object, index: int, text_object: object) -> tuple[float, bool, bool]:
    """(size, bold, upright) of a text object: the same for all its characters."""
    box = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(box))
    size = pdfium_c.FPDFText_GetFontSize(handle, index)
    if size < 0.5 * (box.top - box.bottom):
        size = box.top - box.bottom  # a text matrix scales a tiny nominal size
    weight = pdfium_c.FPDFText_GetFontWeight(handle, index)
    bold = weight >= BOLD_WEIGHT or _bold_font_name(text_object)
    return max(size, 1.0), bold, _upright(pdfium_c.FPDFText_GetCharAngle(handle, index))


def _space_after(glyph: Glyph) -> Glyph:
    return Glyph(" ", glyph.x1, glyph.x1, glyph.bottom, glyph.top, glyph.size, glyph.bold)


def _upright(angle: float) -> bool:
    """Text drawn level (vertical margin stamps such as signing-service IDs are not)."""
    if angle < 0:
        return True
    return min(angle, 2 * math.pi - angle) < 0.05


def _bold_font_name(text_object: object) -> bool:
    """Fonts that report no weight still often say it in their name (`Calibri-Bold`)."""
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    if not font:
        return False
    buffer = ctypes.create_string_buffer(256)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    name = buffer.raw[: max(length - 1, 0)].decode("latin-1").casefold()
    return any(word in name for word in ("bold", "black", "heavy", "semibold"))


def page_rules(page: pdfium.PdfPage) -> list[Rule]:
    """Lines that may strike text: thin horizontal paths drawn on the page (top-level
    objects only) and the strike-out marks a reviewer added as annotations."""
    return _drawn_rules(page) + _strikeout_rules(page)


def _strikeout_rules(page: pdfium.PdfPage) -> list[Rule]:
    rules = []
    quad = pdfium_c.FS_QUADPOINTSF()
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annotation) != pdfium_c.FPDF_ANNOT_STRIKEOUT:
                continue
            for point in range(pdfium_c.FPDFAnnot_CountAttachmentPoints(annotation)):
                if pdfium_c.FPDFAnnot_GetAttachmentPoints(annotation, point, ctypes.byref(quad)):
                    xs, ys = (
                        (quad.x1, quad.x2, quad.x3, quad.x4),
                        (quad.y1, quad.y2, quad.y3, quad.y4),
                    )
                    rules.append(Rule(min(xs), max(xs), sum(ys) / 4))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return rules


def _drawn_rules(page: pdfium.PdfPage) -> list[Rule]:
    rules = []
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        boxes = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *boxes):
            continue
        height, width = top.value - bottom.value, right.value - left.value
        if height <= _RULE_THICKNESS and width > 3 * max(height, 1.0):
            rules.append(Rule(left.value, right.value, (top.value + bottom.value) / 2))
    return rules


def _document_lines(pages: list[PageLines]) -> tuple[tuple[DocumentLine, ...], list[ParseWarning]]:
    cleaned, warnings = clean_pages(pages)
    lines: list[DocumentLine] = []
    for page, laid in zip(cleaned, pages, strict=True):
        marker = page_marker(page.number)
        lines.append(marker)
        lines.extend(page.lines)
        if not laid.laid:
            warnings.append((marker, f"page {page.number} has no text layer: a scanned page?"))
    return tuple(lines), _number_warnings(warnings, lines)


def _number_warnings(
    warnings: list[tuple[DocumentLine, str]], lines: list[DocumentLine]
) -> list[ParseWarning]:
    """Warnings about a line get that line's number in the document's text."""
    position = {id(line): number for number, line in enumerate(lines, start=1)}
    return [ParseWarning(position.get(id(line)), message) for line, message in warnings]
