"""The head of a protocol: the council, when and where, and who signed.

Fields come as labels (`Tid:`, `Dag och tid:`, `Plats:`, `Justerare: Tom Rymoén`,
`Justerat den: 221010`, value on the same or the next line) and as signature
blocks: a line of names over a line of roles (`Ordförande   Justerare`).
"""

from __future__ import annotations

import functools
import re

from importers.attendance_entry import looks_like_name
from importers.head_labels import Labelled, split_labels
from importers.head_title import body_from_first_line, body_in, find_title
from importers.head_when import (
    Head,
    date_without_label,
    place_of,
    read_adjusted,
    read_when,
    repeated_dates,
)
from importers.lexicon import (
    HEAD_LABELS,
    LABEL_TAILS,
    OFFICER_ROLES,
    SIGNATURE_LABELS,
    SIGNING_NOTES,
    looks_like_body,
)
from importers.normalize import Line
from importers.records import Officer, OfficerRole, ParseWarning
from importers.swedish_dates import (
    InvalidDate,
    find_date,
    parse_compact_date,
    remove_when,
)

_ROLE_WORDS: dict[str, OfficerRole] = dict(OFFICER_ROLES)  # type: ignore[arg-type]
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\boch\b|&|\t|\s{2,})\s*")
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:för|och|i|till|vid)$")
_PARTY_IN_NAME = re.compile(r"\s*\([^()]{1,5}\)")
_OFFICER_FIELDS = frozenset({"chair", "secretary", "adjuster"})
_ADJUSTED_DATE_LABELS = frozenset({"justerat den", "justeringsdatum", "justerad", "justerat"})


def read_head(lines: list[Line], letterhead: str | None = None) -> Head:
    """Read the head from `lines` (the lines before the attendance lists).

    `letterhead` is the body the letterhead above the title names, if any: it wins
    over a line under the title that does not read as a body (`Styrelsemöte nr 8`).
    """
    head = Head(letterhead=letterhead)
    for index, line in enumerate(lines):
        if index in head.used or line.blank or _role_line(line):
            continue
        if head.body is None and head.field_lines.get("title") is None and find_title(line.raw):
            _read_title(lines, index, head)
        elif _labels_in(line)[1]:
            _read_labels(lines, index, head)
    for index, line in enumerate(lines):
        if not line.blank and index not in head.used and _role_line(line):
            _read_signature(lines, index, head)
    if head.date is None:
        date_without_label(lines, head)
    if head.body is None and head.letterhead is None and "title" not in head.field_lines:
        _body_from_first_line(lines, head)
    repeated_dates(lines, head)
    title = head.field_lines.get("title")
    title_texts = {x.text for x in lines if x.number == title} if title is not None else set()
    for index, line in enumerate(lines):
        if index not in head.used and not line.blank and not _quietly_read(line, title_texts):
            head.warnings.append(
                ParseWarning(line.number, f"not understood in the protocol head: {line.text!r}")
            )
    return head


def _quietly_read(line: Line, title_texts: set[str]) -> bool:
    """A line that says nothing to store: a signing record, or the title printed again."""
    return bool(SIGNING_NOTES.search(line.text)) or line.text in title_texts


def _labels_in(line: Line) -> tuple[list[str], list[Labelled]]:
    """Cells before the first label (a body name, say), and the labels from there on."""
    before, found = _labels_in_cells(line.cells or (line.raw,))
    return list(before), list(found)


def _line_labels(line: Line) -> tuple[Labelled, ...]:
    """The labels on a line (from its first or second cell on)."""
    return _labels_in_cells(line.cells or (line.raw,))[1]


@functools.lru_cache(maxsize=8192)
def _labels_in_cells(cells: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[Labelled, ...]]:
    for index in range(min(2, len(cells))):
        found = split_labels("\t".join(cells[index:]))
        if found:
            return cells[:index], tuple(found)
    return (), ()


def _read_title(lines: list[Line], index: int, head: Head) -> None:
    line = lines[index]
    title = find_title(line.raw)
    assert title is not None
    head.used.add(index)
    head.field_lines["title"] = line.number
    after = _cells_text(title.after)
    if head.date is None:
        read_when(after, line.number, head, quiet=True)
    body = body_in(remove_when(after) if head.date else after)
    if body is None:
        body = _body_below_title(lines, index, head)
    if body is None:
        body = body_in(_cells_text(title.before).split("\t")[0])
    if body is None:
        return
    following = _next_non_blank(lines, index)
    while following is not None and lines[following].text[:1].islower():
        body = f"{body} {lines[following].text}"
        head.used.add(following)
        following = _next_non_blank(lines, following)
    head.body = body
    head.field_lines["body"] = line.number


def _cells_text(text: str) -> str:
    """The title's pieces with their cells kept apart by tabs."""
    return "\t".join(" ".join(cell.split()) for cell in re.split(r"\t|\s{2,}", text) if cell)


def _body_below_title(lines: list[Line], index: int, head: Head) -> str | None:
    """A title with no body: the body is the next line (its first cell), if not a label."""
    following = _next_non_blank(lines, index)
    if following is None or _role_line(lines[following]):
        return None
    line = lines[following]
    before, labels = _labels_in(line)
    first = (before[0] if before else "") if labels else line.cells[0] if line.cells else ""
    body = body_in(first)
    if body is None or (not looks_like_body(body) and (labels or len(line.cells) > 1)):
        return None
    if not looks_like_body(body) and head.letterhead and looks_like_body(head.letterhead):
        return None
    if not labels:
        head.used.add(following)
    return body


def _read_labels(lines: list[Line], index: int, head: Head) -> None:
    line = lines[index]
    before, labels = _labels_in(line)
    head.used.add(index)
    if before and head.body is None and looks_like_body(body := " ".join(before[0].split())):
        head.body = body
        head.field_lines["body"] = line.number
    values = [(item.value, line.number) for item in labels]
    following = _next_non_blank(lines, index)
    if following is not None and lines[following].text.casefold() in LABEL_TAILS:
        head.used.add(following)  # `Plats och tid för` / `sammanträde`: the label wrapped
        labels[-1] = _with_tail(labels[-1], lines[following].text.casefold())
        following = _next_non_blank(lines, following)
    if following is not None and not any(value for value, _ in values):
        below = _values_below(lines, following, labels)
        if below is not None:
            head.used.add(following)
            values = below
    for labelled, (value, number) in zip(labels, values, strict=True):
        _read_field(labelled, value.removeprefix("för ").strip(), number, head)


def _with_tail(labelled: Labelled, tail: str) -> Labelled:
    key = f"{labelled.label} för {tail}"
    field = HEAD_LABELS.get(key, labelled.field)
    return Labelled(key if key in HEAD_LABELS else labelled.label, field, labelled.value, False)


def _values_below(
    lines: list[Line], index: int, labels: list[Labelled]
) -> list[tuple[str, int]] | None:
    """Values on the line under labels that stand alone (`Datum` / `2024-02-01`), or None."""
    below = lines[index]
    if _labels_in(below)[1] or _role_line(below):
        return None
    if len(labels) > 1:
        cells = list(below.cells)
        return [(c, below.number) for c in cells] if len(cells) == len(labels) else None
    field = labels[0].field
    text = "\t".join(below.cells)
    if field in ("chair", "secretary", "adjuster"):
        after = _next_non_blank(lines, index)
        signs = after is not None and _role_line(lines[after]) is not None
        names = _split_names(text)
        fits = not signs and all(looks_like_name(_PARTY_IN_NAME.sub("", n)) for n in names)
    elif field in ("when", "adjusted"):
        try:
            fits = find_date(text) is not None or parse_compact_date(text) is not None
        except InvalidDate:  # an impossible date is still this label's value: it is warned about
            fits = True
    elif field == "ignore":  # `Paragrafer` / `§§ 1-45`, never the names of a signature
        fits = len(text) < 40 and any(c.isdigit() for c in text)
    elif field == "kind":
        fits = len(text) < 40
    else:
        fits = True
    return (
        [(" ".join(text.split()) if field not in _OFFICER_FIELDS else text, below.number)]
        if fits
        else None
    )


def _read_field(labelled: Labelled, value: str, number: int, head: Head) -> None:
    field = labelled.field
    if field in ("when", "when_place"):
        read_when(value, number, head)
        if field == "when_place" and (place := place_of(value)) and head.location is None:
            head.location = place
            head.field_lines["location"] = number
    elif field == "place" and value and head.location is None:
        head.location = value
        head.field_lines["location"] = number
    elif field == "body" and value and head.body is None:
        head.body = value
        head.field_lines["body"] = number
    elif field == "adjusted":
        read_adjusted(value, number, head, strict=labelled.label in _ADJUSTED_DATE_LABELS)
    elif field in ("chair", "secretary", "adjuster") and value:
        for name in _split_names(value):
            name = _PARTY_IN_NAME.sub("", name).strip()
            if looks_like_name(name) or (len(name.split()) == 1 and name[:1].isupper()):
                head.officers.append(Officer(field, name, number))  # type: ignore[arg-type]


def _body_from_first_line(lines: list[Line], head: Head) -> None:
    """No title at all (`Brf Bronsyxan, 716406-9671` / `7 juni 2021`): the first line names it."""
    first = next((i for i, x in enumerate(lines) if not x.blank and i not in head.used), None)
    body = body_from_first_line(lines[first].text) if first is not None else None
    if first is None or body is None:
        return
    head.body = body
    head.used.add(first)
    head.field_lines["body"] = lines[first].number
    message = f"council taken from the first line: {body!r}"
    head.warnings.append(ParseWarning(lines[first].number, message))


def head_look(line: Line) -> tuple[bool, bool]:
    """(opens the signatures, belongs to the head) for a line among the lists, in one look."""
    labels = _line_labels(line)
    opens = any(item.label in SIGNATURE_LABELS for item in labels)
    return opens, bool(labels) or _role_line(line) is not None


def is_role_line(line: Line) -> bool:
    """Is this a line of roles under signatures (`Ordförande   Justerare`)?"""
    return _role_line(line) is not None


def _role_line(line: Line) -> tuple[OfficerRole, ...] | None:
    """The roles a line like `Ordförande   Justerare` names, or None."""
    return _roles_in(line.raw)


@functools.lru_cache(maxsize=8192)
def _roles_in(raw: str) -> tuple[OfficerRole, ...] | None:
    """`_role_line` by a line's text alone: asked of every head line and attendance row."""
    line = Line(0, raw)
    first = line.text.split(" ", 1)[0].casefold().rstrip(":")
    if first not in _ROLE_WORDS:
        return None
    words = line.cells if len(line.cells) > 1 else tuple(line.text.split())
    if not words or len(words) > 4:
        return None
    roles = [_ROLE_WORDS.get(word.casefold().rstrip(":")) for word in words]
    return tuple(role for role in roles if role) if all(roles) else None


def _read_signature(lines: list[Line], index: int, head: Head) -> None:
    roles = _role_line(lines[index])
    assert roles is not None
    head.used.add(index)
    names_at = _previous_non_blank(lines, index)
    if names_at is None or names_at in head.used or not _names_line(lines[names_at]):
        names_at = _next_non_blank(lines, index)
        if names_at is None or names_at in head.used or not _names_line(lines[names_at]):
            head.warnings.append(ParseWarning(lines[index].number, "a role without a name"))
            return
    names = _signature_names(lines[names_at], len(roles))
    head.used.add(names_at)
    if len(names) != len(roles):
        message = f"cannot tell which name goes with which role: {lines[names_at].text!r}"
        head.warnings.append(ParseWarning(lines[names_at].number, message))
        return
    for role, name in zip(roles, names, strict=True):
        head.officers.append(Officer(role, name, lines[names_at].number))


def _names_line(line: Line) -> bool:
    return not _labels_in(line)[1] and all(looks_like_name(cell) for cell in line.cells)


def _signature_names(line: Line, count: int) -> list[str]:
    if count == 1:
        return [line.text]
    if len(line.cells) == count:
        return list(line.cells)
    words = line.text.split()
    if len(words) == 2 * count:  # `Irén Lejegren Siw Lunander` with single spaces
        return [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
    return list(line.cells)


def _split_names(value: str) -> list[str]:
    return [name for name in _NAME_SEPARATORS.split(value) if name]


def _next_non_blank(lines: list[Line], index: int) -> int | None:
    for candidate in range(index + 1, min(index + 6, len(lines))):
        if not lines[candidate].blank:
            return candidate
    return None


def _previous_non_blank(lines: list[Line], index: int) -> int | None:
    for candidate in range(index - 1, max(index - 6, -1), -1):
        if not lines[candidate].blank:
            return candidate
    return None


def body_from_letterhead(letterhead: list[Line]) -> str | None:
    """The council's name from the letterhead, when the title line does not give it."""
    if not letterhead:
        return None
    first = letterhead[0].cells[0] if letterhead[0].cells else letterhead[0].text
    return _TRAILING_FUNCTION_WORD.sub("", first).strip() or None
