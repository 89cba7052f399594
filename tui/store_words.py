"""The store's and the importers' English phrases in the user's language.

`store` and `importers` speak English and must not depend on the app's
catalogue; the phrases they build (suggestion reasons, merge errors, the
history's summaries in `tui.history_words`, the importers' warnings and
refusals in `tui.import_words`) are recognised here and told again with it.
"""

from __future__ import annotations

import re

from tui import history_words, import_words
from tui.i18n import has, t
from tui.word_rules import say

_PHRASES = (
    (re.compile(r"^same party (?P<what>.+)$"), "reason.same_party"),
    (re.compile(r"^same organisation (?P<what>.+)$"), "reason.same_org"),
    (re.compile(r"^different party (?P<what>.+)$"), "reason.different_party"),
    (re.compile(r"^different organisation (?P<what>.+)$"), "reason.different_org"),
    (re.compile(r"^both active (?P<what>.+)$"), "reason.both_active"),
    (re.compile(r"^same council (?P<what>.+)$"), "reason.same_council"),
    (re.compile(r"^(?P<what>\d+) people in common$"), "reason.people_in_common"),
    (re.compile(r"^both in one meeting, no one in common$"), "reason.one_meeting"),
    (
        re.compile(r"^no (?:person|organisation|organization) is called (?P<what>.+)$"),
        "merge.unknown",
    ),
    (re.compile(r"^(?P<what>.+) is ambiguous, it could be (?P<which>.+);"), "merge.ambiguous"),
    (re.compile(r"^nothing to merge"), "merge.nothing"),
    (
        re.compile(r"^(?P<name>.+) signs as (?P<role>\w+) but is marked absent$"),
        "warn.signs_absent",
    ),
    (re.compile(r"^'(?P<label>.+)' has no date$"), "warn.no_date"),
    (re.compile(r"^possible duplicate of (?P<file>.+)$"), "warn.duplicate"),
    (re.compile(r"^control characters removed from the text \((?P<which>.+)\)$"), "warn.controls"),
    (re.compile(r"^'(?P<part>.+)' is not a paragraph or a range"), "check.paragraph_part"),
    (re.compile(r"^'(?P<part>.+)': paragraphs run from 1 to (?P<top>\d+)$"), "check.paragraph_top"),
    (re.compile(r"^'(?P<part>.+)' runs backwards: write (?P<fix>\S+)$"), "check.paragraph_back"),
)
"""Importer warnings are stored as the importer wrote them (in English): the known ones
are shown in the user's language; any other stays as written."""


def told(phrase: str) -> str:
    """`phrase` from the store or an importer in the user's language (as it is when not
    recognised); `file:line: message` has its message told."""
    return _tell(phrase) or _after_file(phrase) or phrase


def _after_file(phrase: str) -> str | None:
    """`file.txt:3: message`: the message told, after the first `: ` it can be told from."""
    start = phrase.find(": ")
    while start != -1:
        rest = _tell(phrase[start + 2 :])
        if rest is not None:
            return phrase[: start + 2] + rest
        start = phrase.find(": ", start + 2)
    return None


def _tell(phrase: str) -> str | None:
    for pattern, key in _PHRASES:
        match = pattern.match(phrase)
        if match:
            found = match.groupdict()
            if "role" in found:
                found["role"] = (
                    t(f"role.{found['role']}") if has(f"role.{found['role']}") else found["role"]
                )
            return t(key, **found)
    return say(phrase, (*history_words.RULES, *import_words.RULES), told)


def reasons(phrases: list[str] | tuple[str, ...]) -> str:
    """Reasons joined for reading: `samma parti S, samma organisation Nora kommun`."""
    return ", ".join(told(p) for p in phrases)
