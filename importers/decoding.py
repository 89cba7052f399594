"""Decoding a file's bytes to text, and saying how it was done and what did not fit.

UTF-8 unless the file is plainly not UTF-8: a UTF-8 file with a few stray bytes
keeps its UTF-8 (each stray byte becomes U+FFFD, with a warning naming its
line), and Windows-1252 is chosen only when its non-ASCII bytes are mostly not
UTF-8 (the five bytes Windows-1252 leaves undefined are then replaced and warned
about in the same way). UTF-16 is found by its byte-order mark or,
without one, by its pattern of NUL bytes (Swedish text in UTF-16 has a NUL in
almost every other byte).

charset-normalizer is not used: the files are UTF-8, UTF-16 or Windows-1252 in
practice, telling those apart needs only the rules here, and a statistical
guess on a short protocol could pick a wrong code page without saying so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from importers.records import ParseWarning, ProtocolError

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
          "utf-16-be": "UTF-16", "cp1252": "Windows-1252"}  # fmt: skip
"""How the warnings name each encoding."""
_NUL_SHARE = 0.6
"""UTF-16 without a BOM: at least this share of the bytes in one position is NUL ..."""
_OTHER_NUL_SHARE = 0.1
"""... and at most this share in the other position."""
_MAX_REPLACED_SHARE = 0.2
"""More replaced characters than this share of the text: not a text file in that encoding."""


@dataclass(frozen=True)
class Decoded:
    """A file's text (line breaks made `\\n`), the encoding it was read as, and what went wrong."""

    text: str
    encoding: str
    warnings: tuple[ParseWarning, ...] = ()


def decode(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes; raise `ProtocolError` (naming `name`) when it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _replacing(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        return _replacing(data[2:], codec, "utf-16", name)
    unmarked_utf16 = _utf16_without_bom(data)
    if unmarked_utf16 is not None:
        return _replacing(data, unmarked_utf16, unmarked_utf16, name)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ProtocolError(name, "binary data (NUL bytes), not a text file", line)
    try:  # the common case, valid UTF-8 throughout, costs one decode
        return Decoded(_normalise_breaks(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_not_utf8(data):
        return _replacing(data, "cp1252", "cp1252", name)
    return _replacing(data, "utf-8", "utf-8", name)


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when most bytes on one side of each pair are NUL."""
    sample = data[:65_536]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = (
        sample[0 : 2 * pairs : 2].count(0) / pairs,
        sample[1 : 2 * pairs : 2].count(0) / pairs,
    )
    if odd >= _NUL_SHARE and even <= _OTHER_NUL_SHARE:
        return "utf-16-le"
    if even >= _NUL_SHARE and odd <= _OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def _mostly_not_utf8(data: bytes) -> bool:
    """More stray high bytes than valid UTF-8 multi-byte sequences: written in another encoding."""
    if data.isascii():
        return False
    valid = _UTF8_MULTIBYTE.findall(data)
    high_bytes = len(data) - len(data.translate(None, _HIGH_BYTES))
    invalid = high_bytes - sum(len(sequence) for sequence in valid)
    return invalid > len(valid)


def _replacing(data: bytes, codec: str, encoding: str, name: str) -> Decoded:
    """Decode as `codec`, each undecodable sequence replaced by U+FFFD with a warning."""
    text, bad = _decode_collecting(data, codec)
    if len(bad) > max(8, len(text) * _MAX_REPLACED_SHARE):
        line = _line_of(text, bad[0][0])
        tried = (
            "neither UTF-8 nor Windows-1252" if encoding == "cp1252" else f"not {_NAMES[encoding]}"
        )
        message = f"not text: {tried} ({len(bad)} invalid byte sequences)"
        raise ProtocolError(name, message, line)
    return Decoded(_normalise_breaks(text), encoding, _replacement_warnings(text, bad, encoding))


def _decode_collecting(data: bytes, codec: str) -> tuple[str, list[tuple[int, bytes]]]:
    """The text, and (index in the text, bytes replaced) for each replaced sequence."""
    view = memoryview(data)
    pieces: list[str] = []
    bad: list[tuple[int, bytes]] = []
    start, length = 0, 0
    while True:
        try:
            pieces.append(str(view[start:], codec))
            return "".join(pieces), bad
        except UnicodeDecodeError as error:
            good = str(view[start : start + error.start], codec)
            pieces += [good, "\ufffd"]
            length += len(good)
            bad.append((length, bytes(view[start + error.start : start + error.end])))
            length += 1
            start += error.end


def _replacement_warnings(
    text: str, bad: list[tuple[int, bytes]], encoding: str
) -> tuple[ParseWarning, ...]:
    """One warning per line with replaced bytes, naming each byte."""
    by_line: dict[int, list[str]] = {}
    line, counted_to = 1, 0
    for index, raw in bad:
        line += len(_LINE_BREAK.findall(text, counted_to, index))
        counted_to = index
        by_line.setdefault(line, []).extend(f"0x{byte:02x}" for byte in raw)
    label = _NAMES[encoding]
    return tuple(
        ParseWarning(number, f"invalid {label} {_bytes_word(found)} {', '.join(found)} replaced")
        for number, found in by_line.items()
    )


def _bytes_word(found: list[str]) -> str:
    return "byte" if len(found) == 1 else "bytes"


def _line_of(text: str, index: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, index)) + 1


def _normalise_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
