"""Turning a story's relative dates into real ones, counted from the clock's today.

A concern "40 days ago" is always 40 days before the day the demo was made, so the caseload
stays current whenever it is loaded.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ...domain.upn import check_letter


def on_school_day(day: date) -> date:
    """Staff record things on school days: a weekend date moves back to the Friday."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def when(days_ago: int, at: time, today: date, *, school_day: bool = True) -> datetime:
    day = today - timedelta(days=days_ago)
    return datetime.combine(on_school_day(day) if school_day else day, at)


def date_of_birth(age: int, birthday_in_days: int, today: date) -> date:
    next_birthday = today + timedelta(days=birthday_in_days)
    try:
        return next_birthday.replace(year=next_birthday.year - age - 1)
    except ValueError:  # 29 February in a year without one
        return next_birthday.replace(year=next_birthday.year - age - 1, day=28)


def year_group(born: date, today: date) -> str:
    """England's year group: set by the child's age on 31 August before the school year."""
    start_year = today.year if today.month >= 9 else today.year - 1
    last_august = date(start_year, 8, 31)
    age = last_august.year - born.year - int((born.month, born.day) > (8, 31))
    number = age - 4
    if number < 0:
        return "Nursery"
    return "Reception" if number == 0 else f"Year {number}"


def tutor_group(year: str, letter: str) -> str:
    code = {"Nursery": "N", "Reception": "R"}.get(year, year.removeprefix("Year "))
    return f"{code}{letter}"


def fictional_upn(serial: int) -> str:
    """A UPN with a correct check letter but local authority number 999, which is not
    allocated to any authority, so it can never be a real pupil's number."""
    digits = f"999{9000 + serial // 1000 % 1000:04d}24{serial % 1000:03d}"
    return check_letter(digits) + digits
