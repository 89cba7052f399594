"""The head of a protocol: the council, when and where, and who signed.

Fields come as labels (`Tid:`, `Dag och tid:`, `Plats:`, `Justerare: Tom Rymoén`,
`Justerat den: 221010`, value on the same or the next line) and as signature
blocks: a line of names over a line of roles (`Ordförande   Justerare`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from importers.attendance import looks_like_name
from importers.normalize import TITLE_LINE, Line
from importers.records import Officer, OfficerRole, ParseWarning
from importers.swedish_dates import (
    InvalidDate,
    check_year,
    find_date,
    parse_compact_date,
    read_time_range,
    remove_when,
)

_LABEL = re.compile(
    r"^(?P<label>Dag och tid|Datum och tid|Tid och plats|Plats och tid|Sammanträdesdatum"
    r"|Mötesdatum|Tid|Datum"
    r"|Plats|Lokal|Justerat den|Justeringsdatum|Justerad|Justerat|Justerare|Justerande"
    r"|Ordförande|Sekreterare|Protokollförare|Vid protokollet)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_PLACE_AND_TIME_LABELS = {"tid och plats", "plats och tid"}
_DATE_LABELS = {"dag och tid", "datum och tid", "tid och plats", "plats och tid",
                "sammanträdesdatum", "mötesdatum", "tid", "datum"}  # fmt: skip
_ADJUSTED_LABELS = {"justerat den", "justeringsdatum", "justerad", "justerat"}
_PLACE_LABELS = {"plats", "lokal"}
_ROLE_WORDS: dict[str, OfficerRole] = {
    "ordförande": "chair", "mötesordförande": "chair", "ordf.": "chair",
    "sekreterare": "secretary", "protokollförare": "secretary",
    "justerare": "adjuster", "justerande": "adjuster",
}  # fmt: skip
_LABEL_ROLES: dict[str, OfficerRole] = {k: v for k, v in _ROLE_WORDS.items() if k != "ordf."}
_TITLE_BODY = re.compile(
    r"^(?:Protokoll|Sammanträdesprotokoll|Mötesprotokoll|Minnesanteckningar)\s*"
    r"(?:(?:till|från|för|vid|över)\s+)?(?P<body>.*)$",
    re.IGNORECASE,
)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\boch\b|&|\t|\s{2,})\s*")
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:för|och|i|till|vid)$")


@dataclass
class Head:
    """What the head of a protocol says, with the lines each field came from."""

    body: str | None = None
    date: date | None = None
    start: time | None = None
    end: time | None = None
    location: str | None = None
    adjusted_on: date | None = None
    officers: list[Officer] = field(default_factory=list)
    field_lines: dict[str, int] = field(default_factory=dict)
    warnings: list[ParseWarning] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    """Indexes of the lines this head consumed."""


class DateError(Exception):
    """The meeting's own date is written but is not a date: the file cannot be stored."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


def read_head(lines: list[Line]) -> Head:
    """Read the head from `lines` (the lines before the attendance lists)."""
    head = Head()
    for index, line in enumerate(lines):
        if index in head.used or line.blank:
            continue
        if head.body is None and TITLE_LINE.match(line.text):
            _read_title(lines, index, head)
        elif _LABEL.match(line.text):
            _read_label(lines, index, head)
    for index, line in enumerate(lines):
        if index not in head.used and _role_line(line):
            _read_signature(lines, index, head)
    for index, line in enumerate(lines):
        if index not in head.used and not line.blank:
            head.warnings.append(
                ParseWarning(line.number, f"not understood in the protocol head: {line.text!r}")
            )
    return head


def _read_title(lines: list[Line], index: int, head: Head) -> None:
    match = _TITLE_BODY.match(lines[index].text)
    body = match.group("body").strip() if match else ""
    head.used.add(index)
    following = _next_non_blank(lines, index)
    if not body and following is not None:
        body, index = lines[following].text, following
        head.used.add(index)
        following = _next_non_blank(lines, index)
    while following is not None and lines[following].text[:1].islower():
        body = f"{body} {lines[following].text}"
        head.used.add(following)
        following = _next_non_blank(lines, following)
    if body:
        head.body = body
        head.field_lines["body"] = lines[index].number


def _read_label(lines: list[Line], index: int, head: Head) -> None:
    match = _LABEL.match(lines[index].text)
    assert match is not None
    label, value = match.group("label").casefold(), match.group("value").strip()
    head.used.add(index)
    number = lines[index].number
    if not value and label not in ("vid protokollet",):
        taken = _value_on_next_line(lines, index, label)
        if taken is not None:
            value, index = lines[taken].text, taken
            number = lines[taken].number
            head.used.add(taken)
    if label in _DATE_LABELS:
        _read_when(value, number, head)
        if label in _PLACE_AND_TIME_LABELS and remove_when(value):
            head.location = remove_when(value)
            head.field_lines["location"] = number
    elif label in _PLACE_LABELS and value:
        head.location = value
        head.field_lines["location"] = number
    elif label in _ADJUSTED_LABELS:
        _read_adjusted(value, number, head)
    elif label in _LABEL_ROLES and value:
        for name in _split_names(value):
            head.officers.append(Officer(_LABEL_ROLES[label], name, number))


def _value_on_next_line(lines: list[Line], index: int, label: str) -> int | None:
    """The next line, when it holds this label's value rather than something else."""
    following = _next_non_blank(lines, index)
    if following is None or _LABEL.match(lines[following].text):
        return None
    text = lines[following].text
    if label in _ADJUSTED_LABELS:
        try:
            return following if _read_date_value(text) else None
        except InvalidDate:  # an impossible date is still this label's value: it is warned about
            return following
    if label in _LABEL_ROLES:
        after = _next_non_blank(lines, following)
        is_signature = after is not None and _role_line(lines[after])
        return following if looks_like_name(text) and not is_signature else None
    return None if _role_line(lines[following]) else following


def _read_when(value: str, number: int, head: Head) -> None:
    try:
        found = find_date(value)
    except InvalidDate as error:
        raise DateError(number, str(error)) from None
    if found and head.date is None:
        head.date = found.value
        head.field_lines["date"] = number
        _warn_about_year(found.value, number, head)
    times = read_time_range(value)
    if times.problem:
        head.warnings.append(ParseWarning(number, times.problem))
    start, end = times.start, times.end
    if start and head.start is None:
        head.start, head.end = start, end
        head.field_lines["start"] = number


def _read_adjusted(value: str, number: int, head: Head) -> None:
    if not value:
        head.warnings.append(ParseWarning(number, "'Justerat den' has no date"))
        return
    try:
        found = _read_date_value(value)
    except InvalidDate as error:
        head.warnings.append(ParseWarning(number, f"adjusted date: {error}"))
        return
    if found is None:
        head.warnings.append(ParseWarning(number, f"adjusted date not understood: {value!r}"))
        return
    head.adjusted_on = found
    head.field_lines["adjusted_on"] = number
    _warn_about_year(found, number, head)


def _warn_about_year(value: date, number: int, head: Head) -> None:
    problem = check_year(value)
    if problem:
        head.warnings.append(ParseWarning(number, problem))


def _read_date_value(text: str) -> date | None:
    compact = parse_compact_date(text)
    if compact:
        return compact.value
    found = find_date(text)
    return found.value if found else None


def belongs_to_head(line: Line) -> bool:
    """Is this a head line (a label or a line of roles) even where it stands among the lists?"""
    return _role_line(line) is not None or (":" in line.text and bool(_LABEL.match(line.text)))


def _role_line(line: Line) -> list[OfficerRole] | None:
    """The roles a line like `Ordförande   Justerare` names, or None."""
    first = line.text.split(" ", 1)[0].casefold().rstrip(":")
    if first not in _ROLE_WORDS:
        return None
    words = line.cells if len(line.cells) > 1 else tuple(line.text.split())
    if not words or len(words) > 4:
        return None
    roles = [_ROLE_WORDS.get(word.casefold().rstrip(":")) for word in words]
    return [role for role in roles if role] if all(roles) else None


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
    return not _LABEL.match(line.text) and all(looks_like_name(cell) for cell in line.cells)


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
