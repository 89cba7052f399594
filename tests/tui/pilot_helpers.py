"""Helpers for driving the app with Pilot: waiting for thread workers to land."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Callable

from textual.app import App
from textual.css.query import QueryError
from textual.pilot import Pilot

WIDE = (120, 40)


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Let the app run until `condition()` is true (workers run in threads)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not _holds(condition):
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {condition.__doc__ or condition}")
        await pilot.pause(0.02)


def _holds(condition: Callable[[], object]) -> bool:
    try:
        return bool(condition())
    except (QueryError, LookupError):  # a widget or row not there yet
        return False


def screen_text(app: App) -> str:
    """What the terminal shows now, line by line (read from the app's own screenshot)."""
    svg = app.export_screenshot()
    lines: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text[^>]* y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        lines.setdefault(float(y), []).append(html.unescape(text))
    # Parts joined by a space: neighbouring widgets (tabs, footer keys) never run together.
    return "\n".join(" ".join(parts) for _, parts in sorted(lines.items())).replace("\xa0", " ")
