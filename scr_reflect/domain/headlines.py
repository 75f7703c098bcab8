"""One-line titles for records as they appear in a chronology."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from . import display_dates as show
from .enums import EntryKind
from .records import Concern

HEADLINE_TEXT_LENGTH = 90

# A line kept by the day sorts at the start of the school day; its time is shown as not known.
_SCHOOL_DAY_START = time(9, 0)


def kept_by_the_day(day: date) -> datetime:
    """Where a line recorded by the day sorts among that day's lines (its time is not known)."""
    return datetime.combine(day, _SCHOOL_DAY_START)


def concern_headline(concern: Concern) -> str:
    """Categories, then the start of what happened: enough to scan a chronology by."""
    labels = ", ".join(sorted(c.label for c in concern.categories))
    first_line = (
        concern.what_happened.strip().splitlines()[0] if concern.what_happened.strip() else ""
    )
    if len(first_line) > HEADLINE_TEXT_LENGTH:
        first_line = first_line[: HEADLINE_TEXT_LENGTH - 1].rstrip() + "…"
    return f"{labels}: {first_line}" if first_line else labels


def dated_headline(concern: Concern) -> str:
    """The day a concern happened and its headline: how a concern is named among others."""
    return f"{show.day(concern.occurred_at.date())}: {concern_headline(concern)}"


@dataclass(frozen=True, slots=True)
class ChronologyLine:
    """What a structured record shows in the chronology: one line per moment it records."""

    kind: EntryKind
    occurred_at: datetime
    title: str
    body: str = ""
    # False for records kept by the day: occurred_at then only places the line within its day.
    time_known: bool = True


def concern_lines(concern: Concern) -> list[ChronologyLine]:
    """A concern's one line: when it happened, its headline and what happened."""
    return [
        ChronologyLine(
            EntryKind.CONCERN, concern.occurred_at, concern_headline(concern), concern.what_happened
        )
    ]
