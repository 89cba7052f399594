"""Reading protocol files and parsing them into plain records.

Nothing here touches a database or a screen: `store` loads what this produces.
"""

from __future__ import annotations

from pathlib import Path

from importers.document import Document, DocumentLine
from importers.protocol import parse_document, parse_text
from importers.reading import find_protocol_files, read_document, read_source
from importers.records import ParsedFile, ProtocolError, SourceText

__all__ = ["Document", "DocumentLine", "ParsedFile", "ProtocolError", "find_protocol_files",
           "parse_document", "parse_file", "parse_text", "read_source"]  # fmt: skip


def parse_file(path: str | Path) -> ParsedFile:
    """Read (text, Markdown, PDF or Word), normalise and parse one protocol file."""
    document = read_document(path)
    source = SourceText(
        path=document.path,
        text=document.text,
        encoding=document.encoding,
        content_hash=document.content_hash,
        warnings=document.warnings,
    )
    return ParsedFile(source=source, protocol=parse_document(document))
