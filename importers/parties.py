"""Party codes (partibeteckningar) as protocols write them."""

from __future__ import annotations

import functools
import re

KNOWN_PARTIES = frozenset({"S", "M", "C", "L", "V", "KD", "MP", "SD", "FP", "FI", "PP", "NYD"})
"""Riksdag parties and their usual abbreviations, old (FP) and small (FI, PP) ones included."""

PARTY_CODE = re.compile(r"^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}$")
"""What a party code can look like where its place in a column says it is one (`M`, `KD`, `ÖrP`)."""


def is_known_party(token: str) -> bool:
    """Is `token` one of the well-known party codes? (Used where only spaces separate columns.)"""
    return token in KNOWN_PARTIES


@functools.lru_cache(maxsize=4096)
def looks_like_party(token: str) -> bool:
    """Could `token` be a party code, given that it stands where a party code belongs?"""
    if not PARTY_CODE.match(token):
        return False
    capitals = sum(ch.isupper() for ch in token)
    return token.isupper() or capitals * 2 >= len(token)
