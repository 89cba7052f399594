"""A stand-in for a view that is not available in this install."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.widgets.mode_bar import ModeBar


class PlaceholderScreen(Screen):
    """Says why the view is missing; the rest of the app works as usual."""

    def __init__(self, mode: str, reason: str) -> None:
        super().__init__()
        self.mode = mode
        self.reason = reason

    def compose(self) -> ComposeResult:
        """The mode bar, the reason, the footer."""
        yield ModeBar(self.mode)
        yield Static(Text(self.reason), classes="placeholder")
        yield Footer()
