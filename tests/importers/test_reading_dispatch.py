"""Choosing the reader by content and suffix, and refusing what cannot be read, by name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from importers.reading import find_protocol_files, read_document
from importers.records import ProtocolError
from tests.importers.make_documents import sample_lines, sample_text, write_docx, write_pdf

OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def image_only_pdf(path: Path) -> Path:
    """A scan: one page that is a picture of text, with no text layer."""
    picture = path.with_suffix(".png")
    Image.new("L", (200, 100), color=200).save(picture)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(str(picture), 50, 500, width=400, height=200)
    canvas.showPage()
    canvas.drawImage(str(picture), 50, 500, width=400, height=200)
    canvas.save()
    picture.unlink()
    return path


def encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4, encrypt="hemligt")
    canvas.drawString(72, 700, "Protokoll Hemliga rådet")
    canvas.save()
    return path


def truncated_pdf(path: Path, good: Path) -> Path:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def renamed_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("bilder/karta.txt", "inte ett Word-dokument")
    return path


def odt(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture
def good_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "good" / "001.pdf"
    path.parent.mkdir(exist_ok=True)
    write_pdf(sample_lines(sample_text("001")), path)
    return path


def test_a_pdf_a_docx_and_a_text_file_each_go_to_their_reader(
    tmp_path: Path, good_pdf: Path
) -> None:
    word = tmp_path / "002.docx"
    write_docx(sample_lines(sample_text("002")), word)
    text = tmp_path / "004.txt"
    text.write_text(sample_text("004"), encoding="utf-8")
    assert read_document(good_pdf).format == "pdf"
    assert read_document(word).format == "docx"
    document = read_document(text)
    assert document.format == "text" and document.text == sample_text("004")
    assert len(document.lines) == len(document.text.split("\n"))


def test_the_content_decides_not_the_suffix(tmp_path: Path, good_pdf: Path) -> None:
    disguised = tmp_path / "protokoll.txt"
    disguised.write_bytes(good_pdf.read_bytes())
    assert read_document(disguised).format == "pdf"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p, g: image_only_pdf(p / "scan.pdf"), "no text layer: a scanned PDF; run OCR"),
        (lambda p, g: encrypted_pdf(p / "locked.pdf"), "password-protected"),
        (lambda p, g: truncated_pdf(p / "cut.pdf", g), "truncated"),
        (lambda p, g: written(p / "junk.pdf", b"%PDF-1.4\n\x00\x9c junk\n%%EOF\n"), "damaged"),
        (lambda p, g: renamed_zip(p / "zip.docx"), "not a Word document"),
        (lambda p, g: odt(p / "text.odt"), "save it as .docx"),
        (lambda p, g: written(p / "old.doc", OLE_HEADER), "save it as .docx"),
        (lambda p, g: written(p / "x.pdf", b"Protokoll"), "named .pdf"),
        (lambda p, g: written(p / "empty.pdf", b""), "the file is empty"),
        (lambda p, g: written(p / "y.docx", b"Protokoll"), "named .docx"),
    ],
    ids=[
        "image-only",
        "encrypted",
        "truncated",
        "damaged",
        "renamed-zip",
        "odt",
        "doc",
        "fake-pdf",
        "empty",
        "fake-docx",
    ],
)
def test_what_cannot_be_read_is_refused_naming_the_file(
    tmp_path: Path, good_pdf: Path, make: object, reason: str
) -> None:
    path = make(tmp_path, good_pdf)  # type: ignore[operator]
    with pytest.raises(ProtocolError, match=reason) as refused:
        read_document(path)
    assert refused.value.path == str(path)
    assert str(path) in str(refused.value)


def test_a_folder_yields_its_good_documents_and_refuses_the_rest(
    tmp_path: Path, good_pdf: Path
) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    good = [folder / "a.pdf", folder / "b.docx", folder / "c.txt"]
    good[0].write_bytes(good_pdf.read_bytes())
    write_docx(sample_lines(sample_text("003")), good[1])
    good[2].write_text(sample_text("000"), encoding="utf-8")
    bad = [
        image_only_pdf(folder / "scan.pdf"),
        encrypted_pdf(folder / "locked.pdf"),
        truncated_pdf(folder / "cut.pdf", good_pdf),
        renamed_zip(folder / "zip.docx"),
    ]
    written(folder / "old.doc", OLE_HEADER)
    read, refused = [], []
    for path in find_protocol_files([folder]):
        try:
            read.append((path, read_document(path).format))
        except ProtocolError as error:
            refused.append(Path(error.path))
    assert sorted(read) == sorted(zip(good, ["pdf", "docx", "text"], strict=True))
    assert sorted(refused) == sorted(bad)
