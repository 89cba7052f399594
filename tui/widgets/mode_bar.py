"""The bar at the top: which view is shown, and the keys to the others."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from tui.i18n import t

MODES = ("meetings", "people", "reconcile", "history")


class ModeBar(Horizontal):
    """The app's name and its views, the shown one marked."""

    def __init__(self, active: str) -> None:
        super().__init__(classes="mode-bar")
        self.active = active

    def compose(self) -> ComposeResult:
        """One label per view."""
        yield Label(Text("protokoll"), classes="app-name")
        for number, mode in enumerate(MODES, start=1):
            title = Text(f"{number} {t(f'mode.{mode}')}")
            yield Label(title, classes="mode -active" if mode == self.active else "mode")
        yield Label(Text(t("modebar.hint")), classes="mode-hint")
