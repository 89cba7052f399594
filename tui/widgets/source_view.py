"""The original text of a protocol, read-only, with the chosen lines highlighted."""

from __future__ import annotations

from textual.widgets import TextArea
from textual.widgets.text_area import Selection


class SourceView(TextArea):
    """The source document as plain text (never markup), with line numbers."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(read_only=True, show_line_numbers=True, soft_wrap=False, **kwargs)  # type: ignore[arg-type]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Leave ctrl+z and ctrl+y to the app: nothing here can be undone."""
        if action in ("undo", "redo"):
            return False
        return super().check_action(action, parameters)

    def show_text(self, text: str) -> None:
        """Show another document, if it is another one."""
        if text != self.text:
            self.load_text(text)

    def show_lines(self, first: int, last: int) -> None:
        """Select 1-based lines `first`..`last` and scroll them to the middle."""
        count = self.document.line_count
        if not count:
            return
        top, bottom = max(first - 1, 0), min(max(last, first) - 1, count - 1)
        if top > bottom:
            return
        self.selection = Selection((top, 0), (bottom, len(self.document[bottom])))
        self.scroll_cursor_visible(center=True)
        self.call_after_refresh(self.scroll_cursor_visible, True)
