"""Turn a `MeetingDetail` into the rows of the detail tables (no widgets here)."""

from __future__ import annotations

from rich.text import Text

from store.rows import AgendaRow, AttendanceRow, MeetingDetail, WarningRow
from tui.i18n import t
from tui.store_words import told
from tui.terminal_text import terminal_safe
from tui.widgets.record_table import Column, RowRef, cell

Rows = list[tuple[str, RowRef, list[Text]]]


def role_name(role: str) -> str:
    """How a role is shown: `ledamot`, `ersättare`, `ordförande` (in English: member, …)."""
    key = f"role.{role}"
    return t(key) if key in _ROLES else role


_ROLES = {f"role.{r}" for r in ("member", "substitute", "other", "chair", "secretary", "adjuster")}

OVERVIEW_COLUMNS = [Column("col.field", "label", width=16), Column("col.value", "value")]
ATTENDANCE_COLUMNS = [
    Column("col.name_as_written", "name_as_written"),
    Column("col.party", "party", width=5),
    Column("col.role", "role", width=10),
    Column("col.present", "present", width=10),
    Column("col.paragraphs", "paragraphs", width=9),
    Column("col.organization", "organization"),
    Column("col.function", "function", width=14),
    Column("col.person_otherwise", "person", editable=False),
]
AGENDA_COLUMNS = [
    Column("col.number", "number", width=3),
    Column("col.title", "title"),
    Column("col.text", "body"),
    Column("col.decisions", "decisions"),
    Column("col.attachments", "attachments"),
]
WARNING_COLUMNS = [
    Column("col.line", "line", width=5, editable=False),
    Column("col.warning", "message", editable=False),
    Column("col.resolved", "resolved", width=8),
]
HEADER_FIELDS = [
    "body",
    "date",
    "start_time",
    "end_time",
    "location",
    "adjusted_on",
    "next_meeting",
    "next_meeting_text",
    "reviewed",
]


def _lines(line: int | None, end: int | None = None) -> tuple[int, int] | None:
    return (line, end or line) if line else None


def overview_rows(detail: MeetingDetail) -> Rows:
    """Header fields, then officers, then the source file."""
    rows: Rows = []
    for field in HEADER_FIELDS:
        label = t(f"field.{field}")
        ref = RowRef("meeting", detail.id, field, _lines(detail.field_lines.get(field)), label)
        value = detail.body if field == "body" else getattr(detail, field)
        rows.append((field, ref, [cell(label), cell(_shown(value))]))
    for officer in detail.officers:
        label = role_name(officer.role).capitalize()
        ref = RowRef(
            "officer",
            officer.id,
            "name_as_written",
            _lines(officer.line),
            f"{label} {officer.name_as_written}",
            deletable=True,
        )
        rows.append((f"officer-{officer.id}", ref, [cell(label), cell(officer.name_as_written)]))
    source_label = t("field.source_file")
    source = RowRef("sourcedocument", 0, None, None, source_label, editable=False)
    rows.append(("source", source, [cell(source_label), cell(detail.source_file or "")]))
    return rows


def _shown(value: object) -> object:
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()  # type: ignore[union-attr]
    return value


def attendance_rows(rows: tuple[AttendanceRow, ...]) -> Rows:
    """One row per attendance row, in document order."""
    return [
        (
            f"attendance-{a.id}",
            RowRef("attendance", a.id, None, _lines(a.line), a.name_as_written, deletable=True),
            [
                cell(a.name_as_written),
                cell(a.party),
                cell(role_name(a.role)),
                cell(a.present),
                cell(paragraphs_shown(a)),
                cell(a.organization),
                cell(a.function),
                cell(a.person if a.person != a.name_as_written else "", style="dim"),
            ],
        )
        for a in rows
    ]


def paragraphs_shown(row: AttendanceRow) -> str:
    """The paragraphs attended as ranges (`1-6,9-34`), as written if not numbers; "" for all."""
    return row.paragraph_numbers or row.paragraphs or ""


def agenda_rows(rows: tuple[AgendaRow, ...]) -> Rows:
    """One row per agenda item, long texts cut to their first line."""
    return [
        (
            f"agendaitem-{item.id}",
            RowRef(
                "agendaitem",
                item.id,
                None,
                _lines(item.line, item.end_line),
                f"§{item.number} {item.title}",
                deletable=True,
            ),
            [
                cell(item.number),
                cell(item.title),
                *(cell(_first_line(t)) for t in (item.body, item.decisions, item.attachments)),
            ],
        )
        for item in rows
    ]


def _first_line(text: str) -> str:
    first, _, rest = text.partition("\n")
    return first + (" …" if rest.strip() else "")


def warning_rows(rows: tuple[WarningRow, ...]) -> Rows:
    """One row per import warning, the open ones in bold."""
    return [
        (
            f"warning-{w.id}",
            RowRef("importwarning", w.id, "resolved", _lines(w.line), w.message),
            [
                cell(w.line),
                cell(told(w.message), style="" if w.resolved else "bold"),
                cell(w.resolved),
            ],
        )
        for w in rows
    ]


def agenda_text(item: AgendaRow | None) -> Text:
    """The selected agenda item in full: its text, decisions and attachments."""
    if item is None:
        return Text(t("agenda.none"), style="dim")
    text = Text()
    text.append(terminal_safe(f"§{item.number} {item.title}\n"), style="bold")
    text.append(terminal_safe(item.body or ""))
    sections = ((t("col.decisions"), item.decisions), (t("col.attachments"), item.attachments))
    for heading, body in sections:
        if body:
            text.append(f"\n\n{heading}\n", style="bold")
            text.append(terminal_safe(body))
    return text
