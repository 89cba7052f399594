"""A dialog of fields, checked as they are typed: edits one field or adds a row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tui.i18n import t
from tui.terminal_text import safe_text, terminal_safe

Check = Callable[[str], str | None]
"""Returns what is wrong with a value, or None when it is fine."""
MAX_OFFERED = 50


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form."""

    name: str
    label: str
    value: str = ""
    check: Check | None = None
    suggestions: tuple[str, ...] = ()
    """Known values, offered below the field as it is typed."""
    choices: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs: the field is a choice, not typed."""
    multiline: bool = False
    hint: str = ""


class FormScreen(ModalScreen[dict[str, str] | None]):
    """Fields in a dialog; dismissed with the values, or None if cancelled.

    | Key | Action |
    | :- | :- |
    | ctrl+s | Save. |
    | enter | Next field; save on the last. |
    | escape | Cancel. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save", priority=True, tooltip="tip.save"),
        Binding("escape", "cancel", "key.cancel", tooltip="tip.cancel"),
    ]

    def __init__(self, title: str, fields: list[FieldSpec]) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields

    def compose(self) -> ComposeResult:
        """Title, one block per field, then the buttons."""
        with Vertical(classes="dialog"):
            yield Label(safe_text(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                for spec in self.fields:
                    yield from self._field(spec)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("button.save"), variant="primary", id="save", compact=True)
                yield Button(t("button.cancel"), id="cancel", compact=True)

    def _field(self, spec: FieldSpec) -> ComposeResult:
        yield Label(Text(spec.label), classes="field-label")
        if spec.choices:
            options = [(safe_text(label), value) for label, value in spec.choices]
            yield Select(
                options, value=spec.value, allow_blank=False, id=f"field-{spec.name}", compact=True
            )
        elif spec.multiline:
            yield TextArea(
                terminal_safe(spec.value),
                id=f"field-{spec.name}",
                classes="field-text",
                soft_wrap=True,
                compact=True,
            )
        else:
            suggester = (
                SuggestFromList(spec.suggestions, case_sensitive=False)
                if spec.suggestions
                else None
            )
            yield Input(
                terminal_safe(spec.value),
                id=f"field-{spec.name}",
                suggester=suggester,
                select_on_focus=False,
                compact=True,
            )
            if spec.suggestions:
                yield OptionList(id=f"offer-{spec.name}", classes="field-offers")
        yield Static(Text(spec.hint, style="dim"), id=f"error-{spec.name}", classes="field-error")

    def on_mount(self) -> None:
        """Check the starting values and offer the known ones."""
        for spec in self.fields:
            self._recheck(spec, spec.value)
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def values(self) -> dict[str, str]:
        """The values as they stand."""
        found: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Select):
                found[spec.name] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                found[spec.name] = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        return found

    def problems(self) -> dict[str, str]:
        """What is wrong, by field name."""
        values = self.values()
        found = {}
        for spec in self.fields:
            problem = spec.check(values[spec.name]) if spec.check else None
            if problem:
                found[spec.name] = problem
        return found

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        spec = self._spec_of(event.input.id)
        if spec is not None:
            self._recheck(spec, event.value)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        spec = self._spec_of(event.text_area.id)
        if spec is not None:
            self._recheck(spec, event.text_area.text)

    def _spec_of(self, widget_id: str | None) -> FieldSpec | None:
        name = (widget_id or "").removeprefix("field-")
        return next((s for s in self.fields if s.name == name), None)

    def _recheck(self, spec: FieldSpec, value: str) -> None:
        problem = spec.check(value) if spec.check else None
        error = self.query_one(f"#error-{spec.name}", Static)
        error.update(Text(problem, style="bold") if problem else Text(spec.hint, style="dim"))
        error.set_class(bool(problem), "-invalid")
        if spec.suggestions:
            self._offer(spec, value)

    def _offer(self, spec: FieldSpec, value: str) -> None:
        folded = value.strip().casefold()
        matches = [s for s in spec.suggestions if folded in s.casefold()][:MAX_OFFERED]
        offers = self.query_one(f"#offer-{spec.name}", OptionList)
        offers.clear_options()
        offers.add_options([Option(safe_text(m), id=str(i)) for i, m in enumerate(matches)])
        # Nothing offered before typing: a list of every value would hide the fields below.
        offers.display = bool(folded) and bool(matches) and matches != [value.strip()]

    @on(OptionList.OptionSelected)
    def _offer_taken(self, event: OptionList.OptionSelected) -> None:
        name = (event.option_list.id or "").removeprefix("offer-")
        field = self.query_one(f"#field-{name}", Input)
        field.value = str(event.option.prompt)
        field.focus()

    def on_key(self, event: events.Key) -> None:
        """`down` in a field with offers moves into them."""
        focused = self.focused
        if event.key == "down" and isinstance(focused, Input):
            offers = self.query(f"#offer-{(focused.id or '').removeprefix('field-')}")
            if offers and offers.first().display:
                offers.first().focus()
                event.stop()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        inputs = [
            w for w in self.query("Input, Select, TextArea") if w.id and w.id.startswith("field-")
        ]
        index = inputs.index(event.input) if event.input in inputs else -1
        if 0 <= index < len(inputs) - 1:
            inputs[index + 1].focus()
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Dismiss with the values, unless one is wrong."""
        problems = self.problems()
        if problems:
            name = next(iter(problems))
            self.query_one(f"#field-{name}").focus()
            self.notify(problems[name], severity="error", markup=False)
            return
        self.dismiss(self.values())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Dismiss without values."""
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question.

    | Key | Action |
    | :- | :- |
    | y | Yes. |
    | n, escape | No. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,j", "answer(True)", "key.yes", tooltip="tip.yes"),
        Binding("n,escape", "answer(False)", "key.no", tooltip="tip.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(classes="dialog confirm"):
            yield Static(safe_text(self.question), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("button.yes"), variant="primary", id="yes", compact=True)
                yield Button(t("button.no"), id="no", compact=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Dismiss with the answer."""
        self.dismiss(answer)
