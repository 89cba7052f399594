"""Removing Markdown and HTML markup from one line, remembering what it signalled."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from importers.document import DocumentLine

_STRUCK = re.compile(r"<del>(.*?)</del>|~~(.+?)~~", re.IGNORECASE)
_KNOWN_TAG = re.compile(
    r"</?(?:del|b|i|u|em|strong|span|font|sup|sub|p|br|mark|s|strike|ul|ol|li|div|tr|table"
    r"|tbody|thead|h[1-6])\b[^>]*>",
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"</?t[dh]\b[^>]*>", re.IGNORECASE)
_HEADING = re.compile(r"^\s*(?:#{1,6}\s+|<h[1-6]\b[^>]*>)", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_CHARACTERS = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u00ad": "",  # soft hyphen
        "\u200b": "",  # zero-width space
        "\ufeff": "",
        "\f": "",
        "\v": "",
        "\uf0b7": "•",  # Symbol-font bullet from Word via PDF
        "\uf0a7": "•",
        "\u25aa": "•",
    }
)


@dataclass(frozen=True)
class CleanLine:
    """A line without markup, with the signals the markup carried."""

    text: str
    struck_cells: tuple[bool, ...]
    """Per column (tab-separated cell): was it struck through (`<del>`)?"""
    heading: bool
    """The whole line was a Markdown heading or bold: a heading as written."""


_NEEDS_TRANSLATION = re.compile("[" + "".join(chr(c) for c in _CHARACTERS) + "]")
_MARKUP_SIGNS = re.compile(r"[<*_\[#\\&~]")


def clean_line(raw: str) -> CleanLine:
    """Strip markup from `raw`; keep tabs (column separators) and text as data."""
    text = raw.translate(_CHARACTERS) if _NEEDS_TRANSLATION.search(raw) else raw
    text = text.rstrip()
    if not _MARKUP_SIGNS.search(text):
        return CleanLine(text=text, struck_cells=(False,), heading=False)
    # Each pattern is tried only where its sign stands: most marked lines carry one kind.
    heading = False
    if text.lstrip()[:1] in ("#", "<") and _HEADING.match(text):
        heading = True
        text = _HEADING.sub("", text)
    struck_cells: tuple[bool, ...] = (False,)
    if "~~" in text or "<" in text:
        struck_cells = tuple(bool(_STRUCK.search(cell)) for cell in text.split("\t"))
        text = _STRUCK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    if "<" in text:
        text = _CELL_TAG.sub("\t", text).strip("\t") if "<t" in text.casefold() else text
        text = _KNOWN_TAG.sub("", text)
    if "**" in text or "__" in text:
        heading = heading or _is_wholly_bold(text.strip())
        text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    if "*" in text:
        text = _ITALIC.sub(r"\1", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return CleanLine(text=text.rstrip(), struck_cells=struck_cells, heading=heading)


_NUMBER_PREFIX = re.compile(r"^(?:§\s*)?\d{1,3}\.?\s+")


def _is_wholly_bold(text: str) -> bool:
    text = _NUMBER_PREFIX.sub("", text, count=1)
    if len(text) < 5:
        return False
    for mark in ("**", "__"):
        if text.startswith(mark) and text.endswith(mark):
            return mark not in text[2:-2].replace(mark * 2, "")
    return False


def text_lines(text: str) -> tuple[DocumentLine, ...]:
    """A plain-text or Markdown file's lines as document lines: one per line of `text`.

    Tabs separate cells; `<del>`/`~~` mark a struck cell and `#` or a wholly bold
    line a heading. Runs of spaces stay in the cell: the parser reads them as gaps.
    """
    if not _NEEDS_TRANSLATION.search(text) and not _MARKUP_SIGNS.search(text):
        return tuple(  # `_plain_line` written out: this is every line of most files
            [
                _new_line((tuple(r.split("\t")), *_PLAIN)) if (r := raw.rstrip()) else _BLANK_LINE
                for raw in text.split("\n")
            ]
        )
    return tuple(_marked_line(raw) for raw in text.split("\n"))


def _marked_line(raw: str) -> DocumentLine:
    if not _MARKUP_SIGNS.search(raw) and not _NEEDS_TRANSLATION.search(raw):
        return _plain_line(raw.rstrip())
    cleaned = clean_line(raw)
    cells = tuple(cleaned.text.split("\t")) if cleaned.text else ()
    struck = cleaned.struck_cells if any(cleaned.struck_cells) else ()
    return DocumentLine(cells=cells, struck=struck, heading=cleaned.heading)


_BLANK_LINE = DocumentLine(cells=())
_new_line = functools.partial(tuple.__new__, DocumentLine)
"""`DocumentLine._make`, without the Python-level call: every line of a text file is one."""
_PLAIN = tuple(DocumentLine._field_defaults[name] for name in DocumentLine._fields[1:])
"""The fields after `cells` of a plain line: their defaults."""


def _plain_line(text: str) -> DocumentLine:
    """A line with no markup (the common case, read without `clean_line`)."""
    return _new_line((tuple(text.split("\t")), *_PLAIN)) if text else _BLANK_LINE
