"""Import folders of protocols into a throw-away database and say what was found in each file.

    .venv/bin/python scripts/corpus_report.py FOLDER [FOLDER ...]

Every protocol file under the folders is imported with protokoll's own import
(`store.loading.import_paths`) into a new SQLite database in a temporary
folder, removed afterwards. For each file it prints the outcome (imported, or
refused and why), which head fields were stored (body, date, start, end,
location, chair, secretary, adjusters), the attendees (present / absent), the
agenda items, and the warnings (the first few). The last line sums it up.
Plain text only, so it reads the same in a terminal, a file or a pipe. A bad
file is a line of the report, never the end of it.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from store.db import make_engine
from store.loading import FileOutcome, import_paths
from store.queries import MeetingDetail, meeting_detail

HEAD_FIELDS = ("body", "date", "start", "end", "location", "chair", "secretary", "adjusters")
"""The head fields a protocol is expected to give, in the order they are reported."""
SHOWN_WARNINGS = 3
"""Warnings printed per file; the rest are counted."""
IMPORTED = frozenset({"imported", "replaced"})
_LINE = re.compile(r"^:(\d+): ")


@dataclass(frozen=True)
class FileReport:
    """What one file gave: its outcome and, when imported, what was stored."""

    outcome: FileOutcome
    detail: MeetingDetail | None

    @property
    def imported(self) -> bool:
        """Whether the file became a meeting of its own."""
        return self.outcome.status in IMPORTED and self.detail is not None


def head_fields(detail: MeetingDetail) -> dict[str, bool]:
    """Which head fields the stored meeting has."""
    roles = {officer.role for officer in detail.officers}
    return {
        "body": detail.body is not None,
        "date": detail.date is not None,
        "start": detail.start_time is not None,
        "end": detail.end_time is not None,
        "location": bool(detail.location),
        "chair": "chair" in roles,
        "secretary": "secretary" in roles,
        "adjusters": "adjuster" in roles,
    }


def attendee_counts(detail: MeetingDetail) -> tuple[int, int]:
    """(present, absent) rows of the stored attendance."""
    present = sum(1 for row in detail.attendance if row.present)
    return present, len(detail.attendance) - present


def file_lines(report: FileReport) -> list[str]:
    """The report of one file: a status line, then indented facts."""
    outcome = report.outcome
    if not report.imported:
        if outcome.status == "unchanged":
            return [f"{outcome.path}: unchanged (the same text as a file before it)"]
        return [f"{outcome.path}: refused: {_reason(outcome)}"]
    detail = report.detail
    assert detail is not None
    found = head_fields(detail)
    have = [name for name in HEAD_FIELDS if found[name]]
    missing = [name for name in HEAD_FIELDS if not found[name]]
    present, absent = attendee_counts(detail)
    lines = [
        f"{outcome.path}: {outcome.status}",
        f"  head: {len(have)}/{len(HEAD_FIELDS)} found: {', '.join(have) or '-'}"
        + (f"; missing: {', '.join(missing)}" if missing else ""),
        f"  attendees: {present + absent} ({present} present, {absent} absent);"
        f" items: {len(detail.agenda)}",
    ]
    return lines + _warning_lines(outcome)


def _reason(outcome: FileOutcome) -> str:
    """The refusal without the file name it starts with (the status line has it).

    `file:12: no date` becomes `line 12: no date`.
    """
    message = outcome.message or outcome.status
    if not message.startswith(outcome.path):
        return message
    rest = _LINE.sub(r"line \1: ", message.removeprefix(outcome.path), count=1)
    return rest.removeprefix(": ").strip()


def _warning_lines(outcome: FileOutcome) -> list[str]:
    warnings = outcome.warnings
    lines = [f"  warnings: {len(warnings)}"]
    for warning in warnings[:SHOWN_WARNINGS]:
        where = f"line {warning.line}: " if warning.line else ""
        lines.append(f"    {where}{' '.join(warning.message.split())}")
    if len(warnings) > SHOWN_WARNINGS:
        lines.append(f"    … and {len(warnings) - SHOWN_WARNINGS} more")
    return lines


def summary_line(reports: Sequence[FileReport]) -> str:
    """Files, imported, refused, head fields found / expected, attendees, items."""
    imported = [r for r in reports if r.imported]
    details = [r.detail for r in imported if r.detail is not None]
    found = sum(sum(head_fields(d).values()) for d in details)
    refused = sum(1 for r in reports if not r.imported and r.outcome.status != "unchanged")
    attendees = [attendee_counts(d) for d in details]
    present = sum(p for p, _ in attendees)
    absent = sum(a for _, a in attendees)
    return (
        f"{len(reports)} files: {len(imported)} imported, {refused} refused; "
        f"head fields {found}/{len(HEAD_FIELDS) * len(imported)} found; "
        f"{present + absent} attendees ({present} present, {absent} absent); "
        f"{sum(len(d.agenda) for d in details)} items"
    )


def collect(folders: Sequence[str]) -> list[FileReport]:
    """Import `folders` into a database in a temporary folder and read back each meeting."""
    with tempfile.TemporaryDirectory(prefix="corpus-report-") as scratch:
        engine = make_engine(str(Path(scratch) / "corpus.db"))
        try:
            summary = import_paths(engine, folders, workers=1)
            return [_report(engine, outcome) for outcome in summary.outcomes]
        finally:
            engine.dispose()


def _report(engine: object, outcome: FileOutcome) -> FileReport:
    detail = None
    if outcome.status in IMPORTED and outcome.meeting_id is not None:
        detail = meeting_detail(engine, outcome.meeting_id)  # type: ignore[arg-type]
    return FileReport(outcome, detail)


def main(argv: Sequence[str]) -> int:
    """Print the report of the folders in `argv`; 2 without folders, 1 if no file was found."""
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    reports = collect(argv)
    if not reports:
        print("No protocol files found.")
        return 1
    for report in reports:
        print("\n".join(file_lines(report)))
    print(summary_line(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
