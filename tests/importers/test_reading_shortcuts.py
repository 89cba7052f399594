"""The shortcuts reading a text file takes for speed give what the full path gives."""

from __future__ import annotations

import pytest

from importers.control_chars import has_controls
from importers.document import DocumentLine
from importers.markup import text_lines
from importers.reading import _CONTROL as BINARY_SIGNS
from importers.reading import read_source
from importers.records import ProtocolError


def test_every_character_the_binary_check_counts_is_a_control_that_is_looked_for() -> None:
    counted = [chr(code) for code in range(0x10000) if BINARY_SIGNS.match(chr(code))]
    assert counted and all(has_controls(f"text {c} text") for c in counted)


def test_plain_lines_are_document_lines_with_every_default() -> None:
    lines = text_lines("Närvarande:\tAnna Berg\n\nBo Ek   (S)  \n")
    assert lines == (
        DocumentLine(("Närvarande:", "Anna Berg")),
        DocumentLine(()),
        DocumentLine(("Bo Ek   (S)",)),
        DocumentLine(()),
    )
    assert all(type(line) is DocumentLine and line.page is None for line in lines)


def test_a_binary_file_is_still_refused_and_a_stray_control_still_warned(tmp_path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"Protokoll\n" + bytes(range(1, 9)) * 40)
    with pytest.raises(ProtocolError, match="binary data"):
        read_source(binary)
    stray = tmp_path / "stray.txt"
    stray.write_bytes(b"Protokoll\nDatum: 2024-01-02\x1b[2J\n")
    source = read_source(stray)
    assert "\x1b" not in source.text
    assert [w.line for w in source.warnings] == [2]
