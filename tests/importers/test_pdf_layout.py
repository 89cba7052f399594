"""Page geometry to lines, on glyphs placed by hand as a PDF writer would place them."""

from __future__ import annotations

from importers.pdf_layout import Glyph, Rule, lay_out_page

SIZE = 10.0
WIDTHS = {"i": 2.3, "l": 2.3, "j": 2.6, "t": 3.4, "f": 3.1, " ": 2.5}
"""Advance widths at 10 pt, about those of Calibri."""


def place(text: str, x: float, y: float, widths: dict[int, float] | None = None) -> list[Glyph]:
    """Glyphs for `text` from `x` on baseline `y`; `widths` overrides the advance of one index."""
    glyphs = []
    for index, char in enumerate(text):
        advance = (widths or {}).get(index, WIDTHS.get(char, 5.0))
        glyphs.append(Glyph(char, x, x + advance, y - 2.5, y + 9.0, SIZE))
        x += advance
    return glyphs


def page_of(*rows: list[Glyph]) -> list[Glyph]:
    return [glyph for row in rows for glyph in row]


def cells(glyphs: list[Glyph], rules: list[Rule] | None = None) -> list[tuple[str, ...]]:
    return [line.cells for line in lay_out_page(glyphs, rules or [])]


def test_rows_are_read_top_down_and_cells_part_at_wide_gaps() -> None:
    glyphs = page_of(
        place("Eva Ek (S)", 300, 700), place("Organ", 72, 720), place("Kumla", 72, 700)
    )
    assert cells(glyphs) == [("Organ",), ("Kumla", "Eva Ek (S)")]


def test_a_narrow_gap_at_a_column_the_other_rows_share_parts_cells() -> None:
    long_left = place("[X] Frostdahl-Blomqvist Siw, ordförande, på distans", 72, 650)
    column = long_left[-1].x1 + 9.0  # under a cell gap (15 pt): only the column tells
    rows = [place(f"[X] Namn {n}", 72, 700 - 14 * n) + place(f"[ ] Ers {n}", column, 700 - 14 * n)
            for n in range(3)]  # fmt: skip
    crowded = place("[ ] Palm Maria", column, 650)
    assert cells(page_of(*rows, long_left, crowded))[-1] == (
        "[X] Frostdahl-Blomqvist Siw, ordförande, på distans",
        "[ ] Palm Maria",
    )


def test_a_line_through_the_middle_strikes_an_underline_does_not() -> None:
    glyphs = page_of(place("Anna Ahnér", 72, 700), place("Bo Berg", 72, 680))
    rules = [Rule(72, 120, 703.0), Rule(72, 110, 679.0)]
    lines = lay_out_page(glyphs, rules)
    assert [line.struck for line in lines] == [(True,), ()]


def tiled(word: str, widths: dict[int, float]) -> list[Glyph]:
    """The word on a page of ordinary text that shows every letter's usual width."""
    usual = place("till fjäll tittut fika fru", 72, 500)
    return page_of(usual, place(word, 72, 700, widths))


def test_a_ti_ligature_that_lost_its_i_is_mended_by_its_width() -> None:
    # "Martin" written with a ti ligature mapped to "t" alone: the t is t + i wide.
    lines = lay_out_page(tiled("Martn", {3: 3.4 + 2.2}))
    assert lines[0].cells == ("Martin",)
    assert lines[0].suspects == ()


def test_a_tt_ligature_is_told_from_ti() -> None:
    lines = lay_out_page(tiled("at", {1: 3.4 + 3.1}))
    assert lines[0].cells == ("att",)


def test_an_f_ligature_cannot_say_which_letter_it_lost_and_is_reported() -> None:
    # fi and fl are as wide as each other: no rule without a dictionary can choose.
    lines = lay_out_page(tiled("fnns", {0: 3.1 + 2.3}))
    assert lines[0].cells == ("fnns",)
    assert lines[0].suspects == ("fnns",)


def test_a_ligature_mapped_to_both_letters_is_left_alone() -> None:
    shared = place("ersä", 72, 700)
    x = shared[-1].x1
    both = [Glyph("t", x, x + 6.5, 697.5, 709, SIZE), Glyph("t", x, x + 6.5, 697.5, 709, SIZE)]
    glyphs = page_of(
        place("till fjäll tittut fika fru", 72, 500), shared, both, place("re", x + 6.5, 700)
    )
    line = lay_out_page(glyphs)[0]
    assert line.cells == ("ersättre",)
    assert line.suspects == ()


def test_bold_lines_are_headings_unless_the_whole_page_is_bold() -> None:
    title = [g._replace(bold=True) for g in place("Beslutande", 72, 720)]
    body = place("Lindvall Mikael, ordförande", 72, 700)
    assert [line.heading for line in lay_out_page(title + body * 2)] == [True, False]
    all_bold = title + [g._replace(bold=True) for g in body]
    assert [line.heading for line in lay_out_page(all_bold)] == [False, False]


def test_plain_widths_hold_where_many_letters_are_ligatures() -> None:
    # Half the page's t glyphs are tt ligatures: a median t would be too wide to see tt.
    ligatures = [place("at", 72, 600 - 14 * n, {1: 3.4 + 3.1}) for n in range(4)]
    lines = lay_out_page(page_of(tiled("Birgita", {5: 3.4 + 3.1}), *ligatures))
    assert lines[0].cells == ("Birgitta",)


def test_an_ocr_layer_whose_letters_differ_in_width_is_not_mended() -> None:
    # OCR boxes each letter as scanned: no width is a letter's own, so none is "too wide".
    uneven = [
        Glyph(char, 72 + 6 * n, 72 + 6 * n + 3.0 + (n % 5) * 0.7, 497.5, 509, SIZE)
        for n, char in enumerate("tttttiiiiifffff")
    ]
    lines = lay_out_page(uneven + place("Styrelsen", 72, 700, {3: 3.4 + 3.4}))
    assert lines[0].cells == ("Styrelsen",)
    assert lines[0].suspects == ()
