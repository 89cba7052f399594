"""A PDF's laid-out pages made into document lines: furniture dropped, gaps kept as blank lines.

Page furniture is what stands in the top or bottom band of the pages and repeats
on several of them (letterhead, `Protokoll 15.09.2022 Sida 3`, `Justerandes sign`,
e-signature footers), plus bare page numbers and known signing-service stamps.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from importers.document import DocumentLine
from importers.pdf_layout import LaidLine

BAND = 0.14
"""Share of the page height at the top and at the bottom where headers and footers stand."""
_SHOWN_SUSPECTS = 4
MIN_REPEATS = 3
"""Pages a band line must repeat on (or every page, when there are fewer) to be furniture."""
_PAGE_NUMBER = re.compile(
    r"^(?:sida|sid\.?|page)?\s*[-–]?\s*\d{1,3}\s*(?:[-–]|\(\s*\d{1,3}\s*\)|(?:/|av|of)\s*\d{1,3})?$",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"^(?:Doc(?:ument)? ID\b|Dokument[- ]?ID\b|Verifiering\b|Verification\b|Transaktion\s+\d"
    r"|Transaction\s+\d|Signerat\b|Signed\b|Justerandes?\s+sign|Expedierat|Utdragsbestyrkande"
    r"|Ordförandes\s+sign|Sekreterarens\s+sign)",
    re.IGNORECASE,
)


@dataclass
class PageLines:
    """One page as laid out, before cleaning."""

    number: int
    height: float
    laid: list[LaidLine]
    """The page's lines top to bottom; none for a page with no text."""


@dataclass
class CleanPage:
    """One page's document lines, furniture gone."""

    number: int
    lines: list[DocumentLine]


Warnings = list[tuple[DocumentLine, str]]


def clean_pages(pages: list[PageLines]) -> tuple[list[CleanPage], Warnings]:
    """Drop furniture, keep blank lines where the page leaves a gap.

    Words hyphenated at a line end are left for the parser's normaliser, which joins
    them for every format and knows when a heading runs on onto the next line.
    """
    furniture = _repeated_band_keys(pages)
    cleaned: list[CleanPage] = []
    warnings: Warnings = []
    first = next((page.number for page in pages if page.laid), None)
    for page in pages:
        kept = [
            (i, line)
            for i, line in enumerate(page.laid)
            if not _is_furniture(page, line, furniture, first=page.number == first)
        ]
        lines, by_index = _with_blank_lines(page.number, kept)
        warnings += _ligature_warnings(by_index, page.laid)
        cleaned.append(CleanPage(page.number, lines))
    return cleaned, warnings


def _key(line: LaidLine) -> str:
    return re.sub(r"\d+", "#", " ".join(" ".join(line.cells).split())).casefold()


def _in_band(page: PageLines, line: LaidLine) -> bool:
    margin = BAND * page.height
    return line.bottom >= page.height - margin or line.top <= margin


def _repeated_band_keys(pages: list[PageLines]) -> set[str]:
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line) for line in page.laid if _in_band(page, line)})
    needed = min(MIN_REPEATS, max(len(pages), 2))
    return {key for key, count in seen.items() if count >= needed}


def _is_furniture(
    page: PageLines, line: LaidLine, repeated: set[str], *, first: bool = False
) -> bool:
    """A band line repeated on other pages, a bare page number or a stamp.

    The first page's header is read once: its letterhead and title name the council.
    """
    if not _in_band(page, line):
        return False
    text = " ".join(line.cells)
    if _PAGE_NUMBER.match(text) or _STAMP.match(text):
        return True
    on_top = line.top <= BAND * page.height
    return _key(line) in repeated and not (first and on_top)


def _with_blank_lines(
    number: int, kept: list[tuple[int, LaidLine]]
) -> tuple[list[DocumentLine], dict[int, DocumentLine]]:
    """Document lines, with a blank line wherever a line's height or more is left empty."""
    lines: list[DocumentLine] = []
    by_index: dict[int, DocumentLine] = {}
    previous: LaidLine | None = None
    for index, laid in kept:
        if previous is not None and previous.bottom - laid.top > 0.8 * (laid.top - laid.bottom):
            lines.append(DocumentLine(cells=(), page=number))
        line = DocumentLine(laid.cells, laid.struck, laid.heading, number)
        lines.append(line)
        by_index[index] = line
        previous = laid
    return lines, by_index


def _ligature_warnings(by_index: dict[int, DocumentLine], laid: list[LaidLine]) -> Warnings:
    """One warning a page for the words that may have lost a letter to a ligature."""
    suspects = [(line, word) for index, line in by_index.items() for word in laid[index].suspects]
    if not suspects:
        return []
    shown = ", ".join(f"{word!r}" for _, word in suspects[:_SHOWN_SUSPECTS])
    more = f" and {len(suspects) - _SHOWN_SUSPECTS} more" if len(suspects) > _SHOWN_SUSPECTS else ""
    page = suspects[0][0].page
    message = (
        f"page {page}: {len(suspects)} word(s) may have lost a letter to a ligature"
        f" (fi, fl, ff, ft, tt, ti): {shown}{more}; check the spelling"
    )
    return [(suspects[0][0], message)]
