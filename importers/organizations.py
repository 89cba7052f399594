"""Organisation names: their canonical form, and finding them at the end of a line."""

from __future__ import annotations

import functools
import re

_KOMMUN = re.compile(r"^(?P<stem>.+?)\s+kommun$", re.IGNORECASE)
_REGION = re.compile(r"^Region(?:en)?\s+(?P<stem>.+?)(?:s)?(?:\s+län)?$", re.IGNORECASE)
_GENITIVE_FREE_ENDINGS = tuple("sxzaeiouyåäö")
REGIONS_NAMED_BY_COUNTY = frozenset({"Örebro", "Jönköping", "Kalmar"})
"""Regions whose official name is `Region <county> län`; the others are `Region <name>`."""
TWO_WORD_MUNICIPALITIES = frozenset(
    {"upplands väsby", "upplands-bro", "lilla edet", "östra göinge", "dals-ed", "malung-sälen"}
)
_ORGANIZATION_TAIL = re.compile(
    r"^(?:"
    r"(?:\S+\s+)?\S+\s+kommun"
    r"|Region(?:en)?\s+\S+(?:\s+län)?"
    r"|Länsstyrelsen(?:\s+i\s+\S+\s+län)?"
    r"|\S+\s+(?:universitet|högskola|samordningsförbund|utbildningsförbund|kommunalförbund)"
    r"|\S+\s+läns?\s+landsting|Landstinget\s+i\s+\S+\s+län"
    r"|Arbetsförmedlingen|Försäkringskassan|Polisen|Polismyndigheten|Skolverket|Regionkansliet"
    r"|Sveriges Kommuner och Regioner|SKR"
    r")$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def clean_organization(written: str) -> str:
    """The organisation as written, without list punctuation and stray spaces."""
    return " ".join(written.split()).rstrip(".,;").strip()


@functools.lru_cache(maxsize=4096)
def canonical_organization(written: str) -> str:
    """The official form of an organisation's name.

    `Askersund kommun` → `Askersunds kommun`; `Region Örebro` → `Region Örebro län`.
    Anything not recognised is returned cleaned but otherwise as written.
    """
    name = clean_organization(written)
    kommun = _KOMMUN.match(name)
    if kommun:
        return f"{_genitive(kommun.group('stem'))} kommun"
    region = _REGION.match(name)
    if region and region.group("stem") in REGIONS_NAMED_BY_COUNTY:
        return _region_name(region.group("stem"))
    return name


def _genitive(stem: str) -> str:
    if stem.endswith(_GENITIVE_FREE_ENDINGS) or stem.casefold() in TWO_WORD_MUNICIPALITIES:
        return stem
    return stem + "s"


def _region_name(stem: str) -> str:
    county = stem if stem.endswith(_GENITIVE_FREE_ENDINGS) else stem + "s"
    return f"Region {county} län"


@functools.lru_cache(maxsize=4096)
def is_organization(text: str) -> bool:
    """Does `text` (a whole phrase) look like an organisation's name?"""
    return bool(_ORGANIZATION_TAIL.match(clean_organization(text)))


def split_name_and_organization(words: list[str]) -> tuple[str, str] | None:
    """Split `Daniel Jansson Hammargren Kumla kommun` into name and organisation.

    The organisation is the longest recognisable tail that leaves at least two
    words of name; None when no tail is recognised.
    """
    for start in range(2, len(words)):
        tail = " ".join(words[start:])
        if is_organization(tail) and not _swallows_name(words, start):
            return " ".join(words[:start]), tail
    return None


def _swallows_name(words: list[str], start: int) -> bool:
    """`(?:\\S+\\s+)?\\S+ kommun` may reach back into the name: keep the name whole."""
    tail = words[start:]
    return (
        len(tail) == 3
        and tail[-1].lower().startswith("kommun")
        and (f"{tail[0]} {tail[1]}".casefold() not in TWO_WORD_MUNICIPALITIES)
    )
