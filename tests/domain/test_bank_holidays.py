"""England's bank holidays, checked against GOV.UK's published lists, and the working and
school days that skip them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain.bank_holidays import bank_holidays, easter_sunday
from scr_reflect.domain.escalation_procedure import deadline_after
from scr_reflect.domain.referrals import Agency, Referral, next_working_day, working_days_after
from scr_reflect.domain.transfer import school_days_after, school_days_between

# GOV.UK, "UK bank holidays", England and Wales; 1999 and 2002 as they were proclaimed.
PUBLISHED = {
    1999: [
        "01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28", "12-31",
    ],
    2002: [
        "01-01", "03-29", "04-01", "05-06", "06-03", "06-04", "08-26", "12-25", "12-26",
    ],
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: [
        "01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26",
        "12-27",
    ],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_each_years_bank_holidays_are_those_published(year: int) -> None:
    published = {date.fromisoformat(f"{year}-{day}") for day in PUBLISHED[year]}
    assert bank_holidays(year) == published


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2019, date(2019, 4, 21)), (2038, date(2038, 4, 25)), (2035, date(2035, 3, 25))],
)
def test_easter_falls_on_its_day_in_early_and_late_years(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_a_referral_made_before_christmas_is_due_a_reply_after_it() -> None:
    # Thursday 24 December 2026: Christmas Day is a Friday, Boxing Day's holiday the Monday.
    made = Referral(1, datetime(2026, 12, 24, 11, 0), Agency.CHILDRENS_SOCIAL_CARE, "Assessment")
    assert made.feedback_due_by() == datetime(2026, 12, 29, 11, 0)
    assert not made.feedback_overdue(datetime(2026, 12, 28, 17, 0))
    assert next_working_day(date(2026, 4, 2)) == date(2026, 4, 7)  # over Easter
    assert working_days_after(date(2026, 12, 24), date(2026, 12, 31)) == 3


def test_an_escalation_deadline_skips_a_bank_holiday() -> None:
    assert deadline_after(date(2026, 5, 1), 1) == date(2026, 5, 5)  # Early May, Monday 4th


def test_a_transfers_school_days_skip_bank_holidays() -> None:
    sent = date(2026, 12, 21)  # a Monday
    assert school_days_after(sent, 5) == date(2026, 12, 30)
    assert school_days_between(sent, date(2026, 12, 30)) == 5
