"""`protokoll import` on a terminal: a progress bar, and every warning printed.

A real process whose stderr is a real pseudo-terminal; warnings are drawn in
batches with the bar (at most ten times a second), so none may be lost.
"""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

from tests.store.protocol_files import PROTOKOLL, protocol_text

FILES = 30


def terminal_output(*args: str) -> tuple[int, str]:
    """Run protokoll with stderr on a pseudo-terminal; its status and what the terminal got."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [*PROTOKOLL, *args],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={**os.environ, "COLUMNS": "200", "TERM": "xterm"},
    )
    os.close(slave)
    received = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed (Linux says EIO)
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return process.wait(timeout=60), received.decode("utf-8", "replace")


def test_every_warning_reaches_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(FILES):
        text = protocol_text(index, attendees=4, items=2).replace("Plats:", "Plats:\x07")
        (folder / f"{index:03d}.txt").write_text(text, encoding="utf-8")
    status, shown = terminal_output("--db", str(tmp_path / "t.db"), "import", str(folder))
    assert status == 0
    warnings = [line for line in shown.splitlines() if "(\\x07)" in line]
    assert len(warnings) == FILES, "one warning per file, in whatever language"
    for index in range(FILES):
        where = f"{folder / f'{index:03d}.txt'}:3: "
        assert sum(where in line for line in warnings) == 1, where
