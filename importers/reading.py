"""Reading protocol files: finding them, and decoding them to text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from importers.control_chars import strip_controls_with_warnings
from importers.decoding import Decoded, decode
from importers.records import ProtocolError, SourceText

PROTOCOL_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
MAX_FILE_BYTES = 16 * 1024 * 1024
"""Far above any real protocol (the seeds are ~10 kB); beyond it a file is not a protocol."""

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file, not text: convert it to text first (PDF import is not supported yet)"),
    (b"PK\x03\x04", "a ZIP container (Word .docx?), not text: save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc?), not text: save it as plain text first"),
    (b"{\\rtf", "an RTF document, not plain text: save it as plain text first"),
)


def find_protocol_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (recursively) into protocol files, in a stable order.

    A file named explicitly is kept whatever its suffix, so that reading it can
    say what is wrong with it; inside folders only `.txt`/`.md` files count and
    hidden files and folders are skipped.
    """
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if child.is_file() and child.suffix.lower() in PROTOCOL_SUFFIXES:
                    found[child] = None
        else:
            found[path] = None
    return sorted(found)


def read_source(path: str | Path) -> SourceText:
    """Read and decode one file; raise `ProtocolError` for what cannot be a protocol.

    Control characters are removed from the text; the warnings say where, and
    where bytes did not fit the encoding.
    """
    name = str(path)
    data = _read_bytes(Path(path))
    if not data.strip():
        raise ProtocolError(name, "the file is empty")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ProtocolError(name, f"this is {what}", 1)
    decoded = decode_bytes(data, name)
    _refuse_binary(decoded.text, name)
    text, removed = strip_controls_with_warnings(decoded.text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    warnings = tuple(sorted((*decoded.warnings, *removed), key=lambda w: w.line or 0))
    return SourceText(name, text, decoded.encoding, digest, warnings)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            megabytes = size / (1024 * 1024)
            raise ProtocolError(
                str(path), f"the file is {megabytes:.1f} MB, too large to be a protocol"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ProtocolError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ProtocolError(str(path), "this is a folder, not a file") from None
    except OSError as error:
        raise ProtocolError(str(path), f"cannot read the file: {error.strerror}") from None


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes: the text, its encoding, and warnings for bytes that did not fit."""
    return decode(data, name)


def _refuse_binary(text: str, name: str) -> None:
    sample = text[:20_000]
    controls = [i for i, ch in enumerate(sample) if ord(ch) < 32 and ch not in "\t\n\f\v"]
    if len(controls) > max(8, len(sample) // 200):
        line = sample.count("\n", 0, controls[0]) + 1
        raise ProtocolError(name, "binary data (control characters), not a text file", line)
