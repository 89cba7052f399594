"""The Swedish words protocols use for their parts: one place to add a word for a new layout.

Every rule in the parser asks this module what a word means instead of holding
its own list. A council whose template says `Sammanträdesplats` where others say
`Plats` needs that word added to `HEAD_LABELS`, not new code. Words are matched
case-insensitively unless a note says otherwise.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

TITLE_WORDS = (
    "sammanträdesprotokoll", "mötesprotokoll", "årsmötesprotokoll", "styrelseprotokoll",
    "stämmoprotokoll", "protokoll", "minnesanteckningar", "beslutsprotokoll",
)  # fmt: skip
"""Words that name the document a protocol (the title line holds one of them)."""

HEAD_LABELS: dict[str, str] = {
    # the meeting's date and time (and, for the combined labels, its place)
    "dag och tid": "when", "datum och tid": "when", "datum": "when", "tid": "when",
    "sammanträdesdatum": "when", "sammanträdestid": "when", "sammanträdesdag": "when",
    "mötesdatum": "when", "mötestid": "when", "mötesdag": "when", "tidpunkt": "when",
    "tid och plats": "when_place", "plats och tid": "when_place",
    "plats och tid för sammanträde": "when_place", "plats och tid för sammanträdet": "when_place",
    "plats och tid för mötet": "when_place", "tid och plats för sammanträdet": "when_place",
    "plats": "place", "lokal": "place", "sammanträdesplats": "place", "mötesplats": "place",
    "sammanträdeslokal": "place", "mötesform": "kind",
    "organ": "body", "instans": "body", "nämnd": "body",
    # adjusting (justering): when and where the protocol was checked
    "justerat den": "adjusted", "justeringsdatum": "adjusted", "justerad": "adjusted",
    "justerat": "adjusted", "plats och tid för justering": "adjusted",
    "justeringens plats och tid": "adjusted", "tid och plats för justering": "adjusted",
    "justeringens tid och plats": "adjusted", "justering": "adjusted",
    # who signs
    "ordförande": "chair", "mötesordförande": "chair", "ordförande för mötet": "chair",
    "sekreterare": "secretary", "protokollförare": "secretary", "vid protokollet": "secretary",
    "mötessekreterare": "secretary",
    "justerare": "adjuster", "justerande": "adjuster", "protokolljusterare": "adjuster",
    "utses att justera": "adjuster", "justeringsperson": "adjuster",
    "justeringspersoner": "adjuster", "justerare tillika rösträknare": "adjuster",
    # read and set aside: they say nothing the store keeps
    "paragrafer": "ignore", "ärenden": "ignore", "underskrifter": "ignore",
    "justerandes signatur": "ignore", "justerandes sign": "ignore",
    "utdragsbestyrkande": "ignore", "sekreterarens underskrift": "ignore",
    "diarienummer": "ignore", "dnr": "ignore", "sida": "ignore", "anslagsdatum": "ignore",
    "datum då anslaget sätts upp": "ignore", "datum då anslaget tas ned": "ignore",
    "förvaringsplats för protokollet": "ignore", "underskrift": "ignore",
    "elektroniska underskrifter": "ignore", "elektronisk protokolljustering": "adjuster",
    "elektronisk justering": "adjuster", "intygar": "ignore", "signaturer": "ignore",
}  # fmt: skip
"""Labels of the head, longest matched first, and the field each fills."""

SIGNATURE_LABELS = frozenset({
    "underskrifter", "underskrift", "elektroniska underskrifter", "elektronisk protokolljustering",
    "elektronisk justering", "justerandes signatur", "justerandes sign", "signaturer", "intygar",
})  # fmt: skip
"""Labels that open the signatures: what follows them is not attendance."""

SIGNING_NOTES = re.compile(
    r"undertecknats elektroniskt|electronically signed|elektroniskt signerat|signerats"
    r"|justerade protokollet|publiceras på|anslagits|anslaget|protokollet justeras"
    r"|^(?:www\.|https?://)\S+"
    r"|^(?:[A-ZÅÄÖÉ][\w'’-]+\s+){1,3}[A-ZÅÄÖÉ][\w'’-]+,[^,]{0,60}"
    r"\s\d{1,2}[./]\d{1,2}[./]\d{2,4}$",
    re.IGNORECASE,
)
"""Lines of a signing record (`Tua Backman, 21.09.2022`, `Dokumentet har undertecknats …`)."""

LABEL_TAILS = frozenset({"sammanträde", "sammanträdet", "mötet", "justering", "justeringen"})
"""Last words of a label that a narrow label column wraps onto the next line."""

OFFICER_ROLES: dict[str, str] = {
    "ordförande": "chair", "mötesordförande": "chair", "ordf.": "chair", "ordf": "chair",
    "sekreterare": "secretary", "protokollförare": "secretary", "mötessekreterare": "secretary",
    "justerare": "adjuster", "justerande": "adjuster", "protokolljusterare": "adjuster",
    "justeringsperson": "adjuster",
}  # fmt: skip
"""Role words under a signature (`Ordförande   Justerare`) and the officer each names."""

SECTIONS: dict[str, tuple[str, bool]] = {
    "beslutande": ("member", True), "beslutande ledamöter": ("member", True),
    "ledamöter": ("member", True), "ledamot": ("member", True), "ordinarie": ("member", True),
    "ordinarie ledamöter": ("member", True), "närvarande": ("member", True),
    "närvarande ledamöter": ("member", True), "närvarolista": ("member", True),
    "styrelseledamöter": ("member", True), "deltagare": ("other", True),
    "tjänstgörande ersättare": ("substitute", True), "ersättare": ("substitute", True),
    "suppleanter": ("substitute", True), "närvarande ersättare": ("substitute", True),
    "icke tjänstgörande ersättare": ("substitute", True),
    "ej tjänstgörande ersättare": ("substitute", True),
    "övriga": ("other", True), "övriga närvarande": ("other", True),
    "övriga deltagare": ("other", True), "övriga deltagande": ("other", True),
    "tjänstepersoner": ("other", True), "tjänstemän": ("other", True),
    "tjänsteperson": ("other", True), "adjungerade": ("other", True),
    "adjungerad": ("other", True), "sekretariatet": ("other", True), "gäster": ("other", True),
    "frånvarande": ("member", False), "frånvarande ledamöter": ("member", False),
    "ej närvarande": ("member", False), "anmält förhinder": ("member", False),
    "frånvarande ersättare": ("substitute", False),
}  # fmt: skip
"""Attendance headings and what they say of the rows under them: (role, present)."""

SECTION_PREFIXES = (
    "närvarande", "frånvarande", "övriga", "tjänstgörande", "ej", "icke", "beslutande",
    "ledamöter", "ledamot", "ersättare", "deltagare", "tjänstepersoner", "tjänstemän",
    "adjungerade", "gäster", "närvarolista", "suppleanter",
)  # fmt: skip
"""Words that open longer attendance headings (`Närvarande ledamöter i rådet`)."""

ABSENT_MARKS = ("anmält förhinder", "frånvarande", "ej närvarande", "förhinder", "ej närv")
"""Words after a name that say the person was not there."""

SUBSTITUTE_MARKS = ("tjänstgörande ersättare", "tjg ersättare", "tjg. ersättare", "ersättare")
"""Words after a name that say the person sat as a substitute."""

REPLACES = re.compile(r"\b(?:ersätter|tjänstgör för|tjg för|ersättare för|i stället för)\b", re.I)
"""Between a substitute and the member replaced (`Inger Carlsson (S) ersätter Allan Armaghan`)."""

FUNCTIONS = re.compile(
    r"(?:(?:1:e|2:e|förste|andre|första|andra)\s+)?(?:vice\s*)?(?:ordförande|sekreterare"
    r"|justerare|protokollförare|protokolljusterare|ledamot|ersättare|suppleant|kassör|revisor"
    r"|kanslist|föredragande|kommunchef|kommundirektör|regiondirektör|stadsdirektör"
    r"|förvaltningschef|nämndsekreterare|kommunsekreterare|handläggare|controller|utredare"
    r"|sakkunnig|representant|adjungerad|\w+chef|\w+ansvarig|\w+direktör|\w+sekreterare"
    r"|\w+koordinator|\w+strateg|\w+samordnare|\w+handläggare|\w+ledare|\w+ombud)\b",
    re.IGNORECASE,
)
"""What a person does at the meeting, written after the name (`Karin Öst, förvaltningschef`)."""

CONTENTS_HEADINGS = re.compile(
    r"^(?:innehåll(?:sförteckning)?|paragrafer|ärendelista|ärenden|ärendeförteckning"
    r"|föredragningslista|dagordning)\b(?:\s+sida)?\s*:?$",
    re.IGNORECASE,
)
"""The heading of a table of contents (its entries follow, with dotted leaders or pages)."""

DECISION_HEADINGS = re.compile(
    r"^(?:beslutet skickas till|beslutet expedieras till|förslag till beslut|beslutsförslag"
    r"|beslutsunderlag|beslutsgång|expedieras till|sändlista|yrkanden?|\S+s beslut"
    r"|beslut(?:et)?)\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
"""Headings inside an item; only the first kind (`Beslut`, `Nämndens beslut`) holds decisions."""

DECISION_WORDS = re.compile(r"^(?:beslut(?:et)?|\S+s beslut)$", re.IGNORECASE)
"""The headings of `DECISION_HEADINGS` whose text is the decision itself."""

BODY_ENDINGS = (
    "nämnden", "styrelsen", "fullmäktige", "rådet", "utskottet", "sektionen", "beredningen",
    "kommittén", "föreningen", "förbundet", "delegationen", "gruppen", "församlingen",
    "direktionen", "nämnd", "styrelse", "råd", "utskott", "förening", "byalag", "samfällighet",
    "stämma", "årsmöte", "kommun", "region",
)  # fmt: skip
"""Endings of a word that names a council or association (`Socialnämnden`, `Byalag`)."""


def label_pattern() -> re.Pattern[str]:
    """A pattern for any head label, longest first, as a whole word or words."""
    words = sorted(HEAD_LABELS, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")(?![\wåäö])", re.I)


def section_for(text: str) -> tuple[str, bool] | None:
    """The (role, present) an attendance heading says, or None when it is not one."""
    key = " ".join(text.casefold().strip(" :*").split())
    if key in SECTIONS:
        return SECTIONS[key]
    if _may_be_damaged_section(key) and (near := close_key(key, SECTIONS)) is not None:
        return SECTIONS[near]
    if key.split(" ", 1)[0] not in SECTION_PREFIXES or len(key.split()) > 6:
        return None
    present = not any(word in key for word in ("frånvarande", "ej närvarande", "förhinder"))
    if "ersättare" in key and "ledamöter" not in key:
        return ("substitute", present)
    if any(word in key for word in ("övriga", "tjänste", "adjungerade", "deltagare", "gäster")):
        return ("other", present)
    return ("member", present)


DAMAGED_SECTION_LENGTH = 30
"""Only a heading this short (or shorter) is looked at as a damaged one."""


def _may_be_damaged_section(key: str) -> bool:
    """Worth a fuzzy look: a short line whose first word is (nearly) a section word."""
    words = key.split()
    if not words or len(words) > 3 or len(key) > DAMAGED_SECTION_LENGTH or _NOT_SECTION.search(key):
        return False
    return words[0] in _SECTION_FIRST_WORDS or close_key(words[0], _SECTION_FIRST_WORDS) is not None


_NOT_SECTION = re.compile(r"[\d(,\[]")
_SECTION_FIRST_WORDS = tuple(sorted({key.split()[0] for key in SECTIONS}))


def looks_like_body(text: str) -> bool:
    """Does `text` read as the name of a council or association?"""
    words = text.split()
    if not words or len(words) > 9 or not text[:1].isupper():
        return False
    return any(word.casefold().rstrip(".,").endswith(BODY_ENDINGS) for word in words)


_FUZZY_MIN = 8
"""Words this long may have lost or changed one letter in a damaged text layer and still count."""


def close_key(text: str, keys: Iterable[str]) -> str | None:
    """The key `text` is one letter away from (`Sammanträdestd` → `sammanträdestid`), if any.

    Only for keys of eight letters or more (a short word one letter off is another word),
    and never for an inflection of the key (`Ordföranden` is not `Ordförande` damaged).
    `keys` is one of the lexicon's constants: its index is built once and kept.
    """
    folded = " ".join(text.casefold().split())
    if len(folded) < _FUZZY_MIN:
        return None
    _deletion_index(keys)
    return _closest(folded, id(keys))


@functools.lru_cache(maxsize=8192)
def _closest(folded: str, keys_id: int) -> str | None:
    """`close_key` for folded text, kept per text: the same words are looked up in every file."""
    _, index, longest = _INDEXES[keys_id]
    if len(folded) > longest + 1:
        return None  # one letter more than the longest key at most: most lines end here
    candidates = set(index.get(folded, ()))
    for position in range(len(folded)):
        candidates.update(index.get(folded[:position] + folded[position + 1 :], ()))
    for key in sorted(candidates):
        if folded.startswith(key) or key.startswith(folded):
            continue  # `ordföranden`, `ledamot`: an inflected word, not a damaged one
        if Levenshtein.distance(folded, key, score_cutoff=1) <= 1:
            return key
    return None


_INDEXES: dict[int, tuple[Iterable[str], dict[str, tuple[str, ...]], int]] = {}
"""Deletion indexes by the identity of their keys (the lexicon's constants), built once each.

By identity, not by value: hashing a tuple of every key cost more than the lookup it served.
Each entry: the keys (kept, so an identity is never reused while it is here), their
index, and the length of the longest key.
"""


def _deletion_index(keys: Iterable[str]) -> None:
    """Build the index of `keys` (and note its longest key) unless it is built."""
    if id(keys) not in _INDEXES:
        listed = tuple(keys)
        longest = max((len(key) for key in listed), default=0)
        _INDEXES[id(keys)] = (keys, _build_deletion_index(listed), longest)


def _build_deletion_index(keys: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each long key, and the key with any one letter deleted, → the keys it comes from."""
    index: dict[str, set[str]] = {}
    for key in keys:
        if len(key) < _FUZZY_MIN:
            continue
        for variant in {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}:
            index.setdefault(variant, set()).add(key)
    return {variant: tuple(sorted(found)) for variant, found in index.items()}
