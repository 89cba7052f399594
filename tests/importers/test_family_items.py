"""Items, contents and missing fields in the forms real archives hold."""

from __future__ import annotations

from datetime import date

import pytest

from importers import parse_text
from importers.records import ProtocolError

HEAD = "Protokoll Kommunstyrelsen\nDatum 2024-02-01\n\nBeslutande\nAnna Berg (S)\n\n"


def items(text: str) -> list[tuple[int, str]]:
    return [(i.number, i.title) for i in parse_text(HEAD + text, "ks.txt").items]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("§1 Mötet öppnas\nText.\n§2 Val av justerare\nText.\n",
         [(1, "Mötet öppnas"), (2, "Val av justerare")]),
        ("KS § 45 Mötet öppnas\nText.\nKS § 46 Budget\nText.\n",
         [(45, "Mötet öppnas"), (46, "Budget")]),
        ("SON 108 Mötet öppnas\nText.\nSON 109 Budget\nText.\n",
         [(108, "Mötet öppnas"), (109, "Budget")]),
        ("39 § Sammanträdets laglighet\nText.\n40 § Val av protokolljusterare\nText.\n",
         [(39, "Sammanträdets laglighet"), (40, "Val av protokolljusterare")]),
        ("1. Mötets öppnande\nText.\n2. Val av mötesfunktionärer\nText.\n",
         [(1, "Mötets öppnande"), (2, "Val av mötesfunktionärer")]),
    ],
)  # fmt: skip
def test_item_headings(text: str, expected: list[tuple[int, str]]) -> None:
    assert items(text) == expected


def test_title_on_the_line_after_a_diary_number() -> None:
    protocol = parse_text(HEAD + "§ 1    Dnr 2024-00001\nMötet öppnas\nOrdföranden öppnade.\n")
    item = protocol.items[0]
    assert (item.number, item.title) == (1, "Mötet öppnas")
    assert item.body.startswith("Dnr 2024-00001")


def test_a_broken_time_on_its_own_line_is_not_an_item() -> None:
    text = "§ 14 Information\nMötet pågick\n15.00-16.00\nmed paus.\n§ 15 Avslutning\nSlut.\n"
    assert items(text) == [(14, "Information"), (15, "Avslutning")]


def test_sections_of_an_item() -> None:
    protocol = parse_text(
        HEAD + "§ 2 Budget 2025\n"
        "Förslag till beslut\nKommunstyrelsen föreslås godkänna budgeten.\n"
        "Beslutsgång\nOrdföranden ställer proposition.\n"
        "Beslut\nKommunstyrelsen godkänner budgeten.\n"
        "Beslutet skickas till\nEkonomiavdelningen\n"
        "Beslutsunderlag\nTjänsteskrivelse 2024-01-10\n"
        "Bilagor\nBudgetförslag\nInvesteringsplan\n"
    )
    item = protocol.items[0]
    assert item.decisions == ("Kommunstyrelsen godkänner budgeten.",)
    assert item.attachments == ("Budgetförslag", "Investeringsplan")
    assert "Förslag till beslut" in item.body and "Beslutet skickas till" in item.body


def test_a_body_named_decision_heading() -> None:
    protocol = parse_text(
        HEAD + "39 § Sammanträdets laglighet\nOrdförande öppnar.\n"
        "Välfärdsnämndens beslut:\nSammanträdet konstaterades lagligt.\n"
    )
    assert protocol.items[0].decisions == ("Sammanträdet konstaterades lagligt.",)


def test_a_table_of_contents_is_never_items_and_checks_them() -> None:
    protocol = parse_text(
        HEAD + "Innehåll\n"
        "§ 1   Mötet öppnas ............................ 2\n"
        "§ 2   Budget 2025 ............................. 3\n"
        "§ 3   Nästa sammanträde ....................... 4\n\n"
        "§ 1 Mötet öppnas\nText.\n\n§ 2 Budget 2025\nText.\n"
    )
    assert [(i.number, i.title) for i in protocol.items] == [
        (1, "Mötet öppnas"),
        (2, "Budget 2025"),
    ]
    missing = [w for w in protocol.warnings if "contents" in w.message]
    assert [(w.line, "item 3" in w.message) for w in missing] == [(10, True)]
    assert not any("attendance row" in w.message for w in protocol.warnings)


def test_contents_without_a_heading_before_the_items() -> None:
    protocol = parse_text(
        HEAD + "39 § Sammanträdets laglighet ...................... 1\n"
        "40 § Val av protokolljusterare ...................... 2\n"
        "41 § Godkännande av föredragningslistan ............. 3\n\n"
        "39 § Sammanträdets laglighet\nText.\n40 § Val av protokolljusterare\nText.\n"
        "41 § Godkännande av föredragningslistan\nText.\n"
    )
    assert [i.number for i in protocol.items] == [39, 40, 41]
    assert not any("contents" in w.message for w in protocol.warnings)


def test_a_protocol_without_a_date_imports_with_a_warning() -> None:
    protocol = parse_text(
        "Protokoll Kommunstyrelsen\n\nBeslutande\nAnna Berg (S)\n\n§ 1 Öppnande\nText.\n"
    )
    assert (protocol.body, protocol.date) == ("Kommunstyrelsen", None)
    assert any(w.line == 1 and "no meeting date" in w.message for w in protocol.warnings)


def test_a_protocol_without_a_body_imports_with_a_warning() -> None:
    protocol = parse_text(
        "Datum: 2024-02-01\n\nNärvarande: Anna Berg, Per Holm\n\n§ 1 Öppnande\nText.\n"
    )
    assert protocol.date == date(2024, 2, 1)
    assert protocol.body is None
    assert any("no council named" in w.message for w in protocol.warnings)


def test_nothing_of_a_protocol_is_refused_with_its_reason() -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_text("Inköpslista\n\nMjölk och bröd.\nÄgg och ost.\n", "lista.txt")
    assert "not a protocol" in caught.value.message


@pytest.mark.parametrize(
    ("body", "role", "names"),
    [
        ("Kristian Martinsson valdes till stämmoordförande.", "chair", ["Kristian Martinsson"]),
        ("Stämmoordförande Kristian Martinsson valde Maria Lundgren från Bredablick Förvaltning"
         " till protokollförare.", "secretary", ["Maria Lundgren"]),
        ("Till protokolljusterare utsågs Johanna Norrbygård och Tua Backman.", "adjuster",
         ["Johanna Norrbygård", "Tua Backman"]),
        ("a. Mötesordförande\nMötet nominerar och väljer Frans Skarman", "chair",
         ["Frans Skarman"]),
        ("Årsmötet beslutade att välja Carl Tönsgård till ordförande och Ingrid Tönsgård till"
         " sekreterare för årsmötet.", "secretary", ["Ingrid Tönsgård"]),
    ],
)  # fmt: skip
def test_officers_elected_in_an_item(body: str, role: str, names: list[str]) -> None:
    protocol = parse_text(
        "Protokoll Föreningsstämma\nDatum 2021-06-07\n\n§ 1 Öppnande\nText.\n\n"
        f"§ 2 Val av funktionärer\n{body}\n"
    )
    assert [o.name for o in protocol.officers if o.role == role] == names


def test_the_item_title_names_the_role_of_whom_it_elects() -> None:
    protocol = parse_text(
        "Protokoll Byalaget\nDatum 2023-07-25\n\n§ 1 Mötet öppnas\nText.\n\n"
        "§ 2 Val av protokolljusterare, tillika rösträknare\n"
        "Årsmötet beslutade att välja Karin Barck Holst och Anders Nylander.\n"
    )
    adjusters = [o.name for o in protocol.officers if o.role == "adjuster"]
    assert adjusters == ["Karin Barck Holst", "Anders Nylander"]
