"""Name keys that know how Swedish names get spelled differently.

Two spellings of one name should get the same key when they differ only by
case and spacing, accents other than å/ä/ö (`Rymoén`/`Rymoen`), w/v
(`Solweig`/`Solveig`), qv/kv (`Nordqvist`/`Nordkvist`), a hyphen or a space in
a double name (`Sven-Erik`/`Sven Erik`) or a comma-reversed order
(`Lejegren, Irén`). å, ä and ö are letters of their own: `Jönsson` is not
`Jonsson`. What is left over (a dropped second surname, a typo) is described
in words by `spelling_differences`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

KEEP_LETTERS = frozenset("åäöÅÄÖ")
"""Letters of the Swedish alphabet that are not an accented a or o."""
RULES = ("accents", "w/v", "qv/kv", "hyphen/space")
"""The spelling rules a key folds away, by the name used in reasons."""
ALIKE_WORDS = 70.0
"""Word likeness from which a difference counts as a spelling variant of the same word."""
_NOT_NAME = re.compile(r"[^\w\s-]|[\d_]")
_SEPARATORS = re.compile(r"[\s-]+")
_SPACES = re.compile(r"\s+")


class _AccentTable(dict[int, str]):
    """`str.translate` table, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = char if char in KEEP_LETTERS or char.isascii() else _strip_accent(char)
        self[code] = folded
        return folded


def _strip_accent(char: str) -> str:
    special = {"æ": "ä", "ø": "ö"}
    if char in special:
        return special[char]
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or char


_ACCENTS = _AccentTable()


def strip_accents(text: str) -> str:
    """Remove accents except on å, ä and ö: `Irén` -> `Iren`, `Jönsson` stays."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_ACCENTS)


def alias_key(spelling: str) -> str:
    """The lookup key of a spelling on import: casefolded, whitespace collapsed."""
    return " ".join(spelling.split()).casefold()


def reorder(name: str) -> str:
    """`Lejegren, Irén` -> `Irén Lejegren`; names without one comma are unchanged."""
    if name.count(",") != 1:
        return name
    surname, given = (part.strip() for part in name.split(","))
    return f"{given} {surname}" if surname and given else name


def rule_key(name: str, skip: Iterable[str] = ()) -> str:
    """The folded key of `name` with every rule in `RULES` applied except those in `skip`."""
    skipped = frozenset(skip)
    text = unicodedata.normalize("NFC", reorder(name)).casefold()
    if "accents" not in skipped:
        text = strip_accents(text)
    if "w/v" not in skipped:
        text = text.replace("w", "v")
    if "qv/kv" not in skipped:
        text = text.replace("qv", "kv")
    if "hyphen/space" not in skipped:
        text = text.replace("-", " ")
    text = _NOT_NAME.sub("", text)
    return _SPACES.sub(" ", text).strip(" -")


def name_key(name: str) -> str:
    """The key two spellings of one name share: `Sven-Erik Kilsten` -> `sven erik kilsten`."""
    return rule_key(name)


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of `name_key(name)`, in order."""
    return tuple(name_key(name).split())


def display_tokens(name: str) -> tuple[str, ...]:
    """The words of `name` as written (order fixed, no punctuation), one per `name_tokens` word."""
    text = _NOT_NAME.sub("", unicodedata.normalize("NFC", reorder(name)))
    return tuple(t for t in _SEPARATORS.split(text) if t)


# --- comparing two names -------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """Which word of one name goes with which word of the other."""

    pairs: tuple[tuple[int, int], ...]
    """(index in a, index in b) of words that stand for each other."""
    dropped_a: tuple[int, ...]
    """Words of a with no partner in b (a dropped second surname or middle name)."""
    dropped_b: tuple[int, ...]
    reordered: bool
    """True when the words are in another order (`Lejegren Irén`)."""


def word_similarity(a: str, b: str) -> float:
    """0–100 likeness of two folded words; an initial matches the words it begins."""
    if a == b:
        return 100.0
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return 85.0
    return fuzz.ratio(a, b)


def align(a: Sequence[str], b: Sequence[str]) -> Alignment:
    """Pair the words of two folded names, allowing another order and dropped words."""
    if len(a) > len(b):
        flipped = align(b, a)
        pairs = tuple((j, i) for i, j in flipped.pairs)
        return Alignment(pairs, flipped.dropped_b, flipped.dropped_a, flipped.reordered)
    options = [_straight(len(a), len(b))]
    if len(a) == len(b) and len(a) > 1:
        options.append(tuple(zip(range(len(a)), reversed(range(len(b))), strict=True)))
    elif len(a) > 1:
        options.append(_ends(len(a), len(b)))
    subsequence = _subsequence(a, b)
    if subsequence is not None:
        options.insert(0, subsequence)
    best = max(options, key=lambda pairs: sum(word_similarity(a[i], b[j]) for i, j in pairs))
    kept_b = {j for _, j in best}
    dropped_b = tuple(j for j in range(len(b)) if j not in kept_b)
    reordered = any(j1 > j2 for (_, j1), (_, j2) in itertools.pairwise(best))
    return Alignment(best, (), dropped_b, reordered)


def _straight(short: int, long: int) -> tuple[tuple[int, int], ...]:
    return tuple((i, i) for i in range(short))


def _ends(short: int, long: int) -> tuple[tuple[int, int], ...]:
    """All but the last word in order, the last word with the last word."""
    return (*((i, i) for i in range(short - 1)), (short - 1, long - 1))


def _subsequence(short: Sequence[str], long: Sequence[str]) -> tuple[tuple[int, int], ...] | None:
    """Pairs when `short` is `long` with words left out, keeping the first; else None."""
    if len(short) >= len(long) or len(short) < 2 or short[0] != long[0]:
        return None
    pairs: list[tuple[int, int]] = []
    for j, word in enumerate(long):
        if len(pairs) < len(short) and word == short[len(pairs)]:
            pairs.append((len(pairs), j))
    return tuple(pairs) if len(pairs) == len(short) else None


def name_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """0–100 likeness of two folded names, word by word.

    The least alike pair of words weighs most: a different surname means a
    different person far more often than a typo does. A dropped last word (a
    second surname) costs 8 points, any other dropped word 20 (`Sven Svensson`
    is seldom `Sven-Erik Svensson`), another word order 2.
    """
    if not a or not b:
        return 0.0
    if len(a) == len(b):
        return _same_length_similarity(a, b)
    alignment = align(a, b)
    scores = [word_similarity(a[i], b[j]) for i, j in alignment.pairs]
    dropped = _dropped_cost(alignment.dropped_a, len(a)) + _dropped_cost(
        alignment.dropped_b, len(b)
    )
    return max(0.0, _combined(scores) - dropped - 2.0 * alignment.reordered)


def _same_length_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """`name_similarity` of names with as many words: in order, or reversed (-2)."""
    straight = [100.0 if x == y else word_similarity(x, y) for x, y in zip(a, b, strict=True)]
    if len(a) == 1 or min(straight) == 100.0:
        return _combined(straight)
    # Another order: reversed, or the given name moved from the end to the front
    # (`Frostdahl-Blomqvist Siw`, printed surname first, is `Siw Frostdahl-Blomqvist`).
    orders = [tuple(reversed(b))] + ([(*b[1:], b[0]), (b[-1], *b[:-1])] if len(b) > 2 else [])
    best = max(
        ([word_similarity(x, y) for x, y in zip(a, o, strict=True)] for o in orders), key=sum
    )
    if sum(best) > sum(straight):
        return max(0.0, _combined(best) - 2.0)
    return _combined(straight)


def _combined(scores: list[float]) -> float:
    """The least alike pair of words weighs 60 %, the mean 40 %."""
    return 0.6 * min(scores) + 0.4 * sum(scores) / len(scores)


def _dropped_cost(dropped: tuple[int, ...], words: int) -> float:
    return sum(8.0 if index == words - 1 else 20.0 for index in dropped)


# --- saying how two spellings differ ------------------------------------------


def spelling_differences(a: str, b: str) -> list[str]:
    """How two spellings of a name differ, in words: `["w/v"]`, `["Lejegren/Lejgren (1 letter)"]`.

    Lists the folding rules the two spellings need, another word order, dropped
    words, and the words still spelled differently after folding.
    """
    if a == b:
        return []
    if name_key(a) == name_key(b) and alias_key(a) == alias_key(b):
        return ["case/spacing"]
    words_a, words_b = name_tokens(a), name_tokens(b)
    shown_a, shown_b = display_tokens(a), display_tokens(b)
    alignment = align(words_a, words_b)
    rules: list[str] = []
    alike = [(i, j) for i, j in alignment.pairs if _alike(words_a[i], words_b[j])]
    for i, j in alike:
        rules += [r for r in _rules_needed(shown_a[i], shown_b[j]) if r not in rules]
    if _hyphen_differs(a, b, alike):
        rules.append("hyphen/space")
    if alignment.reordered or (reorder(a) != a) != (reorder(b) != b):
        rules.append("word order")
    rules += [f"dropped {shown_a[i]}" for i in alignment.dropped_a]
    rules += [f"dropped {shown_b[j]}" for j in alignment.dropped_b]
    rules += [
        _word_difference(shown_a[i], shown_b[j], words_a[i], words_b[j])
        for i, j in alignment.pairs
        if words_a[i] != words_b[j]
    ]
    return rules


def _word_difference(shown_a: str, shown_b: str, word_a: str, word_b: str) -> str:
    """`Lejegren/Lejgren (1 letter)`, or `S/Svensson (initial)`."""
    if min(len(word_a), len(word_b)) == 1:
        return f"{shown_a}/{shown_b} (initial)"
    letters = Levenshtein.distance(word_a, word_b)
    return f"{shown_a}/{shown_b} ({letters} letter{'' if letters == 1 else 's'})"


def _rules_needed(word_a: str, word_b: str) -> list[str]:
    """The word rules without which two words would be further apart (`é/e`, `w/v`)."""
    folded = Levenshtein.distance(rule_key(word_a), rule_key(word_b))
    needed = []
    for rule in ("accents", "w/v", "qv/kv"):
        apart = Levenshtein.distance(rule_key(word_a, (rule,)), rule_key(word_b, (rule,)))
        if apart > folded:
            needed.append(_rule_label(rule, word_a + word_b))
    return needed


def _joiners(name: str) -> tuple[str, ...]:
    """What joins each word to the next as written: `-` or ` `."""
    text = _NOT_NAME.sub("", unicodedata.normalize("NFC", reorder(name))).strip(" -")
    return tuple("-" if "-" in sep else " " for sep in _SEPARATORS.findall(text))


def _alike(word_a: str, word_b: str) -> bool:
    """Words close enough that a spelling rule, not another word, explains the difference."""
    return word_similarity(word_a, word_b) >= ALIKE_WORDS


def _hyphen_differs(a: str, b: str, alike: list[tuple[int, int]]) -> bool:
    """Whether two alike words next to each other are hyphenated in one name, not the other."""
    joins_a, joins_b = _joiners(a), _joiners(b)
    pairs = dict(alike)
    for i, join in enumerate(joins_a):
        j, next_j = pairs.get(i), pairs.get(i + 1)
        if j is not None and next_j == j + 1 and j < len(joins_b) and joins_b[j] != join:
            return True
    return False


def _rule_label(rule: str, text: str) -> str:
    """`accents` becomes the letters involved (`é/e`); other rules keep their name."""
    if rule != "accents":
        return rule
    folded = unicodedata.normalize("NFC", text).casefold()
    accented = sorted({c for c in folded if strip_accents(c) != c})
    return ", ".join(f"{c}/{strip_accents(c)}" for c in accented) or rule


# --- organisation names --------------------------------------------------------

ORGANIZATION_KINDS = frozenset({"kommun", "region", "landsting", "stad", "län", "länsstyrelsen"})
"""Words that say what kind of organisation it is, not which one."""


def organization_words(name: str) -> tuple[str, ...]:
    """Folded words of an organisation name, genitive s and a trailing `län` after a region
    dropped: `Askersunds kommun` and `Askersund kommun` -> `askersund kommun`,
    `Region Örebro län` and `Region Örebro` -> `region örebro`."""
    words = list(name_tokens(name))
    if len(words) >= 3 and words[0] == "region" and words[-1] == "län":
        words.pop()
    for n, word in enumerate(words[:-1]):
        if words[n + 1] in ("kommun", "stad") and word.endswith("s") and len(word) > 3:
            words[n] = word[:-1]
    return tuple(words)


def organization_kind(words: Sequence[str]) -> frozenset[str]:
    """The kind words of a folded organisation name (`{"kommun"}`)."""
    return frozenset(w for w in words if w in ORGANIZATION_KINDS)


def organization_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """0–100 likeness of two folded organisation names; 0 for different kinds.

    Place names differ by a letter or two far more often between two places
    (Lekeberg, Lindesberg) than by a typo of one, so a difference costs twice
    what it costs in a person's name.
    """
    if organization_kind(a) != organization_kind(b):
        return 0.0
    places_a = [w for w in a if w not in ORGANIZATION_KINDS]
    places_b = [w for w in b if w not in ORGANIZATION_KINDS]
    if not places_a or not places_b:
        return 100.0 if tuple(a) == tuple(b) else 0.0
    return max(0.0, 100.0 - 2.0 * (100.0 - name_similarity(places_a, places_b)))


def organization_differences(a: str, b: str) -> list[str]:
    """How two spellings of an organisation differ: `genitive s`, `län dropped`, or letters."""
    words_a, words_b = name_tokens(a), name_tokens(b)
    reasons = []
    if ("län" in words_a) != ("län" in words_b):
        reasons.append("län dropped")
    pairs = zip(words_a, words_b, strict=False)
    if any(x != y and (x + "s" == y or y + "s" == x) for x, y in pairs):
        reasons.append("genitive s")
    if organization_words(a) != organization_words(b) or not reasons:
        reasons += spelling_differences(a, b)
    return reasons
