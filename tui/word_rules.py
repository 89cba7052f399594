"""Recognising a phrase the store or an importer wrote, to tell it again from the catalogue.

A `Rule` is a pattern over the English phrase and the catalogue key that says
the same; its named groups fill the key's `{names}`. A group can be told
again on its own (`TOLD`: a phrase inside a phrase, such as the summary in
"Undid: …") or passed through a small function (a role, a field name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from tui.i18n import t

Part = Callable[[str], str]
TOLD: Part = lambda text: text  # noqa: E731  (a marker: `say` tells the group again)


@dataclass(frozen=True)
class Rule:
    """One form of phrase: its pattern, its key and how each group is told."""

    pattern: str
    """Compiled on first use (and cached by `re`), so that starting the CLI compiles none."""
    key: str
    parts: Mapping[str, Part] = field(default_factory=dict)


def rule(pattern: str, key: str, **parts: Part) -> Rule:
    """A rule matching the whole phrase (`pattern` is anchored at both ends)."""
    return Rule(rf"(?s:{pattern})\Z", key, parts)


def literal(english: str, key: str) -> Rule:
    """A rule for a phrase with nothing in it that varies."""
    return rule(re.escape(english), key)


def say(phrase: str, rules: Iterable[Rule], told: Part) -> str | None:
    """`phrase` told with the first rule that matches it; None when none does."""
    for each in rules:
        match = re.match(each.pattern, phrase)
        if match is None:
            continue
        values = {}
        for name, value in match.groupdict().items():
            part = each.parts.get(name)
            if value is None:
                values[name] = ""
            elif part is TOLD:
                values[name] = told(value)
            else:
                values[name] = part(value) if part else value
        return t(each.key, **values)
    return None


def groups_of(phrase: str, rules: Iterable[Rule]) -> tuple[str, dict[str, str]] | None:
    """The key and the raw groups of the first rule matching `phrase` (for tests)."""
    for each in rules:
        match = re.match(each.pattern, phrase)
        if match is not None:
            return each.key, {k: v or "" for k, v in match.groupdict().items()}
    return None
