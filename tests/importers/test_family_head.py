"""The head of a protocol in the forms real archives hold (issue: import every protocol).

Each text reproduces a form seen in real protocols; some names and places are made up.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from importers import parse_text
from importers.records import Protocol

TAIL = """
Beslutande
Anna Berg (S)
Per Holm (M)

§ 1 Mötet öppnas
Ordföranden öppnade mötet.
"""


def head(text: str) -> Protocol:
    return parse_text(text + TAIL, "head.txt")


def messages(protocol: Protocol) -> list[str]:
    return [w.message for w in protocol.warnings]


def test_labels_without_colon_several_on_one_line() -> None:
    p = head(
        "Protokoll Kommunstyrelsen\n"
        "Tid 30 september 2008 kl Plats Sessionssalen, Rådhuset, Örebro\n"
    )
    assert (p.body, p.date, p.location) == (
        "Kommunstyrelsen",
        date(2008, 9, 30),
        "Sessionssalen, Rådhuset, Örebro",
    )
    assert p.start is None  # `kl` with its time lost: no time, and no invented one


def test_place_and_time_label_wrapped_onto_the_next_line() -> None:
    p = head(
        "Protokoll Kommunstyrelsen\n"
        "Plats och tid för     Rådhussalen, Storgatan 1 Klockan 09.06–12.45\n"
        "sammanträde\n"
        "Datum\n"
        "2024-02-01\n"
    )
    assert (p.date, p.start, p.end) == (date(2024, 2, 1), time(9, 6), time(12, 45))
    assert p.location == "Rådhussalen, Storgatan 1"
    assert not any("not understood" in m for m in messages(p))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("Datum\n2024-02-01\n", date(2024, 2, 1)),
        ("Sammanträdesdatum 2006-05-02\n", date(2006, 5, 2)),
        ("Tid och plats\n2 februari 2024 kl 13.00–15.00, Kommunhuset\n", date(2024, 2, 2)),
        ("Sammanträdestid 15.9.2022 kl. 18.00 – 19.37\n", date(2022, 9, 15)),
    ],
)
def test_date_labels_with_the_value_beside_or_below(lines: str, expected: date) -> None:
    p = head("Protokoll Miljönämnden\n" + lines)
    assert (p.body, p.date) == ("Miljönämnden", expected)


def test_place_and_time_with_the_time_lost() -> None:
    p = head("Protokoll Socialnämnden\nPlats och tid Rådhuset, Dagö, 20 september 2017, klockan\n")
    assert (p.date, p.start, p.location) == (date(2017, 9, 20), None, "Rådhuset, Dagö")


def test_date_in_the_title() -> None:
    p = head("Protokoll Socialnämnden. 20 september 2017\n")
    assert (p.body, p.date) == ("Socialnämnden", date(2017, 9, 20))


def test_a_protocol_number_in_the_title_is_not_the_body() -> None:
    p = head("PROTOKOLL NR 5/2001/2002\nOrgan   Välfärdsnämnden\nTid     den 26-27 januari 2002\n")
    assert (p.body, p.date) == ("Välfärdsnämnden", date(2002, 1, 26))
    assert any("several days" in m for m in messages(p))


def test_body_before_the_title_word_and_a_diary_number_after_it() -> None:
    p = head("Kommunfullmäktige. Protokoll Ks 1241/2014\nDatum: 2014-03-03\n")
    assert (p.body, p.date) == ("Kommunfullmäktige", date(2014, 3, 3))


def test_body_from_a_running_page_header() -> None:
    page = (
        "STORÅ KOMMUN        SAMMANTRÄDESPROTOKOLL        {n} (110)\n"
        "Kommunstyrelsen     Datum\n"
        "                    2024-02-01\n"
    )
    text = (
        page.format(n=1)
        + "\nBeslutande\nAnna Berg (S)\n\n§ 1 Mötet öppnas\nOrdföranden öppnade mötet.\n\n"
        + page.format(n=2)
        + "\n§ 2 Budget\nBudgeten godkändes.\n\n"
        + page.format(n=3)
        + "\n§ 3 Avslutning\nMötet avslutades.\n"
    )
    p = parse_text(text, "ks.txt")
    assert (p.body, p.date) == ("Kommunstyrelsen", date(2024, 2, 1))
    assert [i.body for i in p.items] == [
        "Ordföranden öppnade mötet.", "Budgeten godkändes.", "Mötet avslutades."
    ]  # fmt: skip


def test_signatures_in_columns() -> None:
    p = head(
        "Protokoll Kommunstyrelsen\n"
        "Datum 2024-02-01\n"
        "Sekreterare   Sara Ek      Paragrafer §§ 1-45\n"
        "Ordförande    Tore Sand (M)\n"
        "Protokolljusterare Dan Holm (M)\n"
        "Justerandes signatur\n"
        "Plats och tid för justering   Kommunhuset 2024-02-05\n"
    )
    assert [(o.role, o.name) for o in p.officers] == [
        ("secretary", "Sara Ek"), ("chair", "Tore Sand"), ("adjuster", "Dan Holm")
    ]  # fmt: skip
    assert p.adjusted_on == date(2024, 2, 5)
    assert not any("not understood" in m for m in messages(p))


def test_utses_att_justera() -> None:
    p = head(
        "Protokoll Kommunstyrelsen\nDatum 2024-02-01\n"
        "Utses att justera   Dan Holm (M), Eva Ek (S)\n"
    )
    assert [(o.role, o.name) for o in p.officers if o.role == "adjuster"] == [
        ("adjuster", "Dan Holm"), ("adjuster", "Eva Ek")
    ]  # fmt: skip


def test_labels_in_cells_with_values_on_the_line_below() -> None:
    p = head(
        "Långasands Byalag   PROTOKOLL\n"
        "2023-07-25   1(3)\n"
        "Mötesform\n"
        "Årsmöte\n"
        "Datum   Plats\n"
        "2023-07-25 kl 09.00   Kilagårds Gröna, Vesslunda\n"
    )
    assert (p.body, p.date, p.start) == ("Långasands Byalag", date(2023, 7, 25), time(9, 0))
    assert p.location == "Kilagårds Gröna, Vesslunda"
    assert not any("not understood" in m for m in messages(p))


def test_letterhead_names_the_body_when_the_title_has_none() -> None:
    p = head(
        "Stenålderns samfällighet\nPROTOKOLL\nStyrelsemöte nr 8\n"
        "Datum och tid: 2022-12-14 19.00\nPlats: Hos Erik Ehn Blomgren\n"
    )
    assert (p.body, p.date, p.start) == ("Stenålderns samfällighet", date(2022, 12, 14), time(19))


def test_title_word_inside_the_title() -> None:
    p = head("LiTHe kods vårmöte 2019 - Protokoll (2019-05-21)\n")
    assert (p.body, p.date) == ("LiTHe kods vårmöte", date(2019, 5, 21))


def test_no_title_word_at_all_takes_the_first_line_with_a_warning() -> None:
    p = head("Brf Bronsyxan, 716406-9671\nDigital föreningsstämma\n7 juni 2021\n")
    assert (p.body, p.date) == ("Brf Bronsyxan", date(2021, 6, 7))
    assert any("council taken from the first line" in m for m in messages(p))
