"""Swedish dates as protocols write them, with and without a year."""

from __future__ import annotations

from datetime import date, time

import pytest

from importers.swedish_dates import (
    InvalidDate,
    find_date,
    find_time_range,
    parse_compact_date,
    remove_when,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Onsdag 26 februari 2020 kl 9:00 – 12:00", date(2020, 2, 26)),
        ("2020-03-13", date(2020, 3, 13)),
        ("den 2:a maj 2021", date(2021, 5, 2)),
        ("10/10 2022", date(2022, 10, 10)),
    ],
)
def test_dates_with_a_year(text: str, expected: date) -> None:
    found = find_date(text)
    assert found is not None and found.value == expected


def test_a_date_without_a_year_takes_the_first_one_after_the_meeting() -> None:
    assert find_date("Den 27 april kl 9-12", after=date(2020, 2, 26)).value == date(2020, 4, 27)
    assert find_date("Onsdag 21/9 kl 13-16", after=date(2022, 4, 26)).value == date(2022, 9, 21)
    assert find_date("Torsdag 13 januari", after=date(2021, 11, 18)).value == date(2022, 1, 13)
    assert find_date("29 februari", after=date(2021, 3, 1)).value == date(2024, 2, 29)
    assert find_date("27 april") is None


def test_a_date_that_does_not_exist_is_refused_with_the_reason() -> None:
    with pytest.raises(InvalidDate, match="februari 2021 has 28 days"):
        find_date("29 februari 2021")
    with pytest.raises(InvalidDate, match="februari never has 30 days"):
        find_date("den 30 februari", after=date(2021, 1, 1))


def test_compact_dates_and_times() -> None:
    assert parse_compact_date("221010").value == date(2022, 10, 10)
    assert parse_compact_date("20221010").value == date(2022, 10, 10)
    assert parse_compact_date("Tommy Larserö") is None
    assert find_time_range("kl. 9.00–12.00") == (time(9), time(12))
    assert find_time_range("kl 13-16") == (time(13), time(16))
    assert find_time_range("9.00-11.20") == (time(9), time(11, 20))
    assert remove_when("Kommunhuset, Nora, 15 mars 2021 kl. 13.00–15.30") == "Kommunhuset, Nora"
