"""The facets dialog: narrow the meetings list by council, year and yes/no facts, with counts."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from store.rows import FLAGS, Facets, ListFilter
from tui.i18n import t


def facet_options(facets: Facets, chosen: ListFilter) -> list[Option | None]:
    """One option per facet value, with its count; the chosen ones marked (None: a separator)."""
    options: list[Option | None] = []
    for body_id, name, count in facets.councils:
        options.append(_option(f"council:{body_id}", t("facet.council", name=name), count,
                               chosen.council == body_id))  # fmt: skip
    options.append(None)
    for year, count in facets.years:
        options.append(_option(f"year:{year}", t("facet.year", year=year), count,
                               chosen.year == year))  # fmt: skip
    for name in FLAGS:
        options.append(None)
        yes, no = facets.flags[name]
        value = getattr(chosen, name)
        options.append(_option(f"{name}:yes", t(f"facet.{name}.yes"), yes, value is True))
        options.append(_option(f"{name}:no", t(f"facet.{name}.no"), no, value is False))
    return options


def _option(option_id: str, label: str, count: int, chosen: bool) -> Option:
    text = Text("● " if chosen else "  ", style="bold")
    text.append(label, style="bold" if chosen else "")
    text.append(f"  {count}", style="dim")
    return Option(text, id=option_id, disabled=count == 0 and not chosen)


def toggled(chosen: ListFilter, option_id: str) -> ListFilter:
    """The filter with one facet value set, or let go if it was set."""
    facet, _, value = option_id.partition(":")
    if facet in ("council", "year"):
        wanted: object = int(value)
    else:
        wanted = value == "yes"
    return replace(chosen, **{facet: None if getattr(chosen, facet) == wanted else wanted})


class FacetScreen(ModalScreen[ListFilter | None]):
    """Pick a facet value; the list shows only the meetings it holds. Picked again, it goes.

    | Key | Action |
    | :- | :- |
    | enter | Set (or let go) the highlighted facet. |
    | escape | Close. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close", tooltip="tip.close")
    ]

    def __init__(self, facets: Facets, chosen: ListFilter) -> None:
        super().__init__()
        self.facets = facets
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        """A title and the facet values."""
        with Vertical(classes="dialog"):
            yield Label(Text(t("facet.title", count=self.facets.total)), classes="dialog-title")
            yield OptionList(*facet_options(self.facets, self.chosen), id="facet-options")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(toggled(self.chosen, event.option.id))

    def action_close(self) -> None:
        """Close without changing the filter."""
        self.dismiss(None)
