"""What a Word document's paragraph styles say: which are headings, which are numbered lists."""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

_VAL = qn("w:val")
_HEADING_NAMES = ("heading", "title", "rubrik", "titel", "överskrift")
_OFF = frozenset({"0", "false", "off", "none"})
_MAX_DEPTH = 8
"""`basedOn` hops followed; a loop in a damaged file ends here."""


@dataclass(frozen=True)
class Styles:
    """Paragraph styles by id: headings, and the list each numbered style numbers in."""

    headings: frozenset[str]
    numbered: dict[str, tuple[str, int]]
    """Style id → (`w:numId`, level) of the list the style's paragraphs are numbered in."""
    struck_characters: frozenset[str] = frozenset()
    """Character styles that strike their runs through (`w:strike`, `w:dstrike`)."""
    hidden_characters: frozenset[str] = frozenset()
    """Character styles that hide their runs (`w:vanish`)."""


def read_styles(root: etree._Element) -> Styles:
    """The heading and numbered styles of a `w:styles` element, following `basedOn`."""
    names: dict[str, str] = {}
    bases: dict[str, str | None] = {}
    lists: dict[str, tuple[str, int]] = {}
    for style in root.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId")) or ""
        names[style_id] = _val(style.find(qn("w:name"))) or ""
        bases[style_id] = _val(style.find(qn("w:basedOn")))
        numbered = numbering_of(style.find(qn("w:pPr")))
        if numbered is not None:
            lists[style_id] = (numbered[0], numbered[1] or 0)
    headings, numbered_styles = set(), {}
    for style_id in names:
        chain = _chain(style_id, bases)
        if any(names[s].casefold().startswith(_HEADING_NAMES) for s in chain):
            headings.add(style_id)
        found = next((lists[s] for s in chain if s in lists), None)
        if found is not None:
            numbered_styles[style_id] = found
    return Styles(
        frozenset(headings),
        numbered_styles,
        _character_styles(root, bases, (qn("w:strike"), qn("w:dstrike"))),
        _character_styles(root, bases, (qn("w:vanish"),)),
    )


def _character_styles(
    root: etree._Element, bases: dict[str, str | None], tags: tuple[str, ...]
) -> frozenset[str]:
    """Ids of character styles that set one of `tags` on (themselves or by `basedOn`)."""
    own: dict[str, bool] = {}
    for style in root.iterchildren(qn("w:style")):
        properties = style.find(qn("w:rPr"))
        marks = [properties.find(t) for t in tags] if properties is not None else []
        found = [m for m in marks if m is not None]
        if found:
            own[style.get(qn("w:styleId")) or ""] = (
                _val(found[0]) or "true"
            ).casefold() not in _OFF
    characters = {
        style.get(qn("w:styleId")) or ""
        for style in root.iterchildren(qn("w:style"))
        if style.get(qn("w:type")) == "character"
    }
    return frozenset(
        style_id
        for style_id in characters
        if next((own[s] for s in _chain(style_id, bases) if s in own), False)
    )


def numbering_of(properties: etree._Element | None) -> tuple[str, int | None] | None:
    """(`w:numId`, level or None) of a `w:pPr` that numbers its paragraph, else None."""
    if properties is None:
        return None
    numbering = properties.find(qn("w:numPr"))
    if numbering is None:
        return None
    num_id = _val(numbering.find(qn("w:numId")))
    level = _val(numbering.find(qn("w:ilvl")))
    if num_id is None:
        return None
    return num_id, int(level) if level and level.isdigit() else None


def _chain(style_id: str, bases: dict[str, str | None]) -> list[str]:
    chain = [style_id]
    while len(chain) < _MAX_DEPTH and (base := bases.get(chain[-1])) in bases:
        chain.append(base)  # type: ignore[arg-type]
    return chain


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(_VAL)
