"""Word's automatic list numbers appear before their paragraphs, as Word draws them."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from importers.docx_numbering import format_number
from importers.docx_reader import read_docx

AGENDA_LIST = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="0">
    <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="§ %1"/>
  </w:lvl>
  <w:lvl w:ilvl="1">
    <w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>
  </w:lvl>
</w:abstractNum>
"""


def numbered(paragraph: docx.text.paragraph.Paragraph, num_id: int, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
            "</w:numPr>"
        )
    )


def agenda_document(path: Path) -> Path:
    """§-numbered items with lettered sub-points, then a second list restarting at § 10."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(AGENDA_LIST))
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/></w:num>')
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="92"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
        )
    )
    document.add_paragraph("Protokoll styrelsemöte")
    for text, num_id, level in (
        ("Mötet öppnas", 91, 0), ("Val av justerare", 91, 0), ("Kräva in avgift", 91, 1),
        ("Anlita arborist", 91, 1), ("Övriga frågor", 91, 0), ("Nedlagd tid", 91, 1),
        ("Nästa möte", 92, 0),
    ):  # fmt: skip
        numbered(document.add_paragraph(text), num_id, level)
    document.save(str(path))
    return path


def test_numbers_letters_and_restarts_as_word_draws_them(tmp_path: Path) -> None:
    lines = read_docx(agenda_document(tmp_path / "agenda.docx")).lines
    assert [line.cells[0] for line in lines] == [
        "Protokoll styrelsemöte",
        "§ 1 Mötet öppnas",
        "§ 2 Val av justerare",
        "a) Kräva in avgift",
        "b) Anlita arborist",
        "§ 3 Övriga frågor",
        "a) Nedlagd tid",
        "§ 10 Nästa möte",
    ]


def test_list_styles_number_and_bullet_their_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Dagordning")
    for title in ("Mötet öppnas", "Val av justerare"):
        document.add_paragraph(title, style="List Number")
    document.add_paragraph("Kaffe", style="List Bullet")
    document.save(str(tmp_path / "styles.docx"))
    cells = [line.cells for line in read_docx(tmp_path / "styles.docx").lines]
    assert cells == [("Dagordning",), ("1. Mötet öppnas",), ("2. Val av justerare",), ("• Kaffe",)]


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 2024)] == [
        "IV",
        "IX",
        "XIV",
        "MMXXIV",
    ]
    assert format_number(7, "decimalZero") == "07"
    assert format_number(7, "decimal") == "7"
