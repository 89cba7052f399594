"""Every warning and refusal the importers write is shown in Swedish.

Small inputs made here (texts, bytes, PDF and Word files written by the test)
provoke each form; each message is read back through `tui.store_words.told`:
under Swedish no English is left, under English it reads as the importer
wrote it, and every rule in `tui.import_words` is reached by some input.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import importers
from importers.docx_reader import read_docx
from importers.pdf_reader import read_pdf
from importers.records import ProtocolError
from store.db import make_engine
from store.loading import import_paths
from tests.importers.make_documents import sample_lines, write_docx, write_pdf
from tests.importers.test_reading_dispatch import (
    OLE_HEADER,
    encrypted_pdf,
    image_only_pdf,
    odt,
    renamed_zip,
    truncated_pdf,
)
from tui import import_words
from tui.i18n import set_language
from tui.store_words import told
from tui.word_rules import groups_of

HEAD = "Protokoll Kommunstyrelsen\nDatum: 2024-02-01\n\n"
LIST = "Närvarande ledamöter\nAnna Berg (S)\nPer Holm (M)\n\n"
ITEMS = "§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Val av justerare\nPer Holm valdes.\n"
GOOD = HEAD + LIST + ITEMS
ENGLISH = re.compile(
    r"\b(the|of|in|and|is|not|no|a|an|to|from|with|has|have|been|was|were|it|this|found"
    r"|missing|named|item|items|line|lines|row|list|file|folder|empty|such|cannot|could|read"
    r"|there|year|month|day|days|hour|minute|time|date|valid|meeting|council|taken|first"
    r"|head|understood|role|name|which|goes|characters|removed|replaced|invalid|bytes|binary"
    r"|damaged|truncated|copy|again|page|layer|scanned|document|container|save|plain"
    r"|first|stored|several|adjusted|next|protocol|listed|contents|holds|lost|before"
    r"|may|check|signs|marked|absent|kept|written|looked|title|label|fill|possible|duplicate"
    r"|reviewed|edited|since|replace|overwrite|outside|never|neither|nor|sequences|too|large)\b"
)
"""Words of the importers' English (not `data`, `byte`, `import`: Swedish too); what is quoted
(the file's own text) and paths are taken out first."""
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|/\S+|\S+\.(?:txt|pdf|docx|odt|doc)\b|--\S+")
NOT_MADE = {
    "import.docx_huge": "a Word file unpacking to more than 1 GB",
    "import.pdf_encryption": "a PDF encrypted in a way PDFium cannot open (reportlab writes none)",
    "import.pdf_damaged_why": "a PDF PDFium opens but fails on while reading its pages",
    "import.cannot_read": "a file the operating system refuses to read (tests may run as root)",
    "import.ligatures": "a PDF whose font maps a ligature to one letter",
    "import.crashed": "a loader or parser bug",
    "import.too_large": "a file over 256 MB",
    "import.date.no_such_day": "a month with no last day (months 1–12 all have one)",
}
"""Forms no small file can provoke here; each is still checked below on the importer's words."""


def english_left(text: str) -> list[str]:
    """The English words in `text`, outside quotes and file names."""
    return ENGLISH.findall(_QUOTED.sub(" ", text))


def _parsed(path: Path) -> list[str]:
    """What importing `path` says: its refusal (`file:line: …`), or every warning."""
    try:
        parsed = importers.parse_file(path)
    except ProtocolError as error:
        return [str(error)]
    return [w.message for w in (*parsed.source.warnings, *parsed.protocol.warnings)]


def _text(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


TEXTS = {
    "items.md": HEAD
    + LIST
    + "## § 1 Öppnande\nText.\n\n## § 3 Budget\nText.\n\n## § 6 Slut\nText.\n",
    "more.txt": HEAD + "Närvarande ledamöter\nAnna Berg (S)\nsamt 3 ledamöter\n\n" + ITEMS,
    "running.txt": HEAD + "Närvarande: Anna Berg, 12345, Per Holm\n\n" + ITEMS,
    "row.txt": HEAD + LIST[:-1] + "??? 42 !!!\n\n" + ITEMS,
    "bell.txt": GOOD.replace("Öppnande", "Öpp\x07nande"),
    "days.txt": GOOD.replace("2024-02-01", "1–2 februari 2024"),
    "clock.txt": GOOD.replace("2024-02-01", "2024-02-01 kl 25:00"),
    "bare.txt": GOOD.replace("2024-02-01", "2024-02-01 26.00"),
    "year.txt": GOOD.replace("2024-02-01", "1850-02-01"),
    "nodate.txt": HEAD.replace("Datum: 2024-02-01", "Kommunhuset") + LIST + ITEMS,
    "badday.txt": GOOD.replace("2024-02-01", "30 februari 2024"),
    "leap.txt": GOOD.replace("2024-02-01", "29 februari 2023"),
    "month.txt": GOOD.replace("2024-02-01", "2024-13-01"),
    "zero.txt": GOOD.replace("2024-02-01", "2024-02-00"),
    "year0.txt": GOOD.replace("2024-02-01", "0000-02-01"),
    "minute.txt": GOOD.replace("2024-02-01", "2024-02-01 kl 9:75"),
    "adjusted.txt": HEAD + "Justerat den:\n\n" + LIST + ITEMS,
    "adjbad.txt": HEAD + "Justerat den: 32 maj 2024\n\n" + LIST + ITEMS,
    "adjword.txt": HEAD + "Justerat den: snart\n\n" + LIST + ITEMS,
    "next.txt": GOOD + "\n§ 3 Nästa sammanträde\nNästa sammanträde den 32 maj.\n",
    "next2999.txt": GOOD + "\n§ 3 Nästa sammanträde\nNästa sammanträde 2999-05-02.\n",
    "head.txt": HEAD + "Blå blommor i vasen\n\n" + LIST + ITEMS,
    "first.txt": "Brf Bronsyxan\n7 juni 2021\n\n" + LIST + ITEMS,
    "roles.txt": HEAD + "Anna Berg Per Holm Eva Ek\nOrdförande   Justerare\n\n" + LIST + ITEMS,
    "lonely.txt": HEAD + "Ordförande   Justerare\n\n" + LIST + ITEMS,
    "nothing.txt": "inköpslista\n\nmjölk och bröd.\n",
    "heading.txt": "Protokoll Kommunstyrelsen\n\nMjölk och bröd.\n",
    "nobody.txt": "Datum: 2024-02-01\n\n" + LIST + ITEMS,
    "lost.txt": GOOD.replace("Öppnande", "\ufffdppnande"),
    "markup.txt": GOOD.replace("Anna Berg (S)", "Anna [bold]Berg\tS"),
    "absent.txt": GOOD.replace("Per Holm (M)\n", "")
    + "\nFrånvarande\nPer Holm (M)\n\nPer Holm\nOrdförande\n",
    "long.txt": GOOD + "\n§ 3 Bilaga\n" + "Text i bilagan. " * 7000 + "\n",
    "noitems.txt": HEAD + LIST + "Mötet hölls.\n",
    "nolist.txt": HEAD + ITEMS,
    "contents.txt": HEAD
    + LIST
    + "Innehåll\n§ 1   Öppnande ........ 2\n§ 2   Val av justerare ........ 3\n"
    + "§ 3   Nästa sammanträde ........ 4\n\n"
    + ITEMS,
}
BYTES = {
    "nul.txt": b"Protokoll\n\x00\x00\x00",
    "controls.txt": b"Protokoll\n" + b"\x01\x02\x03\x04" * 100,
    "utf8.txt": GOOD.encode().replace("Öppnande".encode(), b"\xff\xfeppnande", 1),
    "utf8one.txt": GOOD.encode().replace("Öppnande".encode(), b"\xffppnande", 1),
    "cp1252.txt": b"\x81\x8d\x8f\x90\x9d" * 40,
    "utf16.txt": b"\xff\xfe" + b"\x00\xd8" * 40,
    "empty.txt": b"  \n",
    "pdf.txt": b"%PDF-1.4 text",
    "zip.txt": b"PK\x03\x04 text",
    "ole.txt": b"\xd0\xcf\x11\xe0 text",
    "rtf.txt": b"{\\rtf1 text}",
    "old.doc": OLE_HEADER,
    "text.pdf": b"Protokoll Kommunstyrelsen",
    "damaged.docx": b"PK\x03\x04 not really a zip",
    "junk.pdf": b"%PDF-1.4\n\x00\x9c junk\n%%EOF\n",
}


def _files(tmp_path: Path) -> Iterator[Path]:
    """Each file made: texts, bytes, and the PDF and Word documents."""
    yield from (_text(tmp_path, name, text) for name, text in TEXTS.items())
    yield from (_bytes(tmp_path, name, data) for name, data in BYTES.items())
    good = tmp_path / "good.pdf"
    write_pdf(sample_lines(GOOD), good)
    yield image_only_pdf(tmp_path / "scan.pdf")
    yield encrypted_pdf(tmp_path / "locked.pdf")
    yield truncated_pdf(tmp_path / "half.pdf", good)
    yield renamed_zip(tmp_path / "zip.docx")
    yield odt(tmp_path / "text.odt")
    yield _half_scanned(tmp_path / "half_scanned.pdf")
    yield _blank_docx(tmp_path / "blank.docx")
    yield _broken_docx(tmp_path / "broken.docx")
    yield tmp_path / "missing.txt"
    yield tmp_path


def _half_scanned(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for y, line in enumerate(GOOD.splitlines()):
        canvas.drawString(72, 800 - 14 * y, line)
    canvas.showPage()
    canvas.rect(72, 400, 200, 100, fill=1)
    canvas.showPage()
    canvas.save()
    return path


def _blank_docx(path: Path) -> Path:
    write_docx([], path)
    return path


def _broken_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><not xml")
    return path


def _direct(tmp_path: Path) -> list[str]:
    """Refusals only a reader called directly gives: a text file read as PDF, or as Word."""
    said = []
    for read in (read_pdf, read_docx):
        try:
            read(tmp_path / "direct", b"Protokoll Kommunstyrelsen")
        except ProtocolError as error:
            said.append(error.message)
    for start in (b"%PDF-1.4", b"PK\x03\x04"):  # as text: only `read_source` reads them so
        try:
            importers.read_source(_bytes(tmp_path, "signed.txt", start + b" text"))
        except ProtocolError as error:
            said.append(str(error))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (importers.reading.MAX_FILE_BYTES + 1))
    return said + _parsed(big)


def _stored(tmp_path: Path) -> list[str]:
    """What the loader adds around the importers: a missing path, a duplicate, a refusal."""
    engine = make_engine(str(tmp_path / "words.db"))
    first, second = _text(tmp_path, "a.txt", GOOD), _text(tmp_path, "b.txt", GOOD + "\n")
    said = [o.message for o in import_paths(engine, [first, tmp_path / "gone"]).outcomes]
    said += [w.message for o in import_paths(engine, [second]).outcomes for w in o.warnings]
    from store.edits import set_reviewed

    set_reviewed(engine, 1, True)
    first.write_text(GOOD + "\n\n", encoding="utf-8")
    said += [o.message for o in import_paths(engine, [first]).outcomes]
    engine.dispose()
    return [s for s in said if s]


@pytest.fixture(scope="module")
def phrases(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every message the inputs provoke, as the importers (and the loader) wrote them."""
    tmp_path = tmp_path_factory.mktemp("import_words")
    said = [message for path in _files(tmp_path) for message in _parsed(path)]
    return [*said, *_direct(tmp_path), *_stored(tmp_path)]


@pytest.fixture
def language() -> Iterator[None]:
    yield
    set_language("sv")


def _keys(phrase: str) -> set[str]:
    """The import rules `phrase` (after any `file:line: `) and the phrases in it are told by."""
    after = [phrase[i + 2 :] for i in range(len(phrase)) if phrase[i : i + 2] == ": "]
    for candidate in (phrase, *after):
        found = groups_of(candidate, import_words.RULES)
        if found:
            key, groups = found
            return {key}.union(*(_keys(value) for value in groups.values() if value))
    return set()


def test_every_rule_is_reached_by_some_input(phrases: list[str]) -> None:
    reached = set().union(*(_keys(p) for p in phrases))
    missing = {r.key for r in import_words.RULES} - reached - set(NOT_MADE)
    assert not missing, f"{sorted(missing)} reached by none of\n" + "\n".join(phrases)


def test_no_warning_is_left_in_english_under_swedish(phrases: list[str], language: None) -> None:
    set_language("sv")
    left = {p: english_left(told(p)) for p in phrases if english_left(told(p))}
    assert not left, "\n".join(f"{p}\n  -> {told(p)}\n  {w}" for p, w in left.items())


def test_under_english_each_warning_reads_as_the_importer_wrote_it(
    phrases: list[str], language: None
) -> None:
    set_language("en")
    assert [told(p) for p in phrases] == phrases


BY_HAND = (
    "the Word document unpacks to more than 1 GB: not a protocol",
    "the PDF uses an encryption this reader does not support",
    "the PDF is damaged and cannot be read (Failed to load page)",
    "x.txt: cannot read the file: Permission denied",
    "page 2: 7 word(s) may have lost a letter to a ligature (fi, fl, ff, ft, tt, ti):"
    " 'fnns', 'fska' and 2 more; check the spelling",
    "x.txt: could not be stored: ValueError('x')",
    "x.txt: the file is 300.0 MB, too large to be a protocol",
    "x.txt:2: '32 maj 2020' is not a valid date: no such day",
)
"""The forms of `NOT_MADE`, written as the importers' code writes them."""


def test_the_forms_no_small_file_makes_are_told_too(language: None) -> None:
    assert set().union(*(_keys(p) for p in BY_HAND)) >= set(NOT_MADE)
    set_language("sv")
    library = BY_HAND[2]  # PDFium's own words, in parentheses, stay as PDFium wrote them
    assert told(library) == "PDF-filen är skadad och kan inte läsas (Failed to load page)"
    assert not [told(p) for p in BY_HAND if p != library and english_left(told(p))]
    assert told(BY_HAND[4]).endswith("'fnns', 'fska' och 2 till; kontrollera stavningen")
    set_language("en")
    assert [told(p) for p in BY_HAND] == list(BY_HAND)
