"""Page geometry to lines: positioned glyphs become words, lines in reading order and cells.

Plain functions over plain values, so they can be tested without a PDF. Coordinates
are PDF points with y growing upwards (the PDF's own space), as the reader gives them.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

CELL_GAP_EM = 1.5
"""A gap wider than this many font sizes parts two cells (`Name (S)      Org`)."""
COLUMN_STOP_GAP_EM = 0.6
"""A gap this wide (wider than a word space) parts cells where a word starts at a column stop."""
STOP_GAP_TIMES_SPACE = 2.5
"""...and wider than this many of the page's usual word spaces (OCR layers space widely)."""
STOP_SLACK = 1.5
"""Points a cell start may stray from its column stop."""
MIN_STOP_ROWS = 3
"""Rows that must start a cell at the same place for it to be a column stop."""
WORD_GAP_EM = 0.12
"""A gap wider than this between glyphs with no space glyph is still a word break."""
HEADING_SIZE_RATIO = 1.2
"""A line this much larger than the page's body text reads as a heading."""
BOLD_WEIGHT = 600
LIGATURE_HEADS = frozenset("ft")
"""Letters that begin the ligatures (fi, fl, ff, ft, tt, ti) whose second letter gets lost."""
LIGATURE_LETTERS = frozenset("ift")
Widths = dict[tuple[str, bool], float]
"""Plain glyph width in font sizes, by (letter, bold)."""
SAME_WIDTH_EM = 0.01
"""Glyph widths this close are the same glyph drawn again."""
PLAIN_SHARE = 0.25
"""Share of a letter's glyphs that must be of its plain width (a third or more in real fonts,
a few hundredths in OCR layers)."""
LOST_LETTER_EM = 0.15
"""A glyph this much wider (in font sizes) than its letter's median holds a lost letter."""


class Glyph(NamedTuple):
    """One character where the page draws it: its advance box, font size and weight.

    A tuple, not a dataclass: a page has thousands and they are made in a tight loop.
    """

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin horizontal stroke drawn on the page (a strike-through, an underline, a border)."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True, slots=True)
class Word:
    """Glyphs with no gap between them."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    bold: bool
    doubtful: bool = False
    """A glyph in it seems to stand for two letters, and which second one is not certain."""


@dataclass(frozen=True, slots=True)
class LaidLine:
    """One line of a page in reading order: its cells, what is struck, and where it stands."""

    cells: tuple[str, ...]
    struck: tuple[bool, ...]
    heading: bool
    bottom: float
    top: float
    x0: float
    suspects: tuple[str, ...] = ()
    """Words in which one glyph is as wide as two letters: a ligature that lost a letter?"""


def lay_out_page(glyphs: Sequence[Glyph], rules: Sequence[Rule] = ()) -> list[LaidLine]:
    """The page's lines from top to bottom, each split into cells at wide gaps."""
    visible = [g for g in glyphs if g.text.strip() or g.text == " "]
    if not any(g.text.strip() for g in visible):
        return []
    inked = [g for g in visible if g.text.strip()]
    body_size = statistics.median(g.size for g in inked)
    # Where most of the page is bold, bold marks nothing.
    bold_marks = sum(g.bold for g in inked) < 0.5 * len(inked)
    widths = typical_widths(visible)
    rows = [words for row in group_rows(visible) if (words := split_words(row, widths))]
    stops = column_stops(rows)
    stop_gap = max(COLUMN_STOP_GAP_EM, STOP_GAP_TIMES_SPACE * typical_word_gap(rows))
    return [
        _lay_line(split_cells(words, stops, stop_gap), rules, body_size, bold_marks)
        for words in rows
    ]


def typical_word_gap(rows: Sequence[Sequence[Word]]) -> float:
    """The median gap between words of a row, in font sizes (wide in OCR text layers)."""
    gaps = [
        (b.x0 - a.x1) / max(a.size, b.size) for words in rows for a, b in itertools.pairwise(words)
    ]
    narrow = [gap for gap in gaps if gap < CELL_GAP_EM]
    return statistics.median(narrow) if narrow else 0.0


def typical_widths(glyphs: Iterable[Glyph]) -> Widths:
    """The plain width (in font sizes) of each letter a ligature begins or loses, bold apart.

    The narrowest width that at least three glyphs share: a median would be pulled up
    where many of a page's `t`s are ligatures standing for two letters. A letter whose
    glyphs mostly differ in width (an OCR text layer boxes each letter as scanned) has
    no plain width, and nothing on the page is measured against it.
    """
    seen: dict[tuple[str, bool], list[float]] = {}
    for glyph in glyphs:
        if glyph.text in LIGATURE_LETTERS:
            seen.setdefault((glyph.text, glyph.bold), []).append((glyph.x1 - glyph.x0) / glyph.size)
    plain = {}
    for key, found in seen.items():
        found.sort()
        shared = next(
            (w for w, w3 in zip(found, found[2:], strict=False) if w3 - w <= SAME_WIDTH_EM), None
        )
        alike = sum(abs(w - shared) <= SAME_WIDTH_EM for w in found) if shared else 0
        if shared is not None and alike >= PLAIN_SHARE * len(found):
            plain[key] = shared
    return plain


def mend_ligature(word: Sequence[Glyph], widths: Widths) -> tuple[str, bool]:
    """The word's text, with a letter a ligature lost put back where its width says which.

    A ligature glyph mapped to its first letter only is as wide as two letters; the
    extra width tells `ti` from `tt` for certain, but not `fi` from `fl` (nor `ff` from
    `ft`), so those are left as they are and the word is reported as doubtful.
    """
    parts: list[str] = []
    doubtful = False
    for index, glyph in enumerate(word):
        parts.append(glyph.text)
        extra = _extra_width(word, index, widths)
        if extra is None:
            continue
        lost = _certain_lost_letter(glyph, extra, widths)
        if lost:
            parts.append(lost)
        else:
            doubtful = True
    return "".join(parts), doubtful


def _extra_width(word: Sequence[Glyph], index: int, widths: Widths) -> float | None:
    glyph = word[index]
    usual = widths.get((glyph.text, glyph.bold)) if glyph.text in LIGATURE_HEADS else None
    if usual is None:
        return None
    neighbours = word[max(index - 1, 0) : index] + word[index + 1 : index + 2]
    shared = any(abs(other.x0 - glyph.x0) < 0.05 * glyph.size for other in neighbours)
    extra = (glyph.x1 - glyph.x0) / glyph.size - usual
    # A ligature mapped to all its letters gives each of them the whole box: nothing lost.
    return extra if extra > LOST_LETTER_EM and not shared else None


def _certain_lost_letter(head: Glyph, extra: float, widths: Widths) -> str | None:
    """`i` or `t` when a `t` glyph's extra width is that letter's and clearly not the other's.

    Measured on Calibri: a `ti` ligature is `t` + `i` wide to within 0.01 em, a `tt`
    ligature kerns about 0.035 em narrower than two `t`s. An `f` ligature may have lost
    `i`, `l` or `j` (of one width) or `f` or `t` (of nearly one width): never certain.
    """
    if head.text != "t" or ("i", head.bold) not in widths or ("t", head.bold) not in widths:
        return None
    off_i = abs(extra - widths["i", head.bold])
    off_t = abs(extra - widths["t", head.bold])
    if off_i <= 0.02 and off_t >= 0.06:
        return "i"
    if off_t <= 0.045 and off_i >= 0.06:
        return "t"
    return None


def group_rows(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into rows that share a baseline band, top row first, each left to right."""
    rows: list[list[Glyph]] = []
    middles: list[float] = []
    for glyph in sorted(glyphs, key=lambda g: -(g.bottom + g.top)):
        middle = (glyph.bottom + glyph.top) / 2
        height = max(glyph.top - glyph.bottom, 1.0)
        if rows and abs(middles[-1] - middle) <= 0.4 * height:
            rows[-1].append(glyph)
            middles[-1] += (middle - middles[-1]) / len(rows[-1])
        else:
            rows.append([glyph])
            middles.append(middle)
    return [sorted(row, key=lambda g: g.x0) for row in rows]


def split_words(row: Sequence[Glyph], widths: Widths | None = None) -> list[Word]:
    """A row's glyphs (left to right) cut into words at space glyphs and at gaps."""
    return [_word(glyphs, widths or {}) for glyphs in split_glyph_words(row)]


def split_glyph_words(row: Sequence[Glyph]) -> list[list[Glyph]]:
    """A row's glyphs grouped into words: cut at space glyphs and at gaps between glyphs."""
    words: list[list[Glyph]] = []
    current: list[Glyph] = []
    for glyph in row:
        if not glyph.text.strip():
            if current:
                words.append(current)
            current = []
            continue
        if current and glyph.x0 - current[-1].x1 > WORD_GAP_EM * glyph.size:
            words.append(current)
            current = []
        current.append(glyph)
    if current:
        words.append(current)
    return words


def _word(glyphs: list[Glyph], widths: Widths) -> Word:
    text, doubtful = mend_ligature(glyphs, widths)
    return Word(
        text=text,
        x0=glyphs[0].x0,
        x1=glyphs[-1].x1,
        bottom=min(g.bottom for g in glyphs),
        top=max(g.top for g in glyphs),
        size=max(g.size for g in glyphs),
        bold=all(g.bold for g in glyphs),
        doubtful=doubtful,
    )


def split_cells(
    words: Sequence[Word], stops: Sequence[float] = (), stop_gap: float = COLUMN_STOP_GAP_EM
) -> list[list[Word]]:
    """Words (left to right) grouped into cells at gaps wider than `CELL_GAP_EM`, and at
    narrower gaps (over `stop_gap` font sizes) where the word starts at a column stop."""
    cells: list[list[Word]] = [[words[0]]]
    for word in words[1:]:
        previous = cells[-1][-1]
        gap = (word.x0 - previous.x1) / max(previous.size, word.size)
        at_stop = gap > stop_gap and any(abs(word.x0 - x) <= STOP_SLACK for x in stops)
        if gap > CELL_GAP_EM or at_stop:
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


def column_stops(rows: Sequence[Sequence[Word]]) -> list[float]:
    """Where later cells start on several rows of the page: a column of a table or a list.

    A row whose first column is long leaves only a narrow gap before the next
    (`… ordförande, på distans [ ] Palm Maria`); the stop the other rows share parts it.
    """
    starts: dict[int, list[float]] = {}
    for words in rows:
        for cell in split_cells(words)[1:]:
            starts.setdefault(round(cell[0].x0), []).append(cell[0].x0)
    merged: dict[int, list[float]] = {}
    for key in sorted(starts):
        target = next((k for k in (key - 1, key - 2) if k in merged), key)
        merged.setdefault(target, []).extend(starts[key])
    return [statistics.median(xs) for xs in merged.values() if len(xs) >= MIN_STOP_ROWS]


def _lay_line(
    cells: list[list[Word]], rules: Sequence[Rule], body_size: float, bold_marks: bool
) -> LaidLine:
    words = [word for cell in cells for word in cell]
    struck = tuple(all(is_struck(w, rules) for w in cell) for cell in cells)
    size = max(w.size for w in words)
    heading = (bold_marks and all(w.bold for w in words)) or size >= HEADING_SIZE_RATIO * body_size
    return LaidLine(
        cells=tuple(" ".join(w.text for w in cell) for cell in cells),
        struck=struck if any(struck) else (),
        heading=heading,
        bottom=min(w.bottom for w in words),
        top=max(w.top for w in words),
        x0=words[0].x0,
        suspects=tuple(w.text for w in words if w.doubtful),
    )


def is_struck(word: Word, rules: Sequence[Rule]) -> bool:
    """A rule runs through the middle of the word (not under it) over most of its width."""
    height = word.top - word.bottom
    low, high = word.bottom + 0.3 * height, word.bottom + 0.75 * height
    width = max(word.x1 - word.x0, 0.1)
    for rule in rules:
        if low <= rule.y <= high:
            covered = min(rule.x1, word.x1) - max(rule.x0, word.x0)
            if covered >= 0.6 * width:
                return True
    return False
