"""Normalising a protocol's text into clean lines that keep their original line numbers.

What goes: markup (its signals kept: struck-through cells, headings), the
letterhead before the title and its repeats on later pages, page numbers like
`4 (6)`, address blocks, bare URLs and the signature boxes at the foot of every page.
Words hyphenated across a line break are joined onto the first line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from importers.document import DocumentLine

TITLE_LINE = re.compile(
    r"^(?:Protokoll|PROTOKOLL|Sammanträdesprotokoll|SAMMANTRÄDESPROTOKOLL|Mötesprotokoll"
    r"|Minnesanteckningar|MINNESANTECKNINGAR)\b"
)
_CELL_SPLIT = re.compile(r"\t+|\s{2,}")
_PAGE_NUMBER = re.compile(
    r"^(?:\d{1,3}\s*\(\s*\d{1,3}\s*\)|\d{1,3}\s*/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|\d{1,3}"
    r"|(?:sida|sid\.?|page)\s*\d{1,3}(?:\s*(?:\(|av|/|of)\s*\d{1,3}\)?)?)$",
    re.IGNORECASE,
)
_TABLE_RULE = re.compile(r"\s*\|\s*")
_RULE_ONLY = r"[-_=–—.*|:\s]{3,}"
_URL_ONLY = r"<?(?:https?://|www\.)\S+>?"
_PAGE_FURNITURE = re.compile(
    f"^(?:{_PAGE_NUMBER.pattern[1:-1]}|{_URL_ONLY}|{_RULE_ONLY})$", re.IGNORECASE
)
"""A page number, a bare URL or a rule: one pattern, as every line is tried."""
_FURNITURE_STARTS = frozenset("-–_=—.*|:<" + "sSpPhHwWſ")
"""Besides digits, the characters `_PAGE_FURNITURE` may match first (a line's text never
starts with a space; `ſ` is an `s` to a case-blind pattern)."""
_ADDRESS_KEYWORDS = (
    "POSTADRESS", "BESÖKSADRESS", "TELEFON", "TELEFAX", "ORG.NR", "ORGANISATIONSNUMMER",
    "PLUSGIRO", "BANKGIRO", "E-POST", "INTERNET", "WEBBPLATS", "HEMSIDA",
)  # fmt: skip
_ANY_ADDRESS_KEYWORD = re.compile("|".join(map(re.escape, _ADDRESS_KEYWORDS)))
_ADDRESS_LINE = re.compile(
    r"^(?:Box \d+|\d{3} ?\d{2} \w+|[\d\s-]{9,}|\S+@\S+\.\w+|(?:www\.)?\S+\.se"
    r"|\d{6}-\d{4}|[\d -]+(?:\s+[\d -]+)*)$",
    re.IGNORECASE,
)
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-$")
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "resp", "respektive", "till", "som"})
_MAX_HEADER_PARAGRAPH = 8
_RUNNING_HEAD_LINES = 15
_DIGITS = re.compile(r"[0-9]+")
_LOOSE_DROPPED = b" #0123456789"
"""What a line's loose key leaves out: spaces, digits, and `#` (which stands for digits)."""
_SIGNATURE_FOOTER = re.compile(
    r"^(?:(?:Justerandes?|Ordförandes|Sekreterarens|Justerares)\s+sign(?:atur|\.)?"
    r"|Utdragsbestyrkande|Signatur(?:er)?:?)(?:\s+(?:Justerandes?\s+sign\S*|Utdragsbestyrkande"
    r"|Ordförandes\s+sign\S*|_+|\.+))*\s*$",
    re.IGNORECASE,
)
_FOOTER_STARTS = frozenset("JjOoSsUuſ")
"""The characters `_SIGNATURE_FOOTER` may match first (`ſ` is an `s` to a case-blind pattern)."""


class Line:
    """One line of the original file, cleaned: `text` has single spaces, `cells` the columns."""

    __slots__ = (
        "_cells", "blank", "continues", "heading", "number", "page", "raw", "struck", "text",
    )  # fmt: skip

    def __init__(
        self,
        number: int,
        raw: str,
        struck: bool = False,
        heading: bool = False,
        page: int | None = None,
    ) -> None:
        self.number = number
        self.struck = struck
        self.heading = heading
        self.page = page
        self.continues = False
        """The line was broken mid-word (hyphenated) into the next one."""
        self.raw = raw = raw.strip()
        self.text = text = " ".join(raw.split())
        self.blank = not text
        self._cells: tuple[str, ...] | None = None

    @classmethod
    def blank_at(cls, number: int) -> Line:
        """An empty line standing at `number` (what `Line(number, "")` makes, made cheaply)."""
        line = cls.__new__(cls)
        line.number, line.struck, line.heading, line.page, line.continues = (
            number, False, False, None, False,
        )  # fmt: skip
        line.raw = line.text = ""
        line.blank = True
        line._cells = None
        return line

    def set_raw(self, raw: str) -> None:
        """Replace the line's content, keeping `text` and `cells` in step."""
        self.raw = raw.strip()
        self.text = " ".join(self.raw.split())
        self.blank = not self.text
        """True for a line with no text."""
        self._cells: tuple[str, ...] | None = None

    @property
    def cells(self) -> tuple[str, ...]:
        """The line's columns, split on tabs and runs of two or more spaces."""
        if self._cells is None:
            raw = self.raw
            if raw == self.text:  # single spaces only: no gap, one cell (most lines)
                self._cells = (raw,) if raw else ()
            elif raw.replace("\t", " ") == self.text:  # single tabs between single-spaced cells
                self._cells = tuple(raw.split("\t"))
            else:
                self._cells = tuple(c for c in _CELL_SPLIT.split(raw) if c)
        return self._cells

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.text!r})"


@dataclass(frozen=True)
class NormalizedText:
    """The cleaned lines of a protocol, and the letterhead that stood before its title."""

    lines: list[Line]
    letterhead: list[Line]


def normalize(document_lines: Sequence[DocumentLine]) -> NormalizedText:
    """Turn a document's lines into clean lines numbered as in its text."""
    lines = []
    for number, document_line in enumerate(document_lines, start=1):
        if document_line.furniture:
            continue
        raw = "\t".join(document_line.cells)
        if "|" in raw:  # a table's rules (`1. | Mötet öppnades`, Markdown `| a | b |`)
            raw = _table_cells(raw)
        struck = bool(document_line.struck) and document_line.struck[0]
        line = Line(number, raw, struck, document_line.heading, document_line.page)
        first = line.text[:1]  # most lines are ruled out by the character they start with
        if (first.isdecimal() or first in _FURNITURE_STARTS) and _PAGE_FURNITURE.match(line.text):
            continue  # a page number, a bare URL or a rule
        lines.append(line)
    letterhead, lines = _split_letterhead(lines)
    lines = _drop_repeated_headers(lines, letterhead)
    lines = _drop_running_headers(lines)
    lines = _drop_address_blocks(lines)
    lines = _drop_signature_footers(lines)
    _join_hyphenated_words(lines)
    return NormalizedText(lines=[x for x in lines if x.number > 0], letterhead=letterhead)


def _table_cells(raw: str) -> str:
    """A table row's rules read as cell breaks."""
    return "\t".join(cell.strip() for cell in _TABLE_RULE.split(raw.strip(" |")))


def _split_letterhead(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The non-blank lines before the title line, and the rest."""
    non_blank_seen = 0
    for index, line in enumerate(lines):
        if TITLE_LINE.match(line.text):
            return [x for x in lines[:index] if not x.blank], lines[index:]
        non_blank_seen += not line.blank
        if non_blank_seen > 30:
            break
    return [], lines


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines separated by blank lines (blank lines are runs of their own)."""
    runs: list[list[Line]] = []
    for line in lines:
        if runs and runs[-1][-1].blank == line.blank:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _drop_repeated_headers(lines: list[Line], letterhead: list[Line]) -> list[Line]:
    """Drop the letterhead where it repeats at the top of later pages."""
    if not letterhead:
        return lines
    pieces = sorted({_key(line.text) for line in letterhead}, key=len, reverse=True)
    composed = re.compile("(?:" + "|".join(map(re.escape, pieces)) + ")+")
    first = _key(letterhead[0].text)

    def starts(run: list[Line]) -> bool:
        return _key(run[0].text) == first and len(run) <= _MAX_HEADER_PARAGRAPH

    def continues(run: list[Line]) -> bool:
        return all(composed.fullmatch(_key(x.text)) for x in run)

    return _drop_blocks(lines, starts, continues)


def _drop_running_headers(lines: list[Line]) -> list[Line]:
    """Drop the repeats of head lines printed on every page (`STORÅ KOMMUN … 2 (110)`).

    A line of the first page's head that recurs, digits aside, at least twice
    more is a running header: its first print is read, the repeats are not.
    """
    texts = [line.text for line in lines]
    loose = _loose_keys(texts)
    head = [i for i, text in enumerate(texts) if text][:_RUNNING_HEAD_LINES]
    head = [i for i in head if len(texts[i]) >= 6]
    counts = Counter(loose)
    if all(counts[loose[i]] < 3 for i in head):
        return lines  # no head line recurs, even loosely: most documents
    keys: dict[str, int] = {}
    for i in head:
        keys.setdefault(_masked(texts[i]), lines[i].number)
    wanted = {key.replace("#", "") for key in keys}
    masked = [  # the regex runs only where the loose key may match: a few lines
        _masked(text) if len(text) >= 6 and key in wanted else ""
        for text, key in zip(texts, loose, strict=True)
    ]
    repeats: dict[str, int] = {}
    for key in masked:
        if key in keys:
            repeats[key] = repeats.get(key, 0) + 1
    running = {key for key, count in repeats.items() if count >= 3}
    if not running:
        return lines
    return [
        x
        for x, key in zip(lines, masked, strict=True)
        if key not in running or x.number == keys[key]
    ]


def _loose_keys(texts: list[str]) -> list[str]:
    """Each text's `_masked` key without its `#`s, for all texts in one pass over their bytes.

    Spaces, `#` and ASCII digits are single bytes in UTF-8, never part of another
    character, and `casefold` leaves them alone: dropping them from the bytes
    and casefolding after gives what `_masked(text).replace("#", "")` gives.
    """
    joined = "\n".join(texts).encode("utf-8", "surrogatepass")
    loose = joined.translate(None, _LOOSE_DROPPED).decode("utf-8", "surrogatepass")
    return loose.casefold().split("\n")


def _masked(text: str) -> str:
    """A line's text (single-spaced, as `Line.text` is) without spaces, digit runs as `#`."""
    return _DIGITS.sub("#", text.replace(" ", "").casefold())


def _drop_address_blocks(lines: list[Line]) -> list[Line]:
    upper_text = "\n".join([line.text for line in lines]).upper()
    if sum(word in upper_text for word in _ADDRESS_KEYWORDS) < 2:
        return lines  # a block starts with a line naming two: most documents name none

    def starts(run: list[Line]) -> bool:
        upper = run[0].text.upper()
        if not _ANY_ADDRESS_KEYWORD.search(upper):
            return False  # the common case, in one search
        return sum(word in upper for word in _ADDRESS_KEYWORDS) >= 2

    def continues(run: list[Line]) -> bool:
        return all(_ADDRESS_LINE.match(x.text) for x in run)

    return _drop_blocks(lines, starts, continues)


def _drop_blocks(
    lines: list[Line],
    starts: Callable[[list[Line]], bool],
    continues: Callable[[list[Line]], bool],
) -> list[Line]:
    """Drop each block of paragraphs that `starts` opens and `continues` carries on."""
    kept: list[Line] = []
    in_block = False
    for run in _paragraphs(lines):
        if run[0].blank:
            kept.extend(run)
        elif starts(run) or (in_block and continues(run)):
            in_block = True
        else:
            in_block = False
            kept.extend(run)
    return kept


def _drop_signature_footers(lines: list[Line]) -> list[Line]:
    """Drop the signature boxes printed at the foot of every page.

    Only these known forms go: text that merely repeats (the same attachment
    under three items) is the protocol's own and stays.
    """
    return [
        line
        for line in lines
        if line.text[:1] not in _FOOTER_STARTS or not _SIGNATURE_FOOTER.match(line.text)
    ]


def _join_hyphenated_words(lines: list[Line]) -> None:
    """Move the rest of a word broken by a hyphen at line end up onto the first line."""
    for index, line in enumerate(lines):
        if not line.raw.endswith("-") or "\t" in line.raw or not _HYPHEN_BREAK.search(line.raw):
            continue
        following = _next_non_blank(lines, index)
        if following is None:
            continue
        word, _, rest = following.raw.partition(" ")
        if not word or word.rstrip(".,;:").casefold() in _KEEP_HYPHEN_BEFORE:
            continue
        joined = line.raw[:-1] + word if word[0].islower() else line.raw + word
        line.set_raw(joined)
        line.continues = True
        following.set_raw(rest)
        if not following.raw:
            following.number = -1  # wholly absorbed: drop it


def _next_non_blank(lines: list[Line], index: int) -> Line | None:
    for candidate in lines[index + 1 : index + 8]:
        if not candidate.blank:
            return candidate
    return None
