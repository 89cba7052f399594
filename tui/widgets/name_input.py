"""The people search field: names have no digits, so 1 2 3 4 still switch views."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

VIEW_KEYS = frozenset("1234")


class NameInput(Input):
    """An `Input` for names that leaves the view keys (1-4) to the app."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """The view keys are not typed: they switch views."""
        if character is not None and character in VIEW_KEYS:
            return False
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character in VIEW_KEYS:
            event.prevent_default()  # Input's own handler would type it; let it bubble
            return
        await super()._on_key(event)
