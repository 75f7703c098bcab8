"""England's bank holidays, so a working day (or a school day) is one when councils and
schools are open. Worked out from the rules in the Banking and Financial Dealings Act 1971 and
the royal proclamations that follow it, as GOV.UK lists them for England and Wales, with no
connection to anything: a holiday moved or added by proclamation is listed here by hand (those
since 1995; a later one must be added when it is proclaimed).

INSET days and school holidays are each school's own, and are not known.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

MONDAY, SATURDAY, SUNDAY = 0, 5, 6

# Holidays moved from their usual day, and extra ones, by proclamation, since 1995.
_MOVED = {
    date(1995, 5, 1): date(1995, 5, 8),  # Early May bank holiday, for VE Day's 50th year
    date(2002, 5, 27): date(2002, 6, 4),  # Spring bank holiday, for the Golden Jubilee
    date(2012, 5, 28): date(2012, 6, 4),  # Spring bank holiday, for the Diamond Jubilee
    date(2020, 5, 4): date(2020, 5, 8),  # Early May bank holiday, for VE Day's 75th year
    date(2022, 5, 30): date(2022, 6, 2),  # Spring bank holiday, for the Platinum Jubilee
}
_EXTRA = frozenset(
    {
        date(1999, 12, 31),  # the millennium
        date(2002, 6, 3),  # the Golden Jubilee
        date(2011, 4, 29),  # a royal wedding
        date(2012, 6, 5),  # the Diamond Jubilee
        date(2022, 6, 3),  # the Platinum Jubilee
        date(2022, 9, 19),  # the State Funeral of Queen Elizabeth II
        date(2023, 5, 8),  # the Coronation of King Charles III
    }
)


def is_bank_holiday(day: date) -> bool:
    return day in bank_holidays(day.year)


@cache
def bank_holidays(year: int) -> frozenset[date]:
    """The year's bank holidays in England, a weekend's falling on the next weekday."""
    easter = easter_sunday(year)
    usual = {
        _weekday_on_or_after(date(year, 1, 1)),  # New Year's Day
        easter - timedelta(days=2),  # Good Friday
        easter + timedelta(days=1),  # Easter Monday
        _monday_on_or_after(date(year, 5, 1)),  # Early May
        _monday_on_or_after(date(year, 5, 25)),  # Spring: the last Monday of May
        _monday_on_or_after(date(year, 8, 25)),  # Summer: the last Monday of August
        *_christmas(year),
    }
    moved = {_MOVED.get(day, day) for day in usual}
    return frozenset(moved | {day for day in _EXTRA if day.year == year})


def easter_sunday(year: int) -> date:
    """Easter Day in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _christmas(year: int) -> tuple[date, date]:
    """Christmas Day and Boxing Day, or the weekdays after a weekend that takes them."""
    christmas = _weekday_on_or_after(date(year, 12, 25))
    boxing = _weekday_on_or_after(max(date(year, 12, 26), christmas + timedelta(days=1)))
    return christmas, boxing


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() in (SATURDAY, SUNDAY):
        day += timedelta(days=1)
    return day


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(MONDAY - day.weekday()) % 7)
