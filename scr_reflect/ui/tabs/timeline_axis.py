"""A time axis from a start date to today: where a date falls, and which ticks to label."""

from __future__ import annotations

from datetime import date, timedelta

MIN_TICK_PIXELS = 46
STEPS_IN_MONTHS = (1, 3, 6, 12, 24, 60)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Axis:
    def __init__(self, start: date, end: date) -> None:
        self.start, self.end = start, max(end, start)
        self._days = max((self.end - self.start).days, 1)

    def fraction(self, day: date) -> float:
        """Where a day falls, 0 at the start and 1 today; earlier or later days sit at an end."""
        return min(max((day - self.start).days / self._days, 0.0), 1.0)

    def ticks(self, pixels: int) -> list[tuple[date, str]]:
        """First-of-month ticks, as many as fit: years when the span is long, months when short.

        The first tick carries its year, so a short span still says which year it is."""
        months = _index(self.end) - _index(self.start) + 1
        step = next(
            (s for s in STEPS_IN_MONTHS if pixels * s / months >= MIN_TICK_PIXELS),
            STEPS_IN_MONTHS[-1],
        )
        ticks: list[tuple[date, str]] = []
        for index in range(_index(self.start), _index(self.end) + 1):
            day = date(index // 12, index % 12 + 1, 1)
            if day < self.start or index % step:
                continue
            with_year = day.month == 1 or not ticks
            label = str(day.year) if day.month == 1 else MONTHS[day.month - 1]
            ticks.append((day, f"{label} {day.year}" if with_year and day.month != 1 else label))
        return ticks


def axis_start(first_known: list[date], born: date, today: date) -> date:
    """From the earliest factor (never before the child's birth), at least six months back."""
    earliest = max(min(first_known, default=today), born)
    half_year_back = today - timedelta(days=183)
    chosen = max(min(earliest, half_year_back), born)
    return date(chosen.year, chosen.month, 1)


def _index(day: date) -> int:
    return day.year * 12 + day.month - 1
