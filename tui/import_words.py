"""The importers' warnings and refusals (English, as `importers` writes them) as rules.

Stored as written, they are told in the user's language when shown: in the
Warnings tab, the import dialog and `protokoll import`. A refusal reaches the
user as `file:line: message`; `store_words.told` finds the message after the
file name.
"""

from __future__ import annotations

from tui.i18n import t
from tui.word_rules import TOLD, Rule, literal, rule


def _more(count: str) -> str:
    return t("import.and_more", count=count)


def _word(word: str) -> str:
    """`year`, `reviewed and edited`, `stored` in the user's language."""
    return " ".join(t(f"import.word.{w}") for w in word.split())


_LITERALS = (
    ("binary data (NUL bytes), not a text file", "import.nul"),
    ("binary data (control characters), not a text file", "import.binary"),
    ("no such file", "import.no_file"),
    ("no such file or folder", "import.no_path"),
    ("the file is empty", "import.empty"),
    ("this is a folder, not a file", "import.folder"),
    ("the Word document has no text", "import.docx_no_text"),
    ("not a Word document: the file is not a ZIP container (.docx)", "import.docx_not_zip"),
    ("a ZIP file but not a Word document (no word/document.xml)", "import.zip_not_docx"),
    ("the Word document unpacks to more than 1 GB: not a protocol", "import.docx_huge"),
    ("the Word document is damaged and cannot be read", "import.docx_damaged"),
    ("a damaged ZIP container: not a readable Word document", "import.zip_damaged"),
    ("no text layer: a scanned PDF; run OCR first, for example ocrmypdf", "import.pdf_scanned"),
    ("not a PDF file (it does not begin with %PDF-)", "import.pdf_not_pdf"),
    ("the PDF is truncated (no end-of-file marker): copy it again", "import.pdf_truncated"),
    ("the PDF is password-protected: save an unprotected copy first", "import.pdf_password"),
    ("the PDF uses an encryption this reader does not support", "import.pdf_encryption"),
    ("the PDF is damaged and cannot be read", "import.pdf_damaged"),
    ("a role without a name", "import.role_without_name"),
    ("no attendance list found", "import.no_attendance"),
    ("no numbered agenda items found", "import.no_items"),
    ("no such day", "import.date.no_such_day"),
    (
        "not a protocol: no title or date, no attendance list and no numbered items",
        "import.not_protocol",
    ),
    (
        "not a protocol: a heading, but no attendance list and no numbered items",
        "import.not_protocol_heading",
    ),
    (
        "no meeting date found (looked for 'Datum', 'Tid', 'Sammanträdesdatum' … and in the"
        " title): fill it in",
        "import.no_date",
    ),
    (
        "no council named (looked for a title such as 'Protokoll Kommunstyrelsen' or a label"
        " such as 'Organ'): fill it in",
        "import.no_body",
    ),
    (
        "this is a PDF file, not text: convert it to text first (PDF import is not supported yet)",
        "import.sig.pdf",
    ),
    (
        "this is a ZIP container (Word .docx?), not text: save it as plain text first",
        "import.sig.zip",
    ),
    (
        "this is an old Office document (.doc?), not text: save it as plain text first",
        "import.sig.ole",
    ),
    ("this is an RTF document, not plain text: save it as plain text first", "import.sig.rtf"),
    (
        "this is an old Word .doc file (or a password-protected Office file), which cannot be"
        " read: open it in Word or LibreOffice and save it as .docx (LibreOffice: soffice"
        " --headless --convert-to docx FILE)",
        "import.doc",
    ),
    (
        "this is an OpenDocument text (.odt), which cannot be read: save it as .docx"
        " (LibreOffice: soffice --headless --convert-to docx FILE)",
        "import.odt",
    ),
)
_Q = r"(?P<text>(?:'.*'|\".*\"))"
"""A piece of the file quoted by `repr`."""

RULES: tuple[Rule, ...] = (
    *(literal(english, key) for english, key in _LITERALS),
    rule(r"item\(s\) (?P<number>\d+) missing", "import.item_missing"),
    rule(r"item\(s\) (?P<numbers>\d+(?:, \d+)+) missing", "import.items_missing"),
    rule(r"not named: " + _Q, "import.not_named"),
    rule(r"not a name in the attendance list: " + _Q, "import.not_a_name"),
    rule(r"not an attendance row: " + _Q, "import.not_a_row"),
    rule(r"not understood in the protocol head: " + _Q, "import.not_understood"),
    rule(r"council taken from the first line: " + _Q, "import.body_from_first_line"),
    rule(r"cannot tell which name goes with which role: " + _Q, "import.which_role"),
    rule(r"name contains markup-like characters, kept as written: " + _Q, "import.markup"),
    rule(r"adjusted date not understood: " + _Q, "import.adjusted_unread"),
    rule(r"adjusted date: (?P<inner>.+)", "import.adjusted", inner=TOLD),
    rule(r"next meeting: (?P<inner>.+)", "import.next_meeting", inner=TOLD),
    rule(r"no (?P<role>ordförande|sekreterare) found", "import.no_officer"),
    rule(
        r"not text: neither UTF-8 nor Windows-1252 \((?P<count>\d+) invalid byte sequences\)",
        "import.not_text_either",
    ),
    rule(
        r"not text: not (?P<encoding>[\w-]+) \((?P<count>\d+) invalid byte sequences\)",
        "import.not_text",
    ),
    rule(
        r"invalid (?P<encoding>[\w-]+) byte (?P<found>0x[0-9a-f]{2}) replaced",
        "import.replaced.one",
    ),
    rule(
        r"invalid (?P<encoding>[\w-]+) bytes (?P<found>0x[0-9a-f]{2}(?:, 0x[0-9a-f]{2})+) replaced",
        "import.replaced",
    ),
    rule(r"cannot read the file: (?P<error>.+)", "import.cannot_read"),
    rule(r"the file is (?P<size>[\d.]+) MB, too large to be a protocol", "import.too_large"),
    rule(r"the file is (?P<size>[\d.]+) MB, too large to be text", "import.too_large_text"),
    rule(
        r"named (?P<suffix>\.\w+) but not such a file: it is damaged or renamed", "import.misnamed"
    ),
    rule(r"the PDF is damaged and cannot be read \((?P<error>.+)\)", "import.pdf_damaged_why"),
    rule(r"page (?P<page>\d+) has no text layer: a scanned page\?", "import.page_scanned"),
    rule(
        r"page (?P<page>\d+): (?P<count>\d+) word\(s\) may have lost a letter to a ligature"
        r" \(fi, fl, ff, ft, tt, ti\): (?P<words>.+?)(?: and (?P<more>\d+) more)?;"
        r" check the spelling",
        "import.ligatures",
        more=_more,
    ),
    rule(
        r"(?P<count>\d+) character\(s\) on (?P<lines>\d+) line\(s\) were lost before import"
        r" \(shown as �\): names and words with å, ä, ö or § may be incomplete; check them"
        r" against the original",
        "import.lost_letters",
    ),
    rule(
        r"item (?P<number>\d+) holds (?P<size>\d+ kB) of text:"
        r" is this file more than one protocol\?",
        "import.long_item",
    ),
    rule(
        r"item (?P<number>\d+) \((?P<title>.*)\) is listed in the contents but not found",
        "import.contents_missing",
    ),
    rule(
        r"a meeting over several days \((?P<days>.+) …\): the first day is stored",
        "import.several_days",
    ),
    rule(r"'(?P<text>.+)' is not a valid date: (?P<reason>.+)", "import.bad_date", reason=TOLD),
    rule(r"(?P<text>'.+') is not a time: (?P<reason>.+)", "import.bad_time", reason=TOLD),
    rule(r"'(?P<text>.+)' is not a time of day: no start time stored", "import.bad_clock"),
    rule(
        r"(?P<date>[\d-]+): the year (?P<year>\d+) is outside (?P<first>\d+)–(?P<last>\d+)",
        "import.odd_year",
    ),
    rule(r"(?P<month>[a-z]+) never has (?P<day>\d+) days", "import.date.never"),
    rule(r"(?P<month>[a-z]+) (?P<year>\d+) has (?P<last>\d+) days", "import.date.month_has"),
    rule(
        r"there is no (?P<what>year|month|day|hour|minute) (?P<number>-?\d+)",
        "import.date.no_such",
        what=_word,
    ),
    rule(r"could not be (?P<verb>read|stored): (?P<error>.+)", "import.crashed", verb=_word),
    rule(
        r"meeting (?P<id>\d+) \((?P<body>.*), (?P<date>.*)\) has been"
        r" (?P<how>reviewed|edited|reviewed and edited)"
        r" since it was imported; not replaced \(use --replace to overwrite it\)",
        "import.refused",
        how=_word,
    ),
)
"""Every warning and refusal `importers` (and the loader around them) writes."""
