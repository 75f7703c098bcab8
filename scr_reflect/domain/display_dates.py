"""Dates and times as the app shows them to a person: day first, the year in full, 24-hour clock.

One place, so the window, the documents and the command line never disagree about a date.
"""

from __future__ import annotations

from datetime import date, datetime

DAY = "%d/%m/%Y"
DAY_AND_TIME = f"{DAY} %H:%M"


def day(value: date) -> str:
    """14/03/2012"""
    return value.strftime(DAY)


def day_and_time(value: datetime) -> str:
    """19/11/2026 10:15"""
    return value.strftime(DAY_AND_TIME)


def moment(value: datetime, time_known: bool = True) -> str:
    """19/11/2026 10:15, or 19/11/2026 alone where only the day was recorded."""
    return day_and_time(value) if time_known else day(value)


def day_and_time_to_the_second(value: datetime) -> str:
    """19/11/2026 10:15:07, where the order of events within a minute matters (the audit log)."""
    return value.strftime(f"{DAY_AND_TIME}:%S")
