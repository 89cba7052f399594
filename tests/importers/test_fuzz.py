"""Mutated sample protocols never crash the reader, the parser or an import.

Each example is a seed protocol with a few mutations: lines deleted, duplicated
or swapped, the file truncated, a line of another seed spliced in, random
Unicode, random bytes or a token the parser knows (a date that cannot be, an
escape sequence, a section heading) inserted, and now and then the whole file
re-encoded. Reading and parsing it
gives a `Protocol` or the project's own `ProtocolError`, nothing else; an
import of it leaves no meeting without all of its parsed rows.

Examples are derandomized, so CI runs the same ones every time; set
`PROTOKOLL_FUZZ_EXAMPLES` to run more (with a random seed) on your machine.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

import importers
from importers.records import Protocol, ProtocolError
from store import models
from store.db import make_engine
from store.loading import import_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
SEEDS = tuple(path.read_bytes() for path in sorted(SAMPLES.glob("*.txt")))
EXTRA = int(os.environ.get("PROTOKOLL_FUZZ_EXAMPLES", "0"))
TOKENS = (
    "32 maj 2020", "2020-13-45", "kl 25:00", "30 februari", "Tid: ", "Justerat den:", "Datum:",
    "Närvarande:", "Ersättare:", "Ledamöter", "Ordförande", "Justerare", "§ 1", "1. ", "§§ 1-3",
    "<del>", "</del>", "**", "(S)", "\t", "\x1b[2J", "\x1b]0;x\x07", "\x00", "\ufeff", "\u202e",
    "\f", "\r", "Protokoll ", "Nästa möte 2999-01-01", "Sida 2 (3)", "ſept", "٣",
)  # fmt: skip
"""Pieces of text the parser reacts to, so that mutations reach its corners."""


def _index(draw: st.DrawFn, size: int) -> int:
    return draw(st.integers(0, max(size - 1, 0)))


@st.composite
def mutated_protocol(draw: st.DrawFn) -> bytes:
    """A seed protocol with one to six mutations, perhaps re-encoded."""
    lines = draw(st.sampled_from(SEEDS)).split(b"\n")
    for _ in range(draw(st.integers(1, 6))):
        lines = _mutate(draw, lines) or [b""]
    data = b"\n".join(lines)
    encoding = draw(st.sampled_from([None] * 6 + ["utf-16", "utf-16-le", "cp1252", "utf-8-sig"]))
    if encoding is not None:
        data = data.decode("utf-8", errors="replace").encode(encoding, errors="replace")
    return data


def _mutate(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "splice", "insert"]))
    at = _index(draw, len(lines))
    if kind == "delete":
        return lines[:at] + lines[at + 1 :]
    if kind == "duplicate":
        return lines[: at + 1] + lines[at:]
    if kind == "swap":
        other = _index(draw, len(lines))
        lines = list(lines)
        lines[at], lines[other] = lines[other], lines[at]
        return lines
    if kind == "splice":  # a line of another protocol's layout
        other = draw(st.sampled_from(SEEDS)).split(b"\n")
        return [*lines[:at], other[_index(draw, len(other))], *lines[at:]]
    if kind == "truncate":
        data = b"\n".join(lines)  # cut from the end: a small cut is the simpler example
        return data[: len(data) - _index(draw, len(data) + 1)].split(b"\n")
    inserted = draw(
        st.one_of(
            st.text(max_size=12).map(lambda text: text.encode("utf-8", errors="surrogatepass")),
            st.binary(min_size=1, max_size=6),
            st.sampled_from(TOKENS).map(str.encode),
        )
    )
    column = _index(draw, len(lines[at]) + 1)
    return [*lines[:at], lines[at][:column] + inserted + lines[at][column:], *lines[at + 1 :]]


def _write(folder: Path, data: bytes) -> Path:
    path = folder / "protokoll.txt"
    path.write_bytes(data)
    return path


def _check_records(protocol: Protocol, line_count: int) -> None:
    """Every record points at a line the file has."""
    lines = [a.line for a in protocol.attendees] + [o.line for o in protocol.officers]
    lines += [i.line for i in protocol.items] + [i.end_line for i in protocol.items]
    lines += [w.line for w in protocol.warnings if w.line is not None]
    assert all(1 <= line <= line_count for line in lines), (lines, line_count)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="protokoll-fuzz-") as name:
        yield Path(name)


@settings(
    max_examples=max(2000, EXTRA),
    deadline=None,
    derandomize=not EXTRA,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=mutated_protocol())
def test_reader_and_parser_give_records_or_their_own_error(folder: Path, data: bytes) -> None:
    path = _write(folder, data)
    try:
        # The import's own path: read_document (read_source's decoding for text), parse_document
        # (parse_text's parser on the same lines).
        parsed = importers.parse_file(path)
    except ProtocolError as error:
        assert error.path == str(path) and error.message
        return
    assert isinstance(parsed.protocol, Protocol)
    _check_records(parsed.protocol, parsed.source.text.count("\n") + 1)
    assert set(parsed.source.warnings) <= set(parsed.protocol.warnings)


# --- a full import: all of a meeting, or none of it ------------------------------------------


@pytest.fixture(scope="module")
def engine(folder: Path) -> Iterator[Engine]:
    engine = make_engine(str(folder / "fuzz.db"))
    yield engine
    engine.dispose()


def _stored(engine: Engine) -> dict[int, tuple[str, int, int, int]]:
    """Each meeting's source text and how many attendance, item and officer rows it has."""
    counts = {}
    with engine.connect() as conn:
        meetings = conn.execute(
            select(models.Meeting.id, models.SourceDocument.text).join(
                models.SourceDocument, models.Meeting.source_id == models.SourceDocument.id
            )
        ).all()
        for meeting_id, text in meetings:
            rows = [
                conn.execute(
                    select(func.count()).select_from(table).where(table.meeting_id == meeting_id)
                ).scalar_one()
                for table in (models.Attendance, models.AgendaItem, models.Officer)
            ]
            counts[meeting_id] = (text, *rows)
    return counts


def _complete(text: str, attendance: int, items: int, officers: int) -> bool:
    protocol = importers.parse_text(text)
    expected = (len(protocol.attendees), len(protocol.items), len(protocol.officers))
    return (attendance, items, officers) == expected


@settings(
    max_examples=max(200, EXTRA // 10),
    deadline=None,
    derandomize=not EXTRA,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=mutated_protocol())
def test_import_stores_a_whole_meeting_or_nothing(
    folder: Path, engine: Engine, data: bytes
) -> None:
    before = _stored(engine)
    (outcome,) = import_paths(engine, [_write(folder, data)], workers=1).outcomes
    after = _stored(engine)
    if outcome.status in ("imported", "replaced"):
        assert outcome.meeting_id in after
        changed = {outcome.meeting_id}
    else:
        # The catch-all messages of parse_pool and loading mean an exception was not ours.
        assert "could not be read" not in (outcome.message or ""), outcome.message
        assert "could not be stored" not in (outcome.message or ""), outcome.message
        changed = set()
    assert {k: v for k, v in after.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }
    for meeting_id in changed:
        assert _complete(*after[meeting_id]), f"meeting {meeting_id} is partial"
