"""`content_hash_of` gives, without parsing, the hash `read_document` stores a file under."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.reading import content_hash_of, read_document
from tests.importers.make_documents import sample_lines, sample_text, write_docx, write_pdf


def test_a_text_file_hashes_its_decoded_clean_text(tmp_path: Path) -> None:
    latin1 = tmp_path / "001.txt"
    latin1.write_bytes(sample_text("001").replace("Tid:", "Tid:\x07").encode("cp1252"))
    utf8 = tmp_path / "same.md"
    utf8.write_text(read_document(latin1).text, encoding="utf-8")
    assert content_hash_of(latin1) == read_document(latin1).content_hash
    assert content_hash_of(utf8) == content_hash_of(latin1), "the text counts, not its bytes"
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(read_document(latin1).text.replace("\n", "\r\n").encode("utf-8"))
    assert content_hash_of(crlf) == read_document(crlf).content_hash == content_hash_of(latin1)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le"])
def test_marked_and_wide_encodings_hash_as_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(sample_text("003").encode(encoding))
    assert content_hash_of(path) == read_document(path).content_hash


def test_pdf_and_word_files_hash_their_bytes(tmp_path: Path) -> None:
    pdf, word = tmp_path / "002.pdf", tmp_path / "002.docx"
    write_pdf(sample_lines(sample_text("002")), pdf)
    write_docx(sample_lines(sample_text("002")), word)
    for path in (pdf, word):
        assert content_hash_of(path) == read_document(path).content_hash


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b"  \n"),
        ("renamed.pdf", b"Protokoll\nTid: 26 februari 2020\n"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
        ("binary.txt", bytes(range(256)) * 4),
    ],
)
def test_what_cannot_be_read_has_no_hash(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert content_hash_of(path) is None


def test_a_missing_file_has_no_hash(tmp_path: Path) -> None:
    assert content_hash_of(tmp_path / "gone.txt") is None
