"""Attendance lists in the forms real archives hold (issue: import every protocol).

Each text reproduces a form seen in real protocols; the names are made up.
"""

from __future__ import annotations

from importers import parse_text
from importers.records import Protocol

Row = tuple[str, str | None, str | None, str, bool]


def protocol_with(attendance: str) -> Protocol:
    text = (
        "Protokoll Kommunstyrelsen\nDatum: 2024-02-01\n\n"
        f"{attendance}\n\n"
        "§ 1 Mötet öppnas\nOrdföranden öppnade mötet.\n\n"
        "§ 2 Val av justerare\nDan Holm valdes.\n"
    )
    return parse_text(text, "ks.txt")


def rows(protocol: Protocol) -> list[Row]:
    return [(a.name, a.party, a.organization, a.role, a.present) for a in protocol.attendees]


def not_rows(protocol: Protocol) -> list[str]:
    return [w.message for w in protocol.warnings if "not an attendance row" in w.message]


def test_column_headings_on_one_line_and_a_wrapped_substitution() -> None:
    p = protocol_with(
        "Beslutande    Ledamöter     Tjänstgörande ersättare\n"
        "Anna Berg (M), Ordförande     Per Holm (M) ersätter Eva\n"
        "Karl Ek (C), 1:e vice ordförande   Lind (M)\n"
        "Tore Sand (M)"
    )
    assert rows(p) == [
        ("Anna Berg", "M", None, "member", True),
        ("Karl Ek", "C", None, "member", True),
        ("Tore Sand", "M", None, "member", True),
        ("Per Holm", "M", None, "substitute", True),
        ("Eva Lind", "M", None, "member", False),
    ]
    assert [a.function for a in p.attendees[:2]] == ["Ordförande", "1:e vice ordförande"]
    assert not any(a.name.startswith("Lind") for a in p.attendees)
    assert [(o.role, o.name) for o in p.officers_in("chair")] == [("chair", "Anna Berg")]


def test_others_present_in_columns() -> None:
    p = protocol_with(
        "Övriga närvarande Ersättare   Tjänstepersoner\nLisa Ek (S)    Karin Öst, förvaltningschef"
    )
    assert rows(p) == [
        ("Lisa Ek", "S", None, "substitute", True),
        ("Karin Öst", None, None, "other", True),
    ]
    assert p.attendees[1].function == "förvaltningschef"


def test_functions_substitutions_and_partial_attendance() -> None:
    p = protocol_with(
        "Beslutande\n"
        "Tore Sand (M), Ordförande\n"
        "Maria Björkman, Ordförande (S)\n"
        "Inger Carlsson (S) Ersätter Allan Armaghan (S), 9-34\n"
        "Andreas Gudinge (S), tjg ersättare\n"
        "Margareta Carlsson (S), ersätter Klas-Göran Henriksson (S)\n"
        "Agneta Blom (S) 1-6, 9-34\n"
        "Henrik Elamson (M), t.o.m. § 125\n"
        "Bo Ek (V)\n"
        "§§ 1-36\n"
        "Eva Ek anmält förhinder\n"
        "---\n"
        "Vivianne Pettersson M\n"
        "Anna Berg S, ersättare Örebro kommun."
    )
    assert rows(p) == [
        ("Tore Sand", "M", None, "member", True),
        ("Maria Björkman", "S", None, "member", True),
        ("Inger Carlsson", "S", None, "substitute", True),
        ("Allan Armaghan", "S", None, "member", False),
        ("Andreas Gudinge", "S", None, "substitute", True),
        ("Margareta Carlsson", "S", None, "substitute", True),
        ("Klas-Göran Henriksson", "S", None, "member", False),
        ("Agneta Blom", "S", None, "member", True),
        ("Henrik Elamson", "M", None, "member", True),
        ("Bo Ek", "V", None, "member", True),
        ("Eva Ek", None, None, "member", False),
        ("Vivianne Pettersson", "M", None, "member", True),
        ("Anna Berg", "S", "Örebro kommun", "substitute", True),
    ]
    partial = {a.name: (a.paragraphs, a.paragraph_numbers) for a in p.attendees if a.paragraphs}
    assert partial["Inger Carlsson"] == ("9-34", tuple(range(9, 35)))
    assert partial["Allan Armaghan"] == ("9-34", tuple(range(9, 35)))
    assert partial["Agneta Blom"] == ("1-6, 9-34", (*range(1, 7), *range(9, 35)))
    assert partial["Henrik Elamson"] == ("t.o.m. § 125", tuple(range(1, 126)))
    assert partial["Bo Ek"] == ("§§ 1-36", tuple(range(1, 37)))
    assert len(partial) == 5
    assert not_rows(p) == []


def test_running_text_list_wrapping_onto_the_next_line() -> None:
    p = protocol_with(
        "Närvarande: Ingrid Kristensen, Erik Ehn Blomgren, Jan Sjögren, Björn Goffeng, Lasse\n"
        "Johnsson, Fredrik Fors\n"
        "Frånvarande: Jens Nilsson, Olga Kolyada"
    )
    present = [a.name for a in p.attendees if a.present]
    absent = [a.name for a in p.attendees if not a.present]
    assert present == [
        "Ingrid Kristensen", "Erik Ehn Blomgren", "Jan Sjögren", "Björn Goffeng",
        "Lasse Johnsson", "Fredrik Fors",
    ]  # fmt: skip
    assert absent == ["Jens Nilsson", "Olga Kolyada"]


def test_running_text_list_with_och_and_more_members_not_named() -> None:
    p = protocol_with(
        "Närvarande: Roger Nilsson, Anna Berg, Lena Holm och Per-Gunnar Solberg"
        " samt ytterligare 31 medlemmar."
    )
    assert [a.name for a in p.attendees] == [
        "Roger Nilsson", "Anna Berg", "Lena Holm", "Per-Gunnar Solberg"
    ]  # fmt: skip
    assert any("samt ytterligare 31 medlemmar" in w.message for w in p.warnings)


def test_many_people_with_parties_on_one_long_line() -> None:
    p = protocol_with(
        "Närvarande\nAnna Berg (S) Per Holm (M) Karl Ek (C), ordförande Eva Lind (V) Bo Ek (KD)"
    )
    assert [(a.name, a.party) for a in p.attendees] == [
        ("Anna Berg", "S"), ("Per Holm", "M"), ("Karl Ek", "C"), ("Eva Lind", "V"), ("Bo Ek", "KD")
    ]  # fmt: skip
    assert p.attendees[2].function == "ordförande"


def test_tick_grid_with_surname_first_names() -> None:
    p = protocol_with(
        "Beslutande\n"
        "ordinarie   ersättare\n"
        "[X] Frostdahl-Blomqvist Siw, ordförande, på distans   [ ] Palm Maria\n"
        "[ ] Frostdahl Steven, vice ordförande   [ ] Forsbacka Sabina\n"
        "[X] Wik Tobias   [X] Pott Henrik\n"
        "Övriga närvarande\n"
        "Norrgård Martin, stadsdirektör och föredragande\n"
        "Wingren Emil, media- och kulturkoordinator, t.o.m. kl. 18.45 § 42 och 43 (del)"
    )
    assert rows(p) == [
        ("Frostdahl-Blomqvist Siw", None, None, "member", True),
        ("Frostdahl Steven", None, None, "member", False),
        ("Wik Tobias", None, None, "member", True),
        ("Palm Maria", None, None, "substitute", False),
        ("Forsbacka Sabina", None, None, "substitute", False),
        ("Pott Henrik", None, None, "substitute", True),
        ("Norrgård Martin", None, None, "other", True),
        ("Wingren Emil", None, None, "other", True),
    ]
    assert p.attendees[0].function == "ordförande"
    assert p.attendees[-1].function == "media- och kulturkoordinator"
    assert p.attendees[-1].paragraph_numbers == (42, 43)


def test_name_then_x_in_a_tick_column() -> None:
    p = protocol_with("Ledamöter\nAnna Berg   S   X\nPer Holm   M\nKarl Ek   C   X")
    assert [(a.name, a.party, a.present) for a in p.attendees] == [
        ("Anna Berg", "S", True), ("Per Holm", "M", False), ("Karl Ek", "C", True)
    ]  # fmt: skip


def test_association_sections() -> None:
    p = protocol_with(
        "Beslutande\nAnna Berg\nSuppleanter\nPer Holm\nSekretariatet\n"
        "Karin Öst, förvaltningschef\nAdjungerade\nLisa Lind\nTjänstepersoner\nEva Ek"
    )
    assert [(a.name, a.role) for a in p.attendees] == [
        ("Anna Berg", "member"),
        ("Per Holm", "substitute"),
        ("Karin Öst", "other"),
        ("Lisa Lind", "other"),
        ("Eva Ek", "other"),
    ]


def test_several_functions_after_a_name_are_no_organisation() -> None:
    p = protocol_with(
        "Övriga närvarande\n"
        "Grönroos Majvor, SST:s representant\n"
        "Rif Solveig, kanslist, protokollförare\n"
        "Ek Karin, Nora kommun"
    )
    assert [(a.name, a.function, a.organization) for a in p.attendees] == [
        ("Grönroos Majvor", "SST:s representant", None),
        ("Rif Solveig", "kanslist, protokollförare", None),
        ("Ek Karin", None, "Nora kommun"),
    ]
    assert [o.name for o in p.officers if o.role == "secretary"] == ["Rif Solveig"]
