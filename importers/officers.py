"""Who chaired, kept the minutes and adjusted, where the head does not say.

In order: the head's labels and signatures; a function written after a name in
the attendance list (`Tore Sand (M), Ordförande`, `Rif Solveig, kanslist,
protokollförare`); the items that elect them (`Kristian Martinsson valdes till
stämmoordförande`, `Till protokolljusterare utsågs Johanna Norrbygård och Tua
Backman`, `Mötesordförande` / `Mötet nominerar och väljer Frans Skarman`).
"""

from __future__ import annotations

import re

from importers.records import AgendaItem, Attendee, Officer, OfficerRole, ParseWarning

_ROLE_WORDS: tuple[tuple[str, OfficerRole], ...] = (
    (r"(?:stämmo|möte|mötes|årsmötes)?ordförande", "chair"),
    (r"(?:möte|mötes)?sekreterare|protokollförare", "secretary"),
    (r"(?:protokoll)?justerare|justeringsm[aä]n|justeringspersone?r?|justerande", "adjuster"),
)
_NAME = r"[A-ZÅÄÖÉ][\w'’-]+(?:\s+(?:von|af|de|van)\b)?(?:\s+[A-ZÅÄÖÉ][\w'’-]+){1,3}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*(?:,|och|samt)\s*{_NAME})*)"
_ROLE = r"(?P<role>(?i:" + "|".join(pattern for pattern, _ in _ROLE_WORDS) + r"))"
_AWAY = r"(?:\s+(?:från|, )[^,.]{1,40}?)?"
_ELECTIONS = (
    re.compile(rf"{_NAMES}{_AWAY},?\s+(?:valdes|väljs|utsågs|utses)\s+(?:till|som)\s+{_ROLE}"),
    re.compile(
        rf"\b(?:valde|väljer|välja|utser|utsåg|utse)\s+{_NAMES}{_AWAY}\s+(?:till|som)\s+{_ROLE}"
    ),
    re.compile(rf"\b[Tt]ill\s+{_ROLE}\s+(?:valdes|utsågs|utses|väljs)\s+{_NAMES}"),
    re.compile(rf"{_NAMES}(?:, [^,]+,)? valdes att (?:jämte ordförande(?:n)? )?justera"),
    re.compile(rf"\b{_ROLE}:?\s+(?:\w+\s+)?(?:nominerar och\s+)?(?:väljer|valde)\s+{_NAMES}"),
    re.compile(rf"\btill\s+\w+\s+och\s+{_NAMES}\s+till\s+{_ROLE}"),
)
_ELECTION_TITLE = re.compile(rf"^[Vv]al av (?:en |två |tre )?{_ROLE}(?:\W|$)")
_CHOSEN = re.compile(rf"\b(?:välja|väljer|valde|valdes|väljs|utse|utser|utsåg|utsågs)\s+{_NAMES}")
_SPLIT_NAMES = re.compile(r"\s*(?:,|\boch\b|\bsamt\b)\s*")


def find_officers(
    head: list[Officer], attendees: list[Attendee], items: list[AgendaItem]
) -> tuple[list[Officer], list[ParseWarning]]:
    """The officers, completed from the attendance and the items; warnings for who is missing."""
    officers = list(head)
    warnings: list[ParseWarning] = []
    for role in ("chair", "secretary", "adjuster"):
        if any(o.role == role for o in officers):
            continue
        found = _from_functions(role, attendees) or _from_items(role, items)
        officers += found
        if not found and role != "adjuster":
            word = "ordförande" if role == "chair" else "sekreterare"
            warnings.append(ParseWarning(None, f"no {word} found"))
    return officers, warnings


def _role_of(word: str) -> OfficerRole | None:
    for pattern, role in _ROLE_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return role
    return None


def _from_functions(role: OfficerRole, attendees: list[Attendee]) -> list[Officer]:
    found = []
    for attendee in attendees:
        words = re.split(r"[,\s]+(?:och\s+)?", (attendee.function or "").casefold())
        if attendee.present and any(_role_of(w) == role for w in words if w):
            found.append(Officer(role, attendee.name, attendee.line))
    return found[:1] if role != "adjuster" else found


def _from_items(role: OfficerRole, items: list[AgendaItem]) -> list[Officer]:
    for item in items:
        text = " ".join(item.body.split())
        for pattern in _ELECTIONS:
            for match in pattern.finditer(text):
                found_role = _role_of(match.groupdict().get("role") or "justerare")
                if found_role == role:
                    return [Officer(role, name, item.line) for name in _names(match["names"])]
        if (chosen := _chosen_for_title(role, item, text)) is not None:
            return chosen
    return []


def _chosen_for_title(role: OfficerRole, item: AgendaItem, text: str) -> list[Officer] | None:
    """`Val av protokolljusterare` / `… beslutade att välja A och B.`: the title names the role."""
    title = _ELECTION_TITLE.match(item.title)
    if title is None or _role_of(title["role"]) != role:
        return None
    chosen = _CHOSEN.search(text)
    return [Officer(role, name, item.line) for name in _names(chosen["names"])] if chosen else None


def _names(text: str) -> list[str]:
    return [name for name in _SPLIT_NAMES.split(text) if len(name.split()) >= 2]
