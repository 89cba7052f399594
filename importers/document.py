"""The document model every reader produces: lines of cells, with their signals and page.

A reader (plain text, PDF, Word) turns a file into a `Document`; the parser reads
only `Document.lines` and never knows which format a line came from. Line numbers
are positions in `Document.text`, the extracted text that is stored and shown in
the app's Source tab, so a warning's line can always be found there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from importers.records import ParseWarning, ProtocolError


class DocumentLine(NamedTuple):
    """One line of a document as its reader found it.

    A named tuple, not a dataclass: every line of every file is one, and a
    tuple is made in a third of the time.
    """

    cells: tuple[str, ...]
    """The line's columns in reading order; one cell for a plain line, none for a blank one."""
    struck: tuple[bool, ...] = ()
    """Per cell: drawn struck through (absent). Empty when nothing is struck."""
    heading: bool = False
    """Styled as a heading (Word heading style, Markdown `#`, bold title)."""
    page: int | None = None
    """The 1-based page the line stands on, where the format has pages."""
    furniture: bool = False
    """Not the protocol's own text (a page-break marker): shown in the source, never parsed."""

    @property
    def first_struck(self) -> bool:
        """The first cell (where a name stands) is struck through."""
        return bool(self.struck) and self.struck[0]


@dataclass(frozen=True)
class Document:
    """A file read into lines, with what is needed to store and show it."""

    path: str
    format: str
    """`text`, `pdf` or `docx`."""
    lines: tuple[DocumentLine, ...]
    text: str
    """The text stored and shown in the Source tab; its line N is `lines[N - 1]`.
    For a text file, the decoded file itself; for PDF and Word, `render_text(lines)`."""
    encoding: str
    """How the text was decoded (`utf-8`, `cp1252`, …), or the format for binary documents."""
    content_hash: str
    """SHA-256 of the decoded text for text files, of the file's bytes for PDF and Word."""
    warnings: tuple[ParseWarning, ...] = field(default=())
    """What the reader repaired or doubted (a lost ligature, a stray byte), with its line."""


def page_marker(page: int) -> DocumentLine:
    """The line that marks where `page` begins in the extracted text."""
    return DocumentLine(cells=(f"[sida {page}]",), page=page, furniture=True)


def render_text(lines: Iterable[DocumentLine]) -> str:
    """Lines as text: cells joined by tabs, struck cells as `~~cell~~`."""
    return "\n".join(_render_line(line) for line in lines)


def _render_line(line: DocumentLine) -> str:
    if not line.struck:
        return "\t".join(line.cells)
    return "\t".join(
        f"~~{cell}~~" if struck else cell
        for cell, struck in zip(line.cells, line.struck + (False,) * len(line.cells), strict=False)
    )


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data`, as hex: a document's identity."""
    return hashlib.sha256(data).hexdigest()


def read_file_bytes(path: Path) -> bytes:
    """A document's bytes; `ProtocolError` naming the file when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ProtocolError(str(path), "no such file") from None
    except OSError as error:
        raise ProtocolError(str(path), f"cannot read the file: {error.strerror}") from None
