"""Control characters in document text: removed before anything is parsed or stored.

A protocol's text is data. A terminal would obey `\\x1b[2J` (clear the screen) or
`\\x1b]0;title\\x07` (rename the window) if such text reached it, so every reader's
text goes through `strip_controls` (whole escape sequences first, then any C0
control but tab and newline, DEL and C1 controls), and each line where something
was removed gets a warning: a text file's decoded text in `read_source`, a PDF or
Word document's cells in `clean_document`.
"""

from __future__ import annotations

import dataclasses
import re

from importers.document import Document, DocumentLine, render_text
from importers.records import ParseWarning

_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]            # CSI: \x1b[2J, \x1b[1;31m
    | (?:\x1b[]P^_X]|[\x90\x98\x9d-\x9f])       # OSC, DCS, SOS, PM, APC: a string ...
      [^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)    # ... ended by BEL or ST on the same line
    | \x1b[ -/]*[0-~]                           # two-character escapes: \x1bc, \x1b(B
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PAGE_BREAK = "\f"
"""Form feed: the page break pdftotext writes; removed like the others but not worth a warning."""


def strip_controls(text: str) -> tuple[str, int]:
    """`text` without escape sequences and control characters; and how many were removed.

    Tab and newline stay. An escape sequence counts as one removal. A string
    sequence left unterminated (`\\x1b]0;title` and no BEL) loses only its
    introducer: the rest is ordinary text and is kept.
    """
    without_sequences, sequences = _ESCAPE_SEQUENCE.subn("", text)
    clean, controls = _CONTROL.subn("", without_sequences)
    return clean, sequences + controls


def has_controls(text: str) -> bool:
    """Does `text` hold anything `strip_controls` would remove? (One scan; most texts do not.)"""
    return _CONTROL.search(text) is not None


def strip_controls_with_warnings(text: str) -> tuple[str, tuple[ParseWarning, ...]]:
    """`strip_controls` line by line, with a warning naming each line where something went.

    Lines are counted by newline, 1-based, as everywhere in the importer.
    """
    if not has_controls(text):  # the common case: nothing to do, no copy
        return text, ()
    clean_lines: list[str] = []
    warnings: list[ParseWarning] = []
    for number, line in enumerate(text.split("\n"), start=1):
        bare = line.replace(_PAGE_BREAK, "")
        clean, removed = strip_controls(bare)
        clean_lines.append(clean)
        if removed:
            warnings.append(ParseWarning(number, _removal_message(bare)))
    return "\n".join(clean_lines), tuple(warnings)


def _removal_message(line: str) -> str:
    shown = ", ".join(sorted({_escape(ch) for ch in line if _CONTROL.match(ch)}))
    return f"control characters removed from the text ({shown})"


def _escape(ch: str) -> str:
    return f"\\x{ord(ch):02x}"


def clean_document(document: Document) -> Document:
    """A reader's document with controls removed from every cell, and a warning per line.

    The text stored and shown is rendered again from the clean lines, so that
    line N of it is still `lines[N - 1]`.
    """
    lines: list[DocumentLine] = []
    warnings: list[ParseWarning] = []
    for number, line in enumerate(document.lines, start=1):
        bare = tuple(cell.replace(_PAGE_BREAK, "") for cell in line.cells)
        cleaned = tuple(strip_controls(cell)[0] for cell in bare)
        if cleaned != bare:
            warnings.append(ParseWarning(number, _removal_message("".join(bare))))
        lines.append(line._replace(cells=cleaned) if cleaned != line.cells else line)
    if not warnings and lines == list(document.lines):
        return document
    return dataclasses.replace(
        document,
        lines=tuple(lines),
        text=render_text(lines),
        warnings=tuple(sorted((*document.warnings, *warnings), key=lambda w: w.line or 0)),
    )
