"""Tab-completion of file and folder paths in an input."""

from __future__ import annotations

from pathlib import Path

from textual.suggester import Suggester


class PathSuggester(Suggester):
    """Suggests the first file or folder that completes the last path typed.

    Several paths can be given, separated by `;`: only the last is completed.
    """

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """The value with its last path completed, or None."""
        head, sep, last = value.rpartition(";")
        typed = last.lstrip()
        if not typed:
            return None
        path = Path(typed).expanduser()
        folder, stem = (path, "") if typed.endswith(("/", "\\")) else (path.parent, path.name)
        try:
            names = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir())
        except OSError:
            return None
        match = next((n for n in names if n.startswith(stem) and not n.startswith(".")), None)
        if match is None or match == stem:
            return None
        completed = typed[: len(typed) - len(stem)] + match
        return f"{head}{sep}{last[: len(last) - len(typed)]}{completed}"
