"""A child protection file sent to, or received from, another school, and its clock.

KCSIE expects the file to reach the new school's DSL within 5 school days of the child
leaving: a pack sent is due back (its receipt) 5 school days after it was made. The clock
skips weekends and England's bank holidays; a school's INSET days and holidays are its own, and
are not known to the tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from .bank_holidays import is_bank_holiday

SCHOOL_DAYS_TO_ARRIVE = 5


class Direction(StrEnum):
    SENT = "sent"
    RECEIVED = "received"


@dataclass(frozen=True, slots=True)
class Transfer:
    direction: Direction
    pack_id: str
    child_id: int
    school: str
    fingerprint: str
    pack_sha256: str
    receipt_key: str
    records: int
    at: datetime
    due_on: date | None = None
    acknowledged_at: datetime | None = None
    id: int | None = None

    def school_days_left(self, today: date) -> int | None:
        """School days from today to the day it is due (negative when overdue); None once the
        receipt came back, or for a pack received."""
        if self.acknowledged_at is not None or self.due_on is None:
            return None
        return school_days_between(today, self.due_on)

    def is_overdue(self, today: date) -> bool:
        left = self.school_days_left(today)
        return left is not None and left < 0


def is_school_day(day: date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def school_days_after(start: date, days: int) -> date:
    """The day `days` school days after `start`."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        days -= is_school_day(day)
    return day


def school_days_between(start: date, end: date) -> int:
    """School days after `start` up to and including `end`; negative when `end` is before."""
    sign, (low, high) = (1, (start, end)) if start <= end else (-1, (end, start))
    count, day = 0, low
    while day < high:
        day += timedelta(days=1)
        count += is_school_day(day)
    return sign * count
