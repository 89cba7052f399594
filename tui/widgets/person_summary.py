"""A person's page in a few lines: roles, parties, organisations over the years, a bar per year."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text

from store.rows import PersonDetail, PersonMeeting
from tui.i18n import t
from tui.widgets.detail_rows import role_name

BAR = 24
"""Width of the longest bar: the year with most meetings attended."""


def person_summary(person: PersonDetail) -> Text:
    """Roles, parties, organisations and councils with their years, then attendance per year."""
    text = Text()
    rows = person.meetings
    roles = defaultdict(set)
    for row in rows:
        roles[row.role].add(row.meeting_id)
    listed = [f"{role_name(r)} {len(ids)}" for r, ids in sorted(roles.items(), key=_most)]
    _line(text, t("person.roles"), "  ·  ".join(listed))
    for label, values in (
        (t("person.parties"), [(r.party, r) for r in rows]),
        (t("person.organizations"), [(r.organization, r) for r in rows]),
        (t("person.councils"), [(r.body, r) for r in rows]),
    ):
        _line(text, label, "  ·  ".join(_spans(values)) or "–")
    text.append(t("person.per_year") + "\n", style="bold")
    text.append_text(year_bars(rows))
    return text


def _most(item: tuple[str, set[int]]) -> tuple[int, str]:
    return (-len(item[1]), item[0])


def _line(text: Text, label: str, value: str) -> None:
    text.append(f"{label}: ", style="bold")
    text.append(value + "\n")


def _spans(values: list[tuple[str | None, PersonMeeting]]) -> list[str]:
    """`S 2020–2022`: each value with the first and last year it was written."""
    years: dict[str, list[int]] = defaultdict(list)
    for value, row in values:
        if value and row.date is not None:
            years[value].append(row.date.year)
    spans = []
    for value, seen in sorted(years.items(), key=lambda item: min(item[1])):
        first, last = min(seen), max(seen)
        spans.append(f"{value} {first}" if first == last else f"{value} {first}–{last}")
    return spans


def year_bars(rows: tuple[PersonMeeting, ...]) -> Text:
    """One bar per year: meetings attended (present, or an officer), of those listed at."""
    listed: dict[int, set[int]] = defaultdict(set)
    present: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        if row.date is None:
            continue
        listed[row.date.year].add(row.meeting_id)
        if row.present:
            present[row.date.year].add(row.meeting_id)
    most = max((len(ids) for ids in present.values()), default=0) or 1
    bars = Text()
    for year in sorted(listed):
        came, of = len(present[year]), len(listed[year])
        width = round(BAR * came / most)
        bars.append(f"  {year}  ")
        bars.append("█" * width, style="bold")
        bars.append("·" * (BAR - width), style="dim")
        bars.append("  " + t("person.of", came=came, of=of) + "\n")
    return bars
