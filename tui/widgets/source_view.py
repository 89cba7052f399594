"""The original text of a protocol, read-only, with the chosen lines highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from tui.i18n import t
from tui.terminal_text import terminal_safe

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252")
"""The encodings the importer records; each is named to the reader by the catalogue."""


def encoding_line(encoding: str | None) -> Text:
    """The line above the source text: how the file was decoded."""
    if encoding is None:
        return Text("")
    name = t(f"encoding.{encoding}") if encoding in ENCODINGS else encoding
    return Text(t("source.encoding", name=name), style="dim")


class SourceView(TextArea):
    """The source document as plain text (never markup), with line numbers."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(read_only=True, show_line_numbers=True, soft_wrap=True, **kwargs)  # type: ignore[arg-type]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Leave ctrl+z and ctrl+y to the app: nothing here can be undone."""
        if action in ("undo", "redo"):
            return False
        return super().check_action(action, parameters)

    def show_text(self, text: str) -> None:
        """Show another document, if it is another one."""
        text = terminal_safe(text)
        if text != self.text:
            self.load_text(text)

    def show_lines(self, first: int, last: int) -> None:
        """Select 1-based lines `first`..`last`, and scroll the first near the top."""
        count = self.document.line_count
        top, bottom = max(first - 1, 0), min(max(last, first) - 1, count - 1)
        if not count or top > bottom:
            return
        self.selection = Selection((bottom, len(self.document[bottom])), (top, 0))
        self.call_after_refresh(self._scroll_to_line, top)

    def _scroll_to_line(self, line: int) -> None:
        """Scroll so `line` sits a little below the top (wrapped lines counted)."""
        y = self.wrapped_document.location_to_offset((line, 0)).y
        self.scroll_to(x=0, y=max(y - 2, 0), animate=False)
