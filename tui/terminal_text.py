"""Text from documents and the database, made safe to put on a terminal.

The importer removes control characters, but a database written by an older
protokoll (or edited by hand) may still hold them, and file names can hold
anything. Whatever of that reaches the terminal, in the app or from the CLI,
goes through `terminal_safe` first: a control character becomes a visible
stand-in (`\\x1b` → `␛`), so the terminal never obeys it and the reader still
sees that something was there.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

import typer
from rich.text import Text

_CONTROL = re.compile(r"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_WITH_NEWLINES = re.compile(r"[\x00-\x08\n-\x1f\x7f-\x9f]")
_DEL_PICTURE = "\u2421"  # ␡
_NEWLINE_PICTURE = "\u2424"  # ␤


def terminal_safe(text: str, *, newlines: bool = True) -> str:
    """`text` with every control character shown instead of obeyed.

    C0 controls become their Unicode pictures (ESC → `␛`, NUL → `␀`), DEL `␡`,
    C1 controls `\\x9b`-style escapes. Tab stays, and so do line ends unless
    `newlines=False` (for one-line messages, where a newline in a file name
    must not start what looks like another message).
    """
    pattern = _CONTROL if newlines else _CONTROL_WITH_NEWLINES
    return pattern.sub(_stand_in, text) if pattern.search(text) else text


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code == 0x0A:
        return _NEWLINE_PICTURE
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return _DEL_PICTURE
    return f"\\x{code:02x}"


def safe_text(value: object, **style: Any) -> Text:
    """A `rich.text.Text` of document or database text: never markup, never a control."""
    return Text(terminal_safe(str(value)), **style)


def echo(message: str, *, err: bool = False) -> None:
    """`typer.echo` of one message line that may hold file names or names from documents."""
    typer.echo(terminal_safe(message, newlines=False), err=err)


class TerminalSafeWriter:
    """A text stream that writes through `terminal_safe`: for CSV printed to a terminal.

    Line ends (`\\r\\n` included) and tabs pass unchanged, so the CSV stays CSV.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write `text` with its control characters made visible."""
        self.stream.write(terminal_safe(text))
        return len(text)
