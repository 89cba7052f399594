"""Helpers for driving the app with Pilot: waiting for thread workers to land."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

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
