"""Word's automatic list numbers, counted as Word counts them.

A numbered agenda (`1. Mötet öppnas`, `§ 2 Val av justerare`) typed with Word's
numbering has no number in its text: the number lives in `numbering.xml` and is
drawn by Word. This gives each numbered paragraph the label Word shows, so the
parser sees the numbers a reader of the document sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

_VAL = qn("w:val")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class Level:
    """One level of a list definition: where it starts, how it counts and what it shows."""

    start: int = 1
    format: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """The document's list definitions and the counters of the lists read so far."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    """Per abstract list: its levels."""
    lists: dict[str, str] = field(default_factory=dict)
    """Per list (`w:numId`): its abstract list."""
    restarts: dict[str, dict[int, int]] = field(default_factory=dict)
    """Per list: levels whose start the list overrides."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, level: int) -> str:
        """The label of the next paragraph in list `num_id` at `level`, counting it."""
        abstract = self.lists.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        counts = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted, start in self.restarts.get(num_id, {}).items():
                counts[restarted] = start - 1
        levels = self.levels.get(abstract, {})
        counts[level] = counts.get(level, levels.get(level, Level()).start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        return self._render(levels, counts, level)

    def _render(self, levels: dict[int, Level], counts: dict[int, int], level: int) -> str:
        shown = levels.get(level, Level())
        if shown.format == "bullet":
            return "•"
        if shown.format == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            of = levels.get(index, Level())
            return format_number(counts.get(index, of.start), of.format)

        return _PLACEHOLDER.sub(number, shown.text).strip()


def read_numbering(root: etree._Element | None) -> Numbering:
    """The list definitions of a `w:numbering` element (none when the document has no lists)."""
    numbering = Numbering()
    if root is None:
        return numbering
    for abstract in root.iterchildren(qn("w:abstractNum")):
        levels = {
            int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in abstract.iter(qn("w:lvl"))
        }
        numbering.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
    for num in root.iterchildren(qn("w:num")):
        num_id = num.get(qn("w:numId"), "")
        numbering.lists[num_id] = _val(num.find(qn("w:abstractNumId"))) or ""
        for override in num.iterchildren(qn("w:lvlOverride")):
            start = _val(override.find(qn("w:startOverride")))
            if start is not None and start.isdigit():
                level = int(override.get(qn("w:ilvl"), "0"))
                numbering.restarts.setdefault(num_id, {})[level] = int(start)
    return numbering


def _level(lvl: etree._Element) -> Level:
    start = _val(lvl.find(qn("w:start")))
    return Level(
        start=int(start) if start and start.isdigit() else 1,
        format=_val(lvl.find(qn("w:numFmt"))) or "decimal",
        text=_val(lvl.find(qn("w:lvlText"))) or "",
    )


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(_VAL)


def format_number(value: int, style: str) -> str:
    """`value` written as a list of `style` counts (decimal, letters, roman numerals)."""
    if style in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "upperLetter" else letters
    if style in ("lowerRoman", "upperRoman"):
        roman = ""
        for worth, digits in _ROMAN:
            while value >= worth:
                roman, value = roman + digits, value - worth
        return roman.upper() if style == "upperRoman" else roman
    if style == "decimalZero":
        return f"{value:02d}"
    return str(value)
