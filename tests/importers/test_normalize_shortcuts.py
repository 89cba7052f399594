"""The shortcuts normalising and item reading take for speed decide what the full rules decide.

Each line is first checked by something cheap (its first character, a key built
from the whole text's bytes) before a pattern runs; these tests hold each
shortcut against the rule it stands in front of.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from importers import parse_text
from importers.agenda import ITEM_HEADING, may_open_item
from importers.normalize import (
    _CELL_SPLIT,
    _FOOTER_STARTS,
    _FURNITURE_STARTS,
    _PAGE_FURNITURE,
    _SIGNATURE_FOOTER,
    Line,
    _loose_keys,
    _masked,
)

FURNITURE = ["12", "3 (10)", "4/9", "– 5 –", "sida 2 av 7", "Page 3 of 9", "https://example.se/x",
             "www.example.se", "<www.kommun.se>", "-----", "___", "***"]  # fmt: skip
FOOTERS = ["Justerandes sign", "Justerares signatur", "Ordförandes sign.", "Sekreterarens sign",
           "Utdragsbestyrkande", "Signaturer:", "Justerandes sign  Utdragsbestyrkande"]  # fmt: skip


def _first_characters_that_match(examples: list[str], pattern) -> set[str]:
    """Every character (of the BMP) that, put first in one of `examples`, still matches."""
    found = set()
    for code in range(0x10000):
        character = chr(code)
        if any(pattern.match(character + example[1:]) for example in examples):
            found.add(character)
    return found


def test_every_page_furniture_example_is_furniture() -> None:
    assert all(_PAGE_FURNITURE.match(x) for x in FURNITURE)


def test_the_furniture_guard_lets_through_every_first_character_the_pattern_takes() -> None:
    passed = _first_characters_that_match(FURNITURE, _PAGE_FURNITURE)
    # A line's text never starts with white space (the rule patterns allow it)
    assert {Line(0, c + "--").text[:1] for c in passed if c.isspace()} == {"-"}
    missed = {c for c in passed if not (c.isdecimal() or c.isspace() or c in _FURNITURE_STARTS)}
    assert missed == set()
    assert "ſ" in passed  # a case-blind `s`: the reason it is in the guard


def test_the_footer_guard_lets_through_every_first_character_the_pattern_takes() -> None:
    assert all(_SIGNATURE_FOOTER.match(x) for x in FOOTERS)
    passed = _first_characters_that_match(FOOTERS, _SIGNATURE_FOOTER)
    assert passed - _FOOTER_STARTS == set()


def test_furniture_and_footers_go_and_their_look_alikes_stay() -> None:
    text = "\n".join(
        [
            "Protokoll Kommunstyrelsen",
            "Datum: 2024-03-05",
            "",
            "Närvarande ledamöter:",
            "Sven Svensson (S), ordförande",
            "Petra Persson (M)",
            "2 (3)",
            "Justerandes sign",
            "Sida 3 av 3",
            "Ordförandes sign",
            "§ 1 Mötet öppnas",
            "Ordföranden öppnar mötet.",
            "Page-turner Petersson talar.",
            "§ 2 Avslutning",
        ]
    )
    protocol = parse_text(text)
    assert [a.name for a in protocol.attendees] == ["Sven Svensson", "Petra Persson"]
    assert [item.number for item in protocol.items] == [1, 2]
    assert "Page-turner Petersson talar." in protocol.items[0].body


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("aAßẞſ#0123456789 åÄö-()\ud800\u0661İﬁ"), max_size=20),
        min_size=1,
        max_size=8,
    )
)
def test_loose_keys_are_the_masked_keys_without_their_hashes(raw: list[str]) -> None:
    texts = [Line(0, x.replace("\n", " ")).text for x in raw]
    assert _loose_keys(texts) == [_masked(text).replace("#", "") for text in texts]


def test_a_running_header_that_changes_case_and_page_number_is_read_once() -> None:
    pages = [
        f"STORÅ KOMMUN   PROTOKOLL   {n} (3)" if n != 2 else "Storå kommun   Protokoll   2 (3)"
        for n in (1, 2, 3)
    ]
    text = "\n".join(
        [
            pages[0],
            "Kommunstyrelsen",
            "Datum: 2024-03-05",
            "",
            "§ 1 Mötet öppnas",
            "Text ett.",
            pages[1],
            "§ 2 Val av justerare",
            "Text två.",
            pages[2],
            "§ 3 Avslutning",
            "Text tre.",
        ]
    )
    protocol = parse_text(text)
    bodies = " ".join(item.body for item in protocol.items)
    assert [item.number for item in protocol.items] == [1, 2, 3]
    assert "STORÅ" not in bodies and "Storå" not in bodies


def test_a_line_the_item_guard_turns_away_is_never_an_item_heading() -> None:
    examples = ["§ 12 Val av justerare", "KS § 45 Budget", "1. Mötet öppnas", "39 § Laglighet",
                "SON 108 Taxor", "\ufffd 3 Ärenden", "12. Beslut", "KS 7 Beslut"]  # fmt: skip
    assert all(ITEM_HEADING.match(x) and may_open_item(x) for x in examples)
    for code in range(0x10000):
        for example in examples:
            for at in (0, 1):  # the guard reads the first two characters
                text = example[:at] + chr(code) + example[at + 1 :]
                if ITEM_HEADING.match(text):
                    assert may_open_item(text), repr(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\xa0\u2003|"), max_size=16))
def test_a_lines_cells_are_what_the_gap_pattern_splits(raw: str) -> None:
    line = Line(0, raw)
    assert line.cells == tuple(c for c in _CELL_SPLIT.split(line.raw) if c)
