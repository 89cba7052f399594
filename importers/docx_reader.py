"""Reading a Word `.docx` into a `Document`, with python-docx.

The body is read in order: each paragraph a line (split at manual line breaks,
tabs parting cells, Word's list number or bullet before it), each table row a
line with one cell per table cell. Heading and Title styles make headings;
struck-through runs (`w:strike`, `w:dstrike`) make struck cells; tracked
deletions are left out and insertions kept. Headers and footers live in their
own parts and are never read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from importers.document import Document, DocumentLine, read_file_bytes, render_text, sha256_hex
from importers.docx_numbering import Numbering, read_numbering
from importers.docx_styles import Styles, numbering_of, read_styles
from importers.records import ProtocolError

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_R, _T, _TAB, _BR, _CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_SDT_CONTENT, _VAL = qn("w:sdtContent"), qn("w:val")
_SKIPPED = frozenset({qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), qn("w:fldChar")})
"""Containers whose runs are not the paragraph's text: deletions, moved-away text, text boxes."""
_OFF = frozenset({"0", "false", "off", "none"})

MAX_UNPACKED_BYTES = 1 << 30
"""A .docx whose parts unpack to more than this is a ZIP bomb, not a protocol."""

Piece = tuple[str, bool]
"""A run of text and whether it is struck through."""


def read_docx(path: str | Path, data: bytes | None = None) -> Document:
    """Read a Word document's body (`data`: its bytes, if already read); raise
    `ProtocolError` for what is not one."""
    name = str(path)
    data = read_file_bytes(Path(path)) if data is None else data
    document = _open(data, name)
    lines = tuple(_body_lines(document.element.body, _context(document)))
    if not any(line.cells for line in lines):
        raise ProtocolError(name, "the Word document has no text")
    return Document(
        path=name,
        format="docx",
        lines=lines,
        text=render_text(lines),
        encoding="docx",
        content_hash=sha256_hex(data),
    )


def _open(data: bytes, name: str) -> docx.document.Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: info.file_size for info in archive.infolist()}
    except zipfile.BadZipFile:
        raise ProtocolError(
            name, "not a Word document: the file is not a ZIP container (.docx)"
        ) from None
    if "word/document.xml" not in members:
        raise ProtocolError(name, "a ZIP file but not a Word document (no word/document.xml)")
    if sum(members.values()) > MAX_UNPACKED_BYTES:
        raise ProtocolError(name, "the Word document unpacks to more than 1 GB: not a protocol")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise ProtocolError(name, "the Word document is damaged and cannot be read") from None


@dataclass
class _Context:
    """What reading paragraphs needs from the rest of the document."""

    styles: Styles
    numbering: Numbering


def _context(document: docx.document.Document) -> _Context:
    try:
        numbering_root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_root = None  # a document with no lists has no numbering part
    return _Context(read_styles(document.styles.element), read_numbering(numbering_root))


def _body_lines(container: etree._Element, context: _Context) -> Iterator[DocumentLine]:
    for child in container:
        if child.tag == _P:
            yield from _paragraph_lines(child, context)
        elif child.tag == _TBL:
            yield from _table_lines(child, context.styles)
        elif (content := child.find(_SDT_CONTENT)) is not None:
            yield from _body_lines(content, context)


def _paragraph_lines(paragraph: etree._Element, context: _Context) -> Iterator[DocumentLine]:
    properties = paragraph.find(qn("w:pPr"))
    style = properties.find(qn("w:pStyle")) if properties is not None else None
    style_id = style.get(_VAL) if style is not None else None
    heading = style_id in context.styles.headings or (
        properties is not None and properties.find(qn("w:outlineLvl")) is not None
    )
    pieces = _pieces(paragraph, context.styles)
    label = _list_label(properties, style_id, context)
    if label and any(text.strip() for text, _ in pieces):
        pieces.insert(0, (f"{label} ", False))
    for line_pieces in _split_breaks(pieces):
        yield _line(line_pieces, heading)


def _list_label(properties: etree._Element | None, style_id: str | None, context: _Context) -> str:
    """The number (or bullet) Word draws before a paragraph in a numbered list."""
    own = numbering_of(properties)
    from_style = context.styles.numbered.get(style_id or "")
    if own is None and from_style is None:
        return ""
    num_id = own[0] if own else from_style[0]  # type: ignore[index]
    level = own[1] if own and own[1] is not None else (from_style[1] if from_style else 0)
    return context.numbering.label(num_id, level)


def _pieces(paragraph: etree._Element, styles: Styles) -> list[Piece]:
    """The paragraph's own visible runs as (text, struck), `\n` for a break, `\t` for a tab."""
    pieces: list[Piece] = []
    for run in paragraph.iter(_R):
        if not _own_run(run, paragraph):
            continue
        properties = run.find(qn("w:rPr"))
        if _is_on(properties, qn("w:vanish"), styles.hidden_characters, run):
            continue  # hidden text: Word does not show or print it
        struck = _is_struck(properties, styles, run)
        for part in run:
            if part.tag == _T:
                pieces.append((part.text or "", struck))
            elif part.tag == _TAB:
                pieces.append(("\t", False))
            elif part.tag in (_BR, _CR) and part.get(qn("w:type")) in (None, "textWrapping"):
                pieces.append(("\n", False))
    return pieces


def _own_run(run: etree._Element, paragraph: etree._Element) -> bool:
    """The run belongs to this paragraph's text (not deleted, not in a nested text box)."""
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _SKIPPED or parent.tag == _P:
            return False
        parent = parent.getparent()
    return True


def _is_struck(properties: etree._Element | None, styles: Styles, run: etree._Element) -> bool:
    return _is_on(properties, qn("w:strike"), styles.struck_characters, run) or _is_on(
        properties, qn("w:dstrike"), styles.struck_characters, run
    )


def _is_on(
    properties: etree._Element | None, tag: str, by_style: frozenset[str], run: etree._Element
) -> bool:
    """A run property set on the run itself, else by its character style."""
    mark = properties.find(tag) if properties is not None else None
    if mark is not None:
        return (mark.get(_VAL) or "true").casefold() not in _OFF
    style = properties.find(qn("w:rStyle")) if properties is not None else None
    return style is not None and style.get(_VAL) in by_style


def _split_breaks(pieces: list[Piece]) -> Iterator[list[Piece]]:
    current: list[Piece] = []
    for text, struck in pieces:
        if text == "\n":
            yield current
            current = []
        else:
            current.append((text, struck))
    yield current


def _line(pieces: list[Piece], heading: bool = False) -> DocumentLine:
    """Pieces cut into cells at tabs."""
    cells: list[list[Piece]] = [[]]
    for text, struck in pieces:
        if text == "\t":
            cells.append([])
        else:
            cells[-1].append((text, struck))
    return _from_cells(cells, heading)


def _from_cells(cells: list[list[Piece]], heading: bool = False) -> DocumentLine:
    """A line of the non-empty cells; a cell is struck when all its letters are."""
    texts, struck = [], []
    for cell in cells:
        text = " ".join("".join(t for t, _ in cell).split())
        if text:
            texts.append(text)
            struck.append(all(s for t, s in cell if t.strip()))
    return DocumentLine(tuple(texts), tuple(struck) if any(struck) else (), heading and bool(texts))


def _table_lines(table: etree._Element, styles: Styles) -> Iterator[DocumentLine]:
    """One line per row, one cell per table cell (its paragraphs joined, tabs as spaces)."""
    for row in table.iterchildren(_TR):
        cells = []
        for cell in row.iterchildren(_TC):
            pieces: list[Piece] = []
            for paragraph in cell.iter(_P):
                pieces += [
                    (" " if t in ("\t", "\n") else t, s) for t, s in _pieces(paragraph, styles)
                ]
                pieces.append((" ", False))
            cells.append(pieces)
        line = _from_cells(cells)
        if line.cells:
            yield line
