"""Layouts the seeds do not show but real archives hold: the parser must read the family."""

from __future__ import annotations

from datetime import date, time

from importers import parse_text

MUNICIPAL_BOARD = """\
KOMMUNSTYRELSEN                                   SAMMANTRÄDESPROTOKOLL
Nora kommun                                       Sida 1 (3)

Sammanträdesprotokoll
Kommunstyrelsen

Plats och tid: Kommunhuset, Nora, 15 mars 2021 kl. 13.00–15.30

Beslutande ledamöter:
Anna Andersson (S), ordförande
Bertil Berg (M)
Sven-Erik Åkesson (KD)

Tjänstgörande ersättare:
Cecilia Carlsson (V)

Frånvarande:
David Dahl (C)

Övriga närvarande:
Eva Ek, kommunchef
Gustav Gran, Nora kommun

Sekreterare: Fredrik Fors
Justerare: Bertil Berg
Justeringsdatum: 2021-03-19

§ 12 Val av justerare
Bertil Berg valdes att jämte ordföranden justera protokollet.

§ 13 Budget för 2022 och plan för
ekonomin 2023–2024
Förslag till budget har skickats ut.
Beslut
Kommunstyrelsen godkänner budgeten.
Bilagor
Budgetförslag 2022
Protokollsutdrag

Justerandes signatur            Utdragsbestyrkande

§ 14 Nästa sammanträde
Den 12 april kl 13.00.

Justerandes signatur            Utdragsbestyrkande

Sida 2 (3)

Justerandes signatur            Utdragsbestyrkande
"""


def test_municipal_board_head() -> None:
    protocol = parse_text(MUNICIPAL_BOARD, "ks.txt")
    assert protocol.body == "Kommunstyrelsen"
    assert protocol.date == date(2021, 3, 15)
    assert (protocol.start, protocol.end) == (time(13, 0), time(15, 30))
    assert protocol.location == "Kommunhuset, Nora"
    assert [o.name for o in protocol.officers_in("secretary")] == ["Fredrik Fors"]
    assert [o.name for o in protocol.officers_in("adjuster")] == ["Bertil Berg"]
    assert protocol.adjusted_on == date(2021, 3, 19)


def test_municipal_board_attendance_sections() -> None:
    protocol = parse_text(MUNICIPAL_BOARD, "ks.txt")
    rows = [(a.name, a.party, a.organization, a.role, a.present) for a in protocol.attendees]
    assert rows == [
        ("Anna Andersson", "S", None, "member", True),
        ("Bertil Berg", "M", None, "member", True),
        ("Sven-Erik Åkesson", "KD", None, "member", True),
        ("Cecilia Carlsson", "V", None, "substitute", True),
        ("David Dahl", "C", None, "member", False),
        ("Eva Ek", None, None, "other", True),
        ("Gustav Gran", None, "Nora kommun", "other", True),
    ]
    functions = {a.name: a.function for a in protocol.attendees if a.function}
    assert functions == {"Anna Andersson": "ordförande", "Eva Ek": "kommunchef"}


def test_paragraph_sign_headings_and_footers() -> None:
    protocol = parse_text(MUNICIPAL_BOARD, "ks.txt")
    assert [(i.number, i.title) for i in protocol.items] == [
        (12, "Val av justerare"),
        (13, "Budget för 2022 och plan för ekonomin 2023–2024"),
        (14, "Nästa sammanträde"),
    ]
    budget = protocol.items[1]
    assert budget.decisions == ("Kommunstyrelsen godkänner budgeten.",)
    assert budget.attachments == ("Budgetförslag 2022", "Protokollsutdrag")
    assert "Utdragsbestyrkande" not in " ".join(i.body for i in protocol.items)
    assert protocol.next_meeting == date(2021, 4, 12)


def test_numbered_list_inside_an_item_is_not_a_new_item() -> None:
    text = """Protokoll Regionalt samverkansråd
Dag och tid: 25 september 2020 kl. 9.00-11.20
Närvarande ledamöter:
Anna Ahnér S Askersunds kommun.
1. Mötet öppnas.
2. Rapporter.
Tre rapporter lämnades:
1. Rapport om skolan.
2. Rapport om vården.
3. Rapport om vägarna.
3. Mötet avslutas.
"""
    protocol = parse_text(text)
    assert [(i.number, i.title) for i in protocol.items] == [
        (1, "Mötet öppnas"),
        (2, "Rapporter"),
        (3, "Mötet avslutas"),
    ]
    assert "Rapport om vägarna" in protocol.items[1].body


def test_markup_in_a_name_is_kept_literally_and_warned_about() -> None:
    text = """Protokoll Regionalt samverkansråd
Dag och tid: 25 september 2020 kl. 9.00-11.20
Närvarande ledamöter:
[/x] Karlsson (S)   Nora kommun
1. Mötet öppnas.
"""
    protocol = parse_text(text, "markup.txt")
    assert protocol.attendees[0].name == "[/x] Karlsson"
    assert any(w.line == 4 and "markup" in w.message for w in protocol.warnings)


def test_unreadable_attendance_row_becomes_a_warning_with_its_line() -> None:
    text = """Protokoll Regionalt samverkansråd
Dag och tid: 25 september 2020
Närvarande ledamöter:
Anna Ahnér S Askersunds kommun.
hela kommunstyrelsen var där, nästan
1. Mötet öppnas.
"""
    protocol = parse_text(text)
    assert [a.name for a in protocol.attendees] == ["Anna Ahnér"]
    assert any(w.line == 5 and "attendance" in w.message for w in protocol.warnings)
