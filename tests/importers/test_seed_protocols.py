"""Acceptance tests: every field of the five seed protocols, as a careful reader sees them.

The expectations live in `seed_expectations.py` and were written from the documents,
not from the parser's output.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from seed_expectations import SEEDS, Item, Seed

import importers
from importers.records import AgendaItem, ParsedFile

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"

# Text that belongs to no agenda body in any layout: URLs, markup, page numbers.
NOT_IN_ANY_BODY = ("http", "www.", "<del>", "</del>", "**", "](", "####")
PAGE_NUMBER = re.compile(r"\b\d+ \(\d+\)")
ROLES = ("chair", "secretary", "adjuster")

seed_params = pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.file[:3])


@functools.cache
def parsed(file: str) -> ParsedFile:
    """Parse a seed once per test session."""
    return importers.parse_file(SAMPLES / file)


@functools.cache
def source_lines(file: str) -> tuple[str, ...]:
    """The seed's own lines, 1-based line n at index n - 1."""
    return tuple((SAMPLES / file).read_text(encoding="utf-8").split("\n"))


def flat(text: str) -> str:
    """Collapse every run of whitespace (line and paragraph breaks too) to one space."""
    return " ".join(text.split())


def item_pairs(seed: Seed) -> list[tuple[Item, AgendaItem]]:
    """Expected and parsed items side by side, once the numbering is known to match."""
    got = parsed(seed.file).protocol.items
    assert [i.number for i in got] == [i.number for i in seed.items]
    return list(zip(seed.items, got, strict=True))


# --- header fields ---------------------------------------------------------------------------


@seed_params
def test_source_is_utf8(seed: Seed) -> None:
    assert parsed(seed.file).source.encoding == "utf-8"


@seed_params
def test_body(seed: Seed) -> None:
    assert parsed(seed.file).protocol.body == seed.body


@seed_params
def test_date_and_times(seed: Seed) -> None:
    protocol = parsed(seed.file).protocol
    assert (protocol.date, protocol.start, protocol.end) == (seed.date, seed.start, seed.end)


@seed_params
def test_date_field_line_holds_the_date(seed: Seed) -> None:
    protocol = parsed(seed.file).protocol
    line = source_lines(seed.file)[protocol.field_lines["date"] - 1]
    assert str(seed.date.day) in line
    assert str(seed.date.year) in line


@seed_params
def test_location(seed: Seed) -> None:
    assert parsed(seed.file).protocol.location == seed.location


@seed_params
def test_officers(seed: Seed) -> None:
    protocol = parsed(seed.file).protocol
    names = {role: tuple(o.name for o in protocol.officers_in(role)) for role in ROLES}
    assert names == {
        "chair": seed.chair,
        "secretary": seed.secretary,
        "adjuster": seed.adjusters,
    }


@seed_params
def test_officer_lines_hold_their_names(seed: Seed) -> None:
    lines = source_lines(seed.file)
    for officer in parsed(seed.file).protocol.officers:
        assert officer.name in lines[officer.line - 1], officer


@seed_params
def test_adjusted_on(seed: Seed) -> None:
    assert parsed(seed.file).protocol.adjusted_on == seed.adjusted_on


@seed_params
def test_next_meeting(seed: Seed) -> None:
    protocol = parsed(seed.file).protocol
    assert protocol.next_meeting == seed.next_meeting
    assert protocol.next_meeting_text == seed.next_meeting_text


# --- attendees -------------------------------------------------------------------------------


@seed_params
def test_attendees_in_document_order(seed: Seed) -> None:
    got = [
        (a.name, a.party, a.organization, a.organization_canonical, a.role, a.present)
        for a in parsed(seed.file).protocol.attendees
    ]
    assert got == list(seed.attendees)


@seed_params
def test_attendee_lines_hold_their_names(seed: Seed) -> None:
    lines = source_lines(seed.file)
    attendees = parsed(seed.file).protocol.attendees
    assert [a.line for a in attendees] == sorted(a.line for a in attendees)
    for attendee in attendees:
        assert attendee.name in lines[attendee.line - 1], attendee


def test_struck_rows_of_003_are_the_absent_ones() -> None:
    seed = SEEDS[3]
    absent = [a.name for a in parsed(seed.file).protocol.attendees if not a.present]
    struck = [
        m.group(1) for line in source_lines(seed.file) if (m := re.match(r"<del>(.*?)</del>", line))
    ]
    assert len(struck) == 34
    assert absent == struck


def test_substitute_in_002() -> None:
    attendees = parsed(SEEDS[2].file).protocol.attendees
    subs = [
        (a.name, a.party, a.organization, a.present) for a in attendees if a.role == "substitute"
    ]
    assert subs == [("Christina Kuurne", "S", "Hällefors kommun", True)]


# --- agenda items ----------------------------------------------------------------------------


@seed_params
def test_items_are_numbered_in_sequence(seed: Seed) -> None:
    numbers = [i.number for i in parsed(seed.file).protocol.items]
    assert numbers == list(range(1, len(seed.items) + 1))


@seed_params
def test_item_titles(seed: Seed) -> None:
    got = [(i.number, i.title) for i in parsed(seed.file).protocol.items]
    assert got == [(i.number, i.title) for i in seed.items]


@seed_params
def test_item_lines_hold_their_headings(seed: Seed) -> None:
    lines = source_lines(seed.file)
    items = parsed(seed.file).protocol.items
    for index, item in enumerate(items):
        heading = lines[item.line - 1].replace("*", "")
        assert re.match(rf"[\s#]*{item.number}\.\s", heading), (item.number, heading)
        assert item.title.split()[0] in heading, (item.number, heading)
        assert item.line <= item.end_line
        if index + 1 < len(items):
            assert item.end_line < items[index + 1].line


@seed_params
def test_decisions(seed: Seed) -> None:
    for want, got in item_pairs(seed):
        for decision in got.decisions:
            assert decision == decision.strip() and "\n" not in decision, decision
        # Runs of spaces inside a line are PDF column artefacts, not part of the wording.
        assert tuple(flat(d) for d in got.decisions) == want.decisions, want.number


@seed_params
def test_attachments(seed: Seed) -> None:
    for want, got in item_pairs(seed):
        assert got.attachments == want.attachments, want.number


@seed_params
def test_exact_bodies(seed: Seed) -> None:
    for want, got in item_pairs(seed):
        if want.body is not None:
            assert got.body == want.body, want.number


@seed_params
def test_body_beginnings(seed: Seed) -> None:
    for want, got in item_pairs(seed):
        if want.starts is not None:
            assert flat(got.body).startswith(want.starts), (want.number, got.body[:120])


@seed_params
def test_body_phrases_present(seed: Seed) -> None:
    for want, got in item_pairs(seed):
        body = flat(got.body)
        missing = [phrase for phrase in want.has if phrase not in body]
        assert not missing, (want.number, missing)


@seed_params
def test_body_leftovers_absent(seed: Seed) -> None:
    for want, got in item_pairs(seed):
        unwanted = (*NOT_IN_ANY_BODY, *seed.not_in_bodies, *want.lacks)
        found = [text for text in unwanted if text in got.body]
        assert not found, (want.number, found)
        assert not PAGE_NUMBER.search(got.body), (want.number, got.body)


@seed_params
def test_bodies_are_tidy(seed: Seed) -> None:
    for item in parsed(seed.file).protocol.items:
        assert item.body == item.body.strip(), item.number
        assert "\n\n\n" not in item.body, item.number
        for line in item.body.split("\n"):
            assert line == line.strip(), (item.number, line)


# --- normalisation that matters ----------------------------------------------------------------


def test_hyphen_before_och_is_kept() -> None:
    body = parsed(SEEDS[1].file).protocol.items[3].body
    assert "hälso- och sjukvården" in body
    assert "hälsooch" not in body


@pytest.mark.parametrize(
    ("seed_index", "number", "phrase"),
    [
        (0, 6, "behandlas senare under mötet"),
        (2, 4, "tittat på orsaker till låg måluppfyllelse"),
        (2, 6, "några kommuner i länet"),
    ],
)
def test_page_break_does_not_split_a_sentence(seed_index: int, number: int, phrase: str) -> None:
    """A page header removed mid-sentence leaves the sentence whole, in one paragraph."""
    item = parsed(SEEDS[seed_index].file).protocol.items[number - 1]
    assert phrase in item.body


def test_title_word_beslut_is_not_a_decision() -> None:
    item = parsed(SEEDS[1].file).protocol.items[6]
    assert item.title == "Beslut om tider för vårens möten"
    assert item.decisions == ()


@pytest.mark.parametrize(
    ("file", "replaced", "repeated", "numbers"),
    [
        (
            "003_44158b9f6cb25cbd.txt",
            ("Beslut på mötestider för 2023.",),
            "Presentationen som visades på mötet.",
            (4, 5, 6),
        ),
        (
            "004_9c6807935cccb602.txt",
            (
                "Power Point bilder som visades på föredragningen.",
                "Beslutade mötestider för Regionala samverkansrådets möten för 2021.",
            ),
            "Power Point bilder från föredragningen.",
            (4, 5, 6),
        ),
    ],
    ids=["003", "004"],
)
def test_text_repeated_in_several_items_is_kept(
    tmp_path: Path, file: str, replaced: tuple[str, ...], repeated: str, numbers: tuple[int, ...]
) -> None:
    """The same attachment under three items is the protocol's text, not a page footer."""
    text = (SAMPLES / file).read_text(encoding="utf-8")
    for old in replaced:
        assert old in text
        text = text.replace(old, repeated)
    path = tmp_path / file
    path.write_text(text, encoding="utf-8")
    items = importers.parse_file(path).protocol.items
    assert [items[n - 1].attachments for n in numbers] == [(repeated,)] * len(numbers)
