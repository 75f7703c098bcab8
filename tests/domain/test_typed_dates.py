"""Dates are read as typed, day first, or refused with the reason: never guessed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain import display_dates
from scr_reflect.domain.display_dates import day as show_date
from scr_reflect.domain.quotation import in_quotes
from scr_reflect.domain.typed_dates import read_date, read_datetime


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("14/03/2012", date(2012, 3, 14)),
        ("4/3/2012", date(2012, 3, 4)),
        (" 29/02/2024 ", date(2024, 2, 29)),
    ],
)
def test_a_date_is_read_day_first_with_or_without_leading_zeros(typed: str, meant: date) -> None:
    assert read_date(typed) == meant
    assert read_date(show_date(meant)) == meant


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2012", "no such date"),
        ("29/02/2023", "no such date"),
        ("14/03/12", "year in full"),
        ("14/3/201", "year in full"),
        ("2012-03-14", "dd/mm/yyyy"),
        ("14.03.2012", "dd/mm/yyyy"),
        ("14/13/2012", "no such date"),
        ("", "dd/mm/yyyy"),
    ],
)
def test_anything_else_is_refused_with_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        read_date(typed)


def test_a_time_is_hours_and_minutes_on_the_24_hour_clock() -> None:
    assert read_datetime("19/11/2026 9:05") == datetime(2026, 11, 19, 9, 5)
    for typed in ("19/11/2026", "19/11/2026 24:00", "19/11/2026 10:60", "19/11/2026 10.15"):
        with pytest.raises(ValueError):
            read_datetime(typed)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("I fell off my bike", "“I fell off my bike”"),
        ('"I fell off my bike"', "“I fell off my bike”"),
        ("“I fell off my bike”", "“I fell off my bike”"),
        ('"no" then "stop"', '“"no" then "stop"”'),
    ],
)
def test_words_said_are_in_quotation_marks_once(typed: str, shown: str) -> None:
    assert in_quotes(typed) == shown


def test_dates_are_shown_day_first_with_the_year_in_full_and_a_24_hour_clock() -> None:
    moment = datetime(2026, 11, 9, 14, 5, 7)
    assert display_dates.day(moment.date()) == "09/11/2026"
    assert display_dates.day_and_time(moment) == "09/11/2026 14:05"
    assert display_dates.day_and_time_to_the_second(moment) == "09/11/2026 14:05:07"
