"""Dates and times as a person in England types them: day first, the year in full.

Nothing is guessed: a date that cannot be read as typed is refused with the reason, so a
record never carries a date other than the one the DSL meant.
"""

from __future__ import annotations

import re
from datetime import date, datetime

DATE_HINT = "dd/mm/yyyy"
DATETIME_HINT = "dd/mm/yyyy hh:mm"
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d+)")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


def read_date(text: str) -> date:
    """14/03/2012 or 4/3/2012; ValueError saying what is wrong with anything else."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"type it as {DATE_HINT}, for example 14/03/2012.")
    day, month, year = match.groups()
    if len(year) != 4:
        raise ValueError("type the year in full, for example 2012 rather than 12.")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"there is no such date as {text.strip()}.") from None


def read_datetime(text: str) -> datetime:
    """A date then a 24-hour time: 19/11/2026 10:15."""
    parts = text.split()
    if len(parts) != 2:
        raise ValueError(f"type it as {DATETIME_HINT}, for example 19/11/2026 10:15.")
    day = read_date(parts[0])
    match = _TIME.fullmatch(parts[1])
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError("type the time as hh:mm on the 24-hour clock, for example 14:30.")
    return datetime(day.year, day.month, day.day, int(match.group(1)), int(match.group(2)))
