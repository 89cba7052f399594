"""Decoding that tells: UTF-8 kept through stray bytes, Windows-1252 only when plainly so,
UTF-16 with or without a byte-order mark, and a warning with its line for what did not fit."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import importers
from importers.decoding import decode
from importers.records import ProtocolError
from tui.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
SEED_FILES = sorted(p.name for p in SAMPLES.glob("*.txt"))
# The case: a seed whose council has an å (`Specifikt samverkansråd`).
SPECIFIKT = "002_51c692209e7ef6f5.txt"


def seed_bytes(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def line_of(data: bytes, marker: bytes) -> int:
    return data[: data.index(marker)].count(b"\n") + 1


def with_stray_byte(data: bytes, marker: bytes, stray: bytes = b"\xe5") -> bytes:
    """`data` with `stray` inserted just before the first `marker`."""
    at = data.index(marker)
    return data[:at] + stray + data[at:]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- the stray byte ------------------------------------------------------------------------


def test_one_stray_byte_keeps_utf8_and_names_its_line(tmp_path: Path) -> None:
    original = seed_bytes(SPECIFIKT)
    marker = b"Dagordningen"
    path = write(tmp_path / SPECIFIKT, with_stray_byte(original, marker))

    parsed = importers.parse_file(path)
    clean = importers.parse_file(SAMPLES / SPECIFIKT)

    assert parsed.source.encoding == "utf-8"
    assert (
        parsed.protocol.body
        == clean.protocol.body
        == ("Specifikt samverkansråd för skola, utbildning och kompetensförsörjning")
    )
    assert len(parsed.protocol.attendees) == len(clean.protocol.attendees) > 10
    expected = (line_of(original, marker), "invalid UTF-8 byte 0xe5 replaced")
    assert [(w.line, w.message) for w in parsed.source.warnings] == [expected]
    assert expected in [(w.line, w.message) for w in parsed.protocol.warnings]
    assert "\ufffdDagordningen godkändes" in parsed.source.text


def test_stray_byte_is_reported_by_protokoll_import(tmp_path: Path) -> None:
    original = seed_bytes(SPECIFIKT)
    marker = b"Dagordningen"
    path = write(tmp_path / SPECIFIKT, with_stray_byte(original, marker))

    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "import", str(path)])

    assert result.exit_code == 0
    line = line_of(original, marker)
    assert f"{path}:{line}: varning: ogiltig UTF-8-byte 0xe5 ersatt" in result.stderr
    export = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "export", "meetings"])
    assert "Specifikt samverkansråd för skola" in export.stdout
    assert "Ã" not in export.stdout


def test_stray_bytes_on_several_lines_warn_once_per_line(tmp_path: Path) -> None:
    data = seed_bytes(SPECIFIKT)
    first, second = "Närvarande".encode(), b"Justerare"
    data = with_stray_byte(with_stray_byte(data, first, b"\xe5\xf6"), second, b"\xff")

    decoded = decode(data, "x.txt")

    assert decoded.encoding == "utf-8"
    assert [(w.line, w.message) for w in decoded.warnings] == sorted(
        [
            (line_of(data, first), "invalid UTF-8 bytes 0xe5, 0xf6 replaced"),
            (line_of(data, second), "invalid UTF-8 byte 0xff replaced"),
        ]
    )


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_stray_byte_line_counts_windows_and_old_mac_line_ends(newline: bytes) -> None:
    data = b"Protokoll f\xc3\xb6r n\xc3\xa4mnden\nTid: 3 maj 2021\nPlats: R\xe5dhuset\n"
    decoded = decode(data.replace(b"\n", newline), "x.txt")
    assert decoded.text == "Protokoll för nämnden\nTid: 3 maj 2021\nPlats: R\ufffddhuset\n"
    assert [(w.line, w.message) for w in decoded.warnings] == [
        (3, "invalid UTF-8 byte 0xe5 replaced")
    ]


def test_stray_byte_after_a_utf8_bom() -> None:
    data = "\ufeffRådhuset\nÖrebro\n".encode() + b"Sal \x9d 3\n"
    decoded = decode(data, "x.txt")
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text == "Rådhuset\nÖrebro\nSal \ufffd 3\n"
    assert [w.line for w in decoded.warnings] == [3]


# --- Windows-1252 --------------------------------------------------------------------------


def test_windows_1252_is_chosen_only_when_the_file_is_not_utf8() -> None:
    text = "Protokoll för Kommunstyrelsen\nTid: 3 maj 2021\nPlats: Rådhuset, Örebro\n"
    decoded = decode(text.encode("cp1252"), "x.txt")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, "cp1252", ())


def test_windows_1252_file_with_a_byte_it_leaves_undefined() -> None:
    text = "Protokoll för Kommunstyrelsen\nTid: 3 maj 2021\nPlats: Rådhuset, Örebro\n"
    data = text.encode("cp1252").replace(b"3 maj", b"3 \x81maj")
    decoded = decode(data, "x.txt")
    assert decoded.encoding == "cp1252"
    assert decoded.text == text.replace("3 maj", "3 \ufffdmaj")
    assert [(w.line, w.message) for w in decoded.warnings] == [
        (2, "invalid Windows-1252 byte 0x81 replaced")
    ]


# --- UTF-16 --------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", SEED_FILES)
def test_utf16_without_bom_parses_the_same(tmp_path: Path, name: str, codec: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    copy = importers.parse_file(write(tmp_path / name, text.encode(codec)))
    original = importers.parse_file(SAMPLES / name)
    assert copy.source.encoding == codec
    assert copy.source.text == original.source.text
    assert copy.source.content_hash == original.source.content_hash
    assert copy.protocol == original.protocol


def test_truncated_utf16_loses_only_its_last_half_character() -> None:
    data = "Rådhuset\nÖrebro".encode("utf-16")[:-1]
    decoded = decode(data, "x.txt")
    assert decoded.encoding == "utf-16"
    assert decoded.text == "Rådhuset\nÖrebr\ufffd"
    assert [(w.line, w.message) for w in decoded.warnings] == [
        (2, "invalid UTF-16 byte 0x6f replaced")
    ]


# --- what is refused -----------------------------------------------------------------------


def test_nul_bytes_that_are_not_utf16_are_still_binary() -> None:
    data = b"Protokoll\n" + bytes(range(256)) * 8
    with pytest.raises(ProtocolError) as caught:
        decode(data, "bild.txt")
    assert caught.value.message == "binary data (NUL bytes), not a text file"
    assert caught.value.line == 2


def test_noise_that_is_no_encoding_is_refused_with_its_line() -> None:
    noise = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 40
    data = "Protokoll för nämnden\nTid: 3 maj 2021\n".encode() + noise
    with pytest.raises(ProtocolError) as caught:
        decode(data, "brus.txt")
    assert caught.value.line == 3
    assert caught.value.message == (
        "not text: neither UTF-8 nor Windows-1252 (200 invalid byte sequences)"
    )
