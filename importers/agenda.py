"""Agenda items (paragrafer): numbered headings, their text, decisions and attachments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.lexicon import DECISION_HEADINGS, DECISION_WORDS
from importers.normalize import Line
from importers.records import AgendaItem, ParseWarning

ITEM_HEADING = re.compile(
    r"^(?:(?:[A-ZÅÄÖ]{2,5}\s+)?[§\ufffd]\s*(?P<para>\d{1,3})\.?(?:\s+|$|(?=\D))"  # § 1, KS § 45
    r"|(?P<num>\d{1,3})\.(?:\s+|$|(?=[^\W\d]))"  # 1. Mötet öppnas (not 15.00-16.00)
    r"|(?P<rev>\d{1,3})\s*§(?:\s+|$)"  # 39 § Sammanträdets laglighet
    r"|[A-ZÅÄÖ]{2,5}\s+(?P<coded>\d{1,3})(?:\s+(?=[A-ZÅÄÖ])|$)"  # SON 108 Title
    r")(?P<title>[^\d\s].*)?$"
)
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")
_ITEM_SIGNS = frozenset("§\ufffd")


def may_open_item(text: str) -> bool:
    """Can `ITEM_HEADING` match `text`, by its first two characters? (False for most lines.)

    It needs a digit, `§` or `�` first, or two capitals (`KS § 45`, `SON 108`).
    """
    first = text[:1]
    return (
        first in _ITEM_SIGNS or first.isdecimal() or (first in _CAPITALS and text[1:2] in _CAPITALS)
    )


_DIARY_TITLE = re.compile(r"^(?:dnr|diarienr|diarienummer|ärendenr)\b\.?:?\s*\S+", re.I)
_ATTACHMENT = re.compile(r"^(?P<word>Bilagor|Bilaga)(?:\s+\d+)?\s*:?\s*(?P<rest>.*)$", re.I)
_TERMINATORS = (".", "?", "!", ":")
_SENTENCE_END = re.compile(r"[.!?:](?=\s+[A-ZÅÄÖ\"”])")
FUNCTION_WORDS = frozenset(
    {"och", "i", "om", "av", "för", "med", "till", "från", "samt", "angående", "kring", "på",
     "att", "vid", "mot", "under", "efter", "inom", "mellan", "över", "hos", "utan", "genom",
     "enligt", "gällande"}
)  # fmt: skip
_MAX_TITLE_LINES = 6
_MAX_GAP = 3


@dataclass(frozen=True)
class Heading:
    """Where an item starts: its index among the lines, number and first title line."""

    index: int
    number: int
    title: str


def find_headings(
    lines: list[Line], start: int, skip: frozenset[int] = frozenset()
) -> tuple[list[Heading], list[ParseWarning]]:
    """The item headings from `start` on, numbered in sequence, leaving out `skip` (contents).

    A numbered line that is not the next number (`1.` of a list inside a
    decision) is text of the item it stands in.
    """
    headings: list[Heading] = []
    warnings: list[ParseWarning] = []
    inner_list = 0
    for index in range(start, len(lines)):
        if index in skip or not may_open_item(lines[index].text):
            continue
        found = heading_at(lines, index)
        if found is None:
            continue
        number, title = found
        expected = headings[-1].number + 1 if headings else None
        if _is_heading(number, expected, inner_list, lines[index]):
            if expected is not None and number != expected:
                missing = ", ".join(str(n) for n in range(expected, number))
                warnings.append(ParseWarning(lines[index].number, f"item(s) {missing} missing"))
            headings.append(Heading(index, number, title))
            inner_list = 0
        elif number == inner_list + 1:
            inner_list = number
    return headings, warnings


def heading_at(lines: list[Line], index: int) -> tuple[int, str] | None:
    """(number, title) when line `index` opens an item; the title may stand on the next line."""
    match = ITEM_HEADING.match(lines[index].text)
    if match is None:
        return None
    number = int(next(g for g in match.group("num", "para", "rev", "coded") if g))
    title = (match.group("title") or "").strip()
    if title and not _DIARY_TITLE.match(title):
        return number, title
    if match.group("num"):
        return None  # a bare `1.` is a list marker, not an item
    following = _next_non_blank(lines, index, min(len(lines), index + 4))
    if following is None or not _title_like(lines[following].text):
        return None
    return number, ""


def _diary_of(line: Line) -> str | None:
    match = ITEM_HEADING.match(line.text)
    title = (match.group("title") or "").strip() if match else ""
    return title if _DIARY_TITLE.match(title) else None


def _title_like(text: str) -> bool:
    return text[:1].isupper() and not ITEM_HEADING.match(text) and len(text) < 200


def _is_heading(number: int, expected: int | None, inner_list: int, line: Line) -> bool:
    if expected is None:
        return True
    if number == expected:
        return line.heading or number != inner_list + 1
    return line.heading and expected < number <= expected + _MAX_GAP


def read_item(lines: list[Line], heading: Heading, end: int) -> AgendaItem:
    """The item whose heading is at `heading.index`, ending before line index `end`."""
    title, rest, after = _read_title(lines, heading, end)
    diary = _diary_of(lines[heading.index]) if not heading.title else None
    rest = " ".join(x for x in (diary, rest) if x)
    body: list[Line] = []
    decisions: list[list[Line]] = []
    attachments: list[list[Line]] = []
    listed: set[int] = set()
    """Indexes of attachment sections headed `Bilagor`: one attachment a line."""
    section: list[Line] = body
    for line in lines[after:end]:
        kind = _section_heading(line)
        attachment = _ATTACHMENT.match(line.text) if not line.blank else None
        if kind == "decision":
            section = _open(decisions, _rest_of(line), line)
        elif kind == "other":
            section = body
            section.append(line)
        elif attachment and _is_attachment_heading(attachment, line):
            section = _open(attachments, attachment.group("rest"), line)
            if attachment.group("word").casefold() == "bilagor":
                listed.add(len(attachments) - 1)
        else:
            section.append(line)
    last = _last_line_number(lines, heading.index, end)
    return AgendaItem(
        number=heading.number,
        title=title,
        body=_join_paragraphs(([rest] if rest else []) + _paragraph_texts(body)),
        decisions=tuple(text for lines_ in decisions if (text := _flat(lines_))),
        attachments=tuple(
            text
            for n, section_lines in enumerate(attachments)
            for text in (
                [x.text for x in section_lines if x.text]
                if n in listed
                else _paragraph_texts(section_lines)
            )
        ),
        line=lines[heading.index].number,
        end_line=last,
    )


def _section_heading(line: Line) -> str | None:
    """`decision` for `Beslut`/`Nämndens beslut:`, `other` for `Beslutsunderlag` and the like."""
    match = None if line.blank else DECISION_HEADINGS.match(line.text)
    if match is None:
        return None
    word = line.text[: match.start("rest")].strip(" :")
    rest = match.group("rest")
    colon = line.text[len(word) :].lstrip().startswith(":")
    if DECISION_WORDS.match(word):
        return "decision" if not rest or colon else None
    return "other" if not rest or colon else None


def _rest_of(line: Line) -> str:
    match = DECISION_HEADINGS.match(line.text)
    return match.group("rest") if match else ""


def _open(sections: list[list[Line]], rest: str, line: Line) -> list[Line]:
    section: list[Line] = []
    if rest:
        section.append(Line(number=line.number, raw=rest))
    sections.append(section)
    return section


def _is_attachment_heading(match: re.Match[str], line: Line) -> bool:
    rest = match.group("rest")
    return not rest or line.text[len(match.group("word")) :].lstrip()[:1] in (":", *"0123456789")


def _read_title(lines: list[Line], heading: Heading, end: int) -> tuple[str, str, int]:
    """Title, the text after the title on its last line, and the index after the title."""
    parts = [heading.title]
    index = heading.index
    if not heading.title:  # `§ 1   Dnr 2024-00001`, the title on the next line
        following = _next_non_blank(lines, index, end)
        if following is not None:
            parts, index = [lines[following].text], following
    if not lines[index].heading:
        while len(parts) < _MAX_TITLE_LINES:
            following = _next_non_blank(lines, index, end)
            if following is None or not _continues(lines[index], parts[-1], lines[following]):
                break
            parts.append(lines[following].text)
            index = following
    title, rest = _cut_at_sentence_end(parts)
    return title.rstrip(".:").rstrip(), rest, index + 1


def _continues(line: Line, text: str, following: Line) -> bool:
    if text.endswith(_TERMINATORS) or _section_heading(following):
        return False
    last_word = text.rsplit(" ", 1)[-1].casefold()
    return line.continues or following.text[:1].islower() or last_word in FUNCTION_WORDS


def _cut_at_sentence_end(parts: list[str]) -> tuple[str, str]:
    """`…kompetensförsörjning. Maria S Hallberg` → the title, and what follows it."""
    last = parts[-1]
    match = _SENTENCE_END.search(last)
    if match is None:
        return " ".join(parts), ""
    head = [*parts[:-1], last[: match.end()]]
    return " ".join(head), last[match.end() :].strip()


def _next_non_blank(lines: list[Line], index: int, end: int) -> int | None:
    for candidate in range(index + 1, min(index + 4, end)):
        if not lines[candidate].blank:
            return candidate
    return None


def _paragraph_texts(lines: list[Line]) -> list[str]:
    """Paragraphs of `lines`, joined across page breaks that cut a sentence."""
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    texts: list[str] = []
    for paragraph in paragraphs:
        text = _flat(paragraph)
        if texts and _cut_mid_sentence(texts[-1], text):
            texts[-1] = f"{texts[-1]} {text}"
        else:
            texts.append(text)
    return texts


def _cut_mid_sentence(previous: str, text: str) -> bool:
    return not previous.endswith((*_TERMINATORS, ")")) and text[:1].islower()


def _flat(lines: list[Line]) -> str:
    return " ".join(line.text for line in lines if line.text)


def _join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def _last_line_number(lines: list[Line], start: int, end: int) -> int:
    for index in range(end - 1, start - 1, -1):
        if not lines[index].blank:
            return lines[index].number
    return lines[start].number
