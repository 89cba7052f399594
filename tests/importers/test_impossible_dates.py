"""Dates and times that cannot be: each is a warning with its line, or the file's refusal with its
line where the meeting date itself is impossible, never another exception."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import importers
from importers.records import Protocol, ProtocolError
from importers.swedish_dates import (
    InvalidDate,
    TimeRange,
    check_year,
    find_date,
    find_dates,
    parse_compact_date,
    read_time_range,
    remove_when,
)
from store.parse_pool import ParseFailure, parse_or_failure

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
TID = "000_40086cb381e27565.txt"  # `Tid: Onsdag 26 februari 2020 kl 9:00 – 12:00`, `Justerat den:`
DAG_OCH_TID = "003_44158b9f6cb25cbd.txt"  # `Dag och tid: 29 september 2022 kl. 9.00–12.00`
MEETING_DATES = {TID: "26 februari 2020", DAG_OCH_TID: "29 september 2022"}
MEETING_TIMES = {TID: "kl 9:00 – 12:00", DAG_OCH_TID: "kl. 9.00–12.00"}


def seed(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def changed(name: str, old: str, new: str) -> tuple[str, int]:
    """The seed with `old` replaced by `new` once, and the line it stands on."""
    text = seed(name)
    assert old in text
    return text.replace(old, new, 1), line_of(text, old)


def warnings_at(protocol: Protocol, line: int) -> list[str]:
    return [w.message for w in protocol.warnings if w.line == line]


# --- the meeting's own date: the file is refused at its line ---------------------------------


@pytest.mark.parametrize("name", [TID, DAG_OCH_TID])
@pytest.mark.parametrize(
    ("impossible", "reason"),
    [
        ("32 maj 2020", "maj 2020 has 31 days"),
        ("2020-13-45", "there is no month 13"),
        ("2021-02-29", "februari 2021 has 28 days"),
        ("0 juni 2020", "there is no day 0"),
        ("0000-05-01", "there is no year 0"),
        ("31/4 2020", "april 2020 has 30 days"),
    ],
)
def test_impossible_meeting_date_refuses_the_file_at_its_line(
    name: str, impossible: str, reason: str
) -> None:
    text, line = changed(name, MEETING_DATES[name], impossible)
    with pytest.raises(ProtocolError) as caught:
        importers.parse_text(text, name)
    assert caught.value.line == line
    assert caught.value.message == f"'{impossible}' is not a valid date: {reason}"


def test_32_maj_through_the_import_path_names_file_and_line(tmp_path: Path) -> None:
    text, line = changed(TID, "26 februari 2020", "32 maj 2020")
    path = tmp_path / TID
    path.write_text(text, encoding="utf-8")
    failure = parse_or_failure(path)
    assert isinstance(failure, ParseFailure)
    assert failure.message.startswith(f"{path}:{line}: '32 maj 2020' is not a valid date")
    assert "StopIteration" not in failure.message


# --- other fields: a warning at the line, the rest of the protocol read ----------------------


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("32 maj 2022", "maj 2022 has 31 days"),
        ("2022-13-45", "there is no month 13"),
        ("221340", "there is no month 13"),
        ("31 april 2022", "april 2022 has 30 days"),
    ],
)
@pytest.mark.parametrize("next_line", [False, True], ids=["same-line", "next-line"])
def test_impossible_adjusted_date_is_a_warning(written: str, reason: str, next_line: bool) -> None:
    value = f"\n{written}" if next_line else f" {written}"
    text, line = changed(TID, "Justerat den:  ", f"Justerat den:{value}")
    protocol = importers.parse_text(text, TID)
    assert protocol.adjusted_on is None
    expected = f"adjusted date: '{written}' is not a valid date: {reason}"
    assert expected in warnings_at(protocol, line + next_line)
    assert protocol.date == date(2020, 2, 26)
    assert len(protocol.attendees) == len(importers.parse_text(seed(TID), TID).attendees)


@pytest.mark.parametrize("name", [TID, DAG_OCH_TID])
@pytest.mark.parametrize(
    ("written", "start", "end", "reason"),
    [
        ("kl 25:00", None, None, "there is no hour 25"),
        ("kl 9:00 – 12:75", time(9), None, "there is no minute 75"),
        ("kl. 9.60–12.00", None, None, "there is no minute 60"),  # no end without a start
        ("kl 13-31", time(13), None, "there is no hour 31"),
    ],
)
def test_impossible_time_is_a_warning_and_left_out(
    name: str, written: str, start: time | None, end: time | None, reason: str
) -> None:
    text, line = changed(name, MEETING_TIMES[name], written)
    protocol = importers.parse_text(text, name)
    assert (protocol.start, protocol.end) == (start, end)
    assert f"'{written}' is not a time: {reason}" in warnings_at(protocol, line)
    assert protocol.date is not None


@pytest.mark.parametrize("name", [TID, DAG_OCH_TID])
@pytest.mark.parametrize("year", [1800, 1899, 2101, 2999])
def test_a_meeting_year_outside_1900_to_2100_is_warned_about(name: str, year: int) -> None:
    real = MEETING_DATES[name]
    text, line = changed(name, real, real[:-4] + str(year))
    protocol = importers.parse_text(text, name)
    assert protocol.date is not None and protocol.date.year == year
    expected = f"{protocol.date.isoformat()}: the year {year} is outside 1900–2100"
    assert warnings_at(protocol, line) == [expected]


def test_an_adjusted_year_outside_1900_to_2100_is_warned_about() -> None:
    text, line = changed(TID, "Justerat den:  ", "Justerat den: 2999-03-01")
    protocol = importers.parse_text(text, TID)
    assert protocol.adjusted_on == date(2999, 3, 1)
    assert warnings_at(protocol, line) == ["2999-03-01: the year 2999 is outside 1900–2100"]


@pytest.mark.parametrize("name", [TID, DAG_OCH_TID])
def test_real_dates_and_times_give_no_date_warning(name: str) -> None:
    protocol = importers.parse_text(seed(name), name)
    assert not [w for w in protocol.warnings if "not a time" in w.message or "year" in w.message]


# --- the functions the header calls ----------------------------------------------------------


def test_check_year() -> None:
    assert check_year(date(1900, 1, 1)) is None
    assert check_year(date(2100, 12, 31)) is None
    assert check_year(date(1899, 12, 31)) == "1899-12-31: the year 1899 is outside 1900–2100"
    assert check_year(date(2101, 1, 1)) == "2101-01-01: the year 2101 is outside 1900–2100"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl 9:00 – 12:00", TimeRange(time(9), time(12))),
        ("kl 24:00", TimeRange(time(23, 59), None)),
        ("kl 24:30", TimeRange(None, None, "'kl 24:30' is not a time: there is no hour 24")),
        ("23.59-24.01",
         TimeRange(time(23, 59), None, "'23.59-24.01' is not a time: there is no hour 24")),
        ("Plats: Rådhuset", TimeRange(None, None)),
    ],
)  # fmt: skip
def test_read_time_range(text: str, expected: TimeRange) -> None:
    assert read_time_range(text) == expected


def test_month_names_of_three_letters_have_a_reason() -> None:
    with pytest.raises(InvalidDate, match="maj 2020 has 31 days"):
        find_date("32 maj 2020")
    with pytest.raises(InvalidDate, match="maj never has 32 days"):
        find_date("den 32 maj", after=date(2020, 1, 1))
    with pytest.raises(InvalidDate, match="there is no month 13"):
        find_date("den 5/13", after=date(2020, 1, 1))
    assert remove_when("Rådhuset, 32 maj 2020 kl 25:00") == "Rådhuset"


_PIECES = st.sampled_from(
    ["kl", "kl.", " ", "-", "–", ":", ".", "/", "maj", "ſept", "SEPT", "februari", "den", "2:a",
     "0", "00", "13", "32", "99", "2020", "0000", "9999", "24", "25", "60", "\n", "٣", "Tid:"]
)  # fmt: skip
_DATE_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(text=_DATE_TEXT, after=st.one_of(st.none(), st.dates()))
def test_date_functions_raise_nothing_but_invalid_date(text: str, after: date | None) -> None:
    for read in (
        lambda: find_date(text, after=after),
        lambda: parse_compact_date(text),
        lambda: remove_when(text),
    ):
        try:
            read()
        except InvalidDate as error:
            assert error.text and error.reason
    assert all(isinstance(d.value, date) for d in find_dates(text, after=after))
    found = read_time_range(text)
    assert found.problem is None or found.problem.startswith("'")


NEXT_MEETING = """\
Protokoll Kommunstyrelsen
Datum: 2020-05-02 {clock}

Beslutande
Anna Berg (S)

§ 1 Mötet öppnas
Ordföranden öppnade mötet.

§ 2 Nästa möte
Nästa möte hålls {next}.
"""


def test_an_impossible_next_meeting_is_warned_about_at_its_item() -> None:
    protocol = importers.parse_text(
        NEXT_MEETING.format(clock="kl 13.00", next="32 maj 2020"), "ks.txt"
    )
    assert protocol.next_meeting is None
    assert [
        (w.line, "32 maj 2020" in w.message) for w in protocol.warnings if "next" in w.message
    ] == [(10, True)]


def test_a_next_meeting_in_the_year_2999_is_kept_and_warned_about() -> None:
    protocol = importers.parse_text(
        NEXT_MEETING.format(clock="kl 13.00", next="27 april 2999"), "ks.txt"
    )
    assert protocol.next_meeting == date(2999, 4, 27)
    assert any(w.line == 10 and "2999" in w.message for w in protocol.warnings)


def test_a_bare_time_past_midnight_is_warned_about() -> None:
    protocol = importers.parse_text(
        NEXT_MEETING.format(clock="25.00", next="2 juni 2020"), "ks.txt"
    )
    assert protocol.start is None
    assert any(
        w.line == 2 and "'25.00' is not a time of day" in w.message for w in protocol.warnings
    )
