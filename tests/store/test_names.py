"""Name keys: the spellings protokoll must see as one name, and those it must not."""

from __future__ import annotations

import pytest

from store.names import (
    alias_key,
    align,
    name_key,
    name_similarity,
    name_tokens,
    spelling_differences,
    strip_accents,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tom Rymoén", "Tom Rymoen"),  # é/e
        ("Solweig Oscarsson", "Solveig Oscarsson"),  # w/v
        ("Anna Nordqvist", "Anna Nordkvist"),  # qv/kv
        ("Sven Erik Kilsten", "Sven-Erik Kilsten"),  # hyphen in a double first name
        ("Ulla Kalander Karlsson", "Ulla Kalander-Karlsson"),  # hyphen in a double surname
        ("Lejegren, Irén", "Irén Lejegren"),  # surname first, after a comma
        ("  IRÉN   lejegren ", "Irén Lejegren"),  # case and spacing
    ],
)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Per Jönsson", "Per Jonsson"),  # ö is a letter of its own
        ("Åsa Ek", "Asa Ek"),
        ("Anna Bäck", "Anna Back"),
        ("Irén Lejegren", "Irén Lejgren"),  # a typo is not folded away: it is scored
        ("Anita Thorsberg Ladinek", "Anita Thorsberg"),
    ],
)
def test_different_spellings_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_strip_accents_keeps_swedish_letters() -> None:
    assert (
        strip_accents("Irén Åhnberg Ahnér Jörhag Zoë Søren")
        == "Iren Åhnberg Ahner Jörhag Zoe Sören"
    )


def test_alias_key_is_the_import_lookup_key() -> None:
    assert alias_key("  Irén   LEJEGREN ") == "irén lejegren"


def test_name_tokens_split_hyphens_and_drop_punctuation() -> None:
    assert name_tokens("Maria S. Hallberg-Svensson") == ("maria", "s", "hallberg", "svensson")


def test_dropped_second_surname_is_aligned() -> None:
    alignment = align(name_tokens("Anita Thorsberg"), name_tokens("Anita Thorsberg Ladinek"))
    assert alignment.pairs == ((0, 0), (1, 1))
    assert alignment.dropped_b == (2,)


@pytest.mark.parametrize(
    ("a", "b", "reasons"),
    [
        ("Solweig Oscarsson", "Solveig Oscarsson", ["w/v"]),
        ("Tom Rymoén", "Tom Rymoen", ["é/e"]),
        ("Anna Nordqvist", "Anna Nordkvist", ["qv/kv"]),
        ("Sven Erik Kilsten", "Sven-Erik Kilsten", ["hyphen/space"]),
        ("Lejegren, Irén", "Irén Lejegren", ["word order"]),
        ("Anita Thorsberg Ladinek", "Anita Thorsberg", ["dropped Ladinek"]),
        ("Irén Lejegren", "Irén Lejgren", ["Lejegren/Lejgren (1 letter)"]),
        ("Maria S Hallberg", "Maria Svensson Hallberg", ["S/Svensson (initial)"]),
        ("Eva Sund", "Ewa Sundkvist", ["w/v", "Sund/Sundkvist (5 letters)"]),
    ],
)
def test_spelling_differences_in_words(a: str, b: str, reasons: list[str]) -> None:
    assert spelling_differences(a, b) == reasons


def test_rules_are_only_named_for_alike_words() -> None:
    # Appelqvist and Bäckrud are different words: qv/kv says nothing about them.
    assert spelling_differences("Thorbjörn Bäckrud", "Torbjörn Appelqvist") == [
        "Thorbjörn/Torbjörn (1 letter)",
        "Bäckrud/Appelqvist (9 letters)",
    ]


def _similarity(a: str, b: str) -> float:
    return name_similarity(name_tokens(a), name_tokens(b))


def test_similarity_ranks_variants_above_look_alikes() -> None:
    variants = [
        ("Irén Lejegren", "Irén Lejgren"),
        ("Ivonny Falk", "Ivonne Falk"),
        ("Anita Thorsberg Ladinek", "Anita Thorsberg"),
    ]
    look_alikes = [
        ("Linda Svahn", "Andreas Svahn"),
        ("Berth Falk", "Ivonny Falk"),
        ("Eva Sund", "Ewa Sundkvist"),
        ("Björn Johansson", "John Johansson"),
        ("Ola Karlsson", "Ulla Kalander Karlsson"),
    ]
    assert min(_similarity(a, b) for a, b in variants) > 85
    assert max(_similarity(a, b) for a, b in look_alikes) < 75


def test_similarity_is_symmetric_and_exact_is_100() -> None:
    assert _similarity("Solweig Oscarsson", "Solveig Oscarsson") == 100
    assert _similarity("Ola Karlsson", "Ulla Kalander Karlsson") == _similarity(
        "Ulla Kalander Karlsson", "Ola Karlsson"
    )
