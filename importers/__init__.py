"""Reading protocol files and parsing them into plain records.

Nothing here touches a database or a screen: `store` loads what this produces.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from importers.document import Document, DocumentLine
from importers.protocol import parse_document, parse_text
from importers.reading import find_protocol_files, read_source
from importers.records import ParsedFile, ProtocolError

__all__ = ["Document", "DocumentLine", "ParsedFile", "ProtocolError", "find_protocol_files",
           "parse_document", "parse_file", "parse_text", "read_source"]  # fmt: skip


def parse_file(path: str | Path) -> ParsedFile:
    """Read, normalise and parse one protocol file; decoding's warnings join the parser's."""
    source = read_source(path)
    protocol = parse_text(source.text, source.path)
    if source.warnings:
        warnings = sorted((*source.warnings, *protocol.warnings), key=lambda w: w.line or 0)
        protocol = dataclasses.replace(protocol, warnings=tuple(warnings))
    return ParsedFile(source=source, protocol=protocol)
