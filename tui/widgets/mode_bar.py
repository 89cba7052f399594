"""The line at the top: which view is shown, and the keys to the others."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

MODES = (("meetings", "1 Meetings"), ("people", "2 People"), ("reconcile", "3 Reconcile"))


class ModeBar(Horizontal):
    """The app's name and its three views, the shown one marked."""

    def __init__(self, active: str) -> None:
        super().__init__(classes="mode-bar")
        self.active = active

    def compose(self) -> ComposeResult:
        """One label per view."""
        yield Label(Text("protokoll"), classes="app-name")
        for mode, title in MODES:
            yield Label(Text(title), classes="mode -active" if mode == self.active else "mode")
        yield Label(Text("? help  ctrl+p commands"), classes="mode-hint")
