"""Editing the shown meeting: dialogs, confirmations, and saves in thread workers."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from textual import work

from store.rows import Choices, MeetingDetail, MeetingRow
from tui.i18n import meeting_label, t
from tui.messages import AddRequested, DeleteRequested, EditRequested
from tui.screens.fields import (
    TOGGLED,
    agenda_specs,
    attendee_specs,
    edit_spec,
    officer_specs,
    typed_value,
)
from tui.screens.form import ConfirmScreen, FormScreen
from tui.widgets.meeting_detail import MeetingDetailView
from tui.widgets.meeting_table import MeetingTable

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from store.edits import EditResult

Job = Callable[["Engine"], "EditResult"]
"""One change, run in a worker thread on the engine."""


def edits_module() -> ModuleType:
    """`store.edits`, imported in the worker that first runs a change (never at start)."""
    from store import edits

    return edits


def current_value(detail: MeetingDetail, table_name: str, row_id: int, field: str) -> Any:
    """The value a field of the shown meeting has now."""
    if table_name == "meeting":
        return getattr(detail, field)
    rows = {
        "attendance": detail.attendance,
        "agendaitem": detail.agenda,
        "officer": detail.officers,
        "importwarning": detail.warnings,
    }[table_name]
    row = next((r for r in rows if r.id == row_id), None)
    if row is None:
        return None
    if field == "organization":
        return row.organization_as_written or row.organization  # type: ignore[union-attr]
    if field == "paragraphs":  # the ranges, which the dialog checks; as written if none
        return row.paragraph_numbers or row.paragraphs  # type: ignore[union-attr]
    return getattr(row, field)


def as_text(value: Any) -> str:
    """A value as it is typed: ISO dates, HH:MM times, empty for nothing."""
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return value.isoformat(timespec="minutes")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class EditFlow:
    """Mixed into the meetings screen: turns edit, add and delete requests into saved changes.

    Handlers are named `on_...` (not `@on`): Textual collects `@on` handlers only
    from classes built by its metaclass, and this mixin is not one.
    """

    detail: MeetingDetail | None
    choices: Choices | None = None

    # --- saving --------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="save")
    def save(self, job: Job, done: str) -> None:
        """Run one change (its own transaction, logged) and show the result."""
        result = job(self.engine)  # type: ignore[attr-defined]
        self.deliver(self._saved, result, done)  # type: ignore[attr-defined]

    def _saved(self, result: EditResult, done: str) -> None:
        self.choices = None
        self.notify(done, markup=False)  # type: ignore[attr-defined]
        if (result.table_name, result.field) == ("meeting", "date"):
            self.reload()  # type: ignore[attr-defined]  # its place in the list changed
        elif result.meeting_id is not None:
            self.load_detail(result.meeting_id)  # type: ignore[attr-defined]
            self.refresh_list_row(result.meeting_id)

    @work(thread=True, exit_on_error=False, group="list-row")
    def refresh_list_row(self, meeting_id: int) -> None:
        """Redraw one meeting's row in the list after a change."""
        from store import queries

        row = queries.meeting_row(self.engine, meeting_id)  # type: ignore[attr-defined]
        if row is not None:
            self.deliver(self._redraw_row, row)  # type: ignore[attr-defined]

    def _redraw_row(self, row: MeetingRow) -> None:
        self.query_one(MeetingTable).update_meeting(row)  # type: ignore[attr-defined]

    def with_choices(self, then: Callable[[Choices], None]) -> None:
        """Run `then` with the known parties, organisations and bodies (loaded once per change)."""
        if self.choices is not None:
            then(self.choices)
        else:
            self.load_choices(then)

    @work(thread=True, exclusive=True, exit_on_error=False, group="choices")
    def load_choices(self, then: Callable[[Choices], None]) -> None:
        """Load what a field can be set to."""
        from store import queries

        choices = queries.known_choices(self.engine)  # type: ignore[attr-defined]
        self.deliver(self._got_choices, choices, then)  # type: ignore[attr-defined]

    def _got_choices(self, choices: Choices, then: Callable[[Choices], None]) -> None:
        self.choices = choices
        then(choices)

    # --- editing -------------------------------------------------------------

    def on_edit_requested(self, message: EditRequested) -> None:
        """Flip a yes/no field, or open a dialog for any other."""
        detail = self.detail
        if detail is None:
            return
        now = current_value(detail, message.table_name, message.row_id, message.field)
        if (message.table_name, message.field) in TOGGLED:
            job = _update(message.table_name, message.row_id, message.field, not now)
            self.save(job, toggled_note(detail, message, not now))
            return

        def ask(choices: Choices) -> None:
            spec = edit_spec(message.table_name, message.field, as_text(now), choices)
            title = t("edit.title", field=spec.label.lower())
            self.app.push_screen(
                FormScreen(title, [spec]), lambda values: self._edited(message, values, choices)
            )  # type: ignore[attr-defined]

        self.with_choices(ask)

    def _edited(
        self, message: EditRequested, values: dict[str, str] | None, choices: Choices
    ) -> None:
        if values is None:
            return
        value = typed_value(message.field, values[message.field])
        new_thing = _unknown(message.table_name, message.field, value, choices)
        job = _edit_job(message.table_name, message.row_id, message.field, value, bool(new_thing))
        label = edit_spec(message.table_name, message.field, value, choices).label
        done = t("saved.field", field=label.lower(), meeting=self._meeting_named())
        if new_thing:
            self.confirm(new_thing, lambda: self.save(job, done))
        else:
            self.save(job, done)

    def confirm(self, question: str, then: Callable[[], None]) -> None:
        """Ask a yes/no question; run `then` on yes."""
        self.app.push_screen(ConfirmScreen(question), lambda yes: then() if yes else None)  # type: ignore[attr-defined]

    # --- adding and deleting -------------------------------------------------

    def on_add_requested(self, message: AddRequested) -> None:
        """Open the dialog for a new row of the asked-for table."""
        detail = self.detail
        if detail is None:
            return

        def ask(choices: Choices) -> None:
            if message.table_name == "attendance":
                title, specs = t("add.attendee"), attendee_specs(choices)
            elif message.table_name == "officer":
                title, specs = t("add.officer"), officer_specs(choices)
            else:
                title, specs = (
                    t("add.item"),
                    agenda_specs(max((i.number for i in detail.agenda), default=0) + 1),
                )
            self.app.push_screen(
                FormScreen(title, specs),
                lambda values: self._added(message.table_name, detail.id, values, choices),
            )  # type: ignore[attr-defined]

        self.with_choices(ask)

    def _added(
        self, table_name: str, meeting_id: int, values: dict[str, str] | None, choices: Choices
    ) -> None:
        if values is None:
            return
        new_org = _unknown("attendance", "organization", values.get("organization", ""), choices)
        new_party = _unknown("attendance", "party", values.get("party", ""), choices)
        job = _add_job(table_name, meeting_id, values, create=bool(new_org))
        question = (
            " ".join(q for q in (new_org, new_party) if q) if table_name == "attendance" else ""
        )
        what = values.get("name_as_written") or values.get("title", "")
        done = t("added", what=what, meeting=self._meeting_named())
        if question:
            self.confirm(question, lambda: self.save(job, done))
        else:
            self.save(job, done)

    def on_delete_requested(self, message: DeleteRequested) -> None:
        """Ask, then delete the row (undo brings it back)."""
        table_name, row_id = message.table_name, message.row_id
        job: Job = lambda engine: edits_module().delete_row(engine, table_name, row_id)  # noqa: E731
        done = t("deleted", what=message.label, meeting=self._meeting_named())
        self.confirm(
            t("delete.confirm", what=message.label, meeting=self._meeting_named()),
            lambda: self.save(job, done),
        )

    def _meeting_named(self) -> str:
        detail = self.detail
        return meeting_label(detail.date, detail.body) if detail else ""

    # --- the palette's way in ------------------------------------------------

    def _table_action(self, action: str) -> None:
        table = self.query_one(MeetingDetailView).active_table  # type: ignore[attr-defined]
        if table is not None:
            getattr(table, f"action_{action}")()

    def edit_current(self) -> None:
        """Edit the field under the detail's cursor."""
        self._table_action("edit")

    def add_current(self) -> None:
        """Add a row to the detail's shown table."""
        self._table_action("add")

    def delete_current(self) -> None:
        """Delete the row under the detail's cursor."""
        self._table_action("delete")

    def source_current(self) -> None:
        """Show the source of the row under the detail's cursor."""
        self._table_action("source")


def _paragraphs() -> ModuleType:
    from store import paragraphs

    return paragraphs


def _update(table_name: str, row_id: int, field: str, value: Any) -> Job:
    return lambda engine: edits_module().update_field(engine, table_name, row_id, field, value)


def _edit_job(table_name: str, row_id: int, field: str, value: str, create: bool) -> Job:
    """The store call that makes one edit."""
    if table_name == "meeting" and field == "body":
        return lambda engine: edits_module().set_body(engine, row_id, value, create=create)
    if field == "name_as_written":
        return lambda engine: edits_module().rename_attendee(engine, table_name, row_id, value)
    if field == "organization":
        return lambda engine: edits_module().set_organization(engine, row_id, value, create=create)
    if field == "paragraphs":
        return lambda engine: _paragraphs().set_paragraphs(engine, row_id, value)
    if field == "party":
        return _update(table_name, row_id, field, value.upper())
    return _update(table_name, row_id, field, value)


def _add_job(table_name: str, meeting_id: int, values: dict[str, str], *, create: bool) -> Job:
    """The store call that adds one row."""
    if table_name == "attendance":
        return lambda engine: edits_module().add_attendee(
            engine,
            meeting_id,
            values["name_as_written"],
            party=values["party"].strip().upper() or None,
            organization=values["organization"].strip() or None,
            role=values["role"],
            present=values["present"] == "yes",
            create_organization=create,
        )
    if table_name == "officer":
        return lambda engine: edits_module().add_officer(
            engine, meeting_id, values["role"], values["name_as_written"]
        )
    return lambda engine: edits_module().add_agenda_item(
        engine, meeting_id, int(values["number"]), values["title"]
    )


def _unknown(table_name: str, field: str, value: str, choices: Choices) -> str:
    """A question to confirm a value nobody has used yet, or "" if it is known."""
    value = value.strip()
    if not value:
        return ""
    if field == "party":
        known_party = value.upper() in choices.parties
        return "" if known_party else t("confirm.new_party", party=value.upper())
    if field == "organization":
        known = {n.casefold() for n in choices.organization_spellings}
        return "" if value.casefold() in known else t("confirm.new_org", name=value)
    if field == "body" and table_name == "meeting":
        known = {n.casefold() for _, n in choices.bodies}
        return "" if value.casefold() in known else t("confirm.new_body", name=value)
    return ""


def toggled_note(detail: MeetingDetail, message: EditRequested, value: bool) -> str:
    """What a flipped yes/no field now says, naming the row and the meeting."""
    meeting = meeting_label(detail.date, detail.body)
    if message.table_name == "attendance":
        row = next((a for a in detail.attendance if a.id == message.row_id), None)
        name = row.name_as_written if row else ""
        return t("saved.present" if value else "saved.absent", name=name, meeting=meeting)
    if message.table_name == "importwarning":
        row = next((w for w in detail.warnings if w.id == message.row_id), None)
        line = row.line if row and row.line else "?"
        return t("saved.resolved" if value else "saved.reopened", line=line, meeting=meeting)
    return t("saved.reviewed" if value else "saved.unreviewed", meeting=meeting)
