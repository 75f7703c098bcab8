"""Missing episodes, and the pattern they make: how many lately, more often, for longer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

# Statutory guidance on children who run away or go missing expects an independent return
# home interview within 72 hours of the child's return.
RETURN_INTERVIEW_WITHIN = timedelta(hours=72)
RECENT_WINDOW = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    child_id: int
    started_at: datetime
    ended_at: datetime | None = None
    found_where: str = ""
    found_by: str = ""
    reported_by: str = ""
    police_reference: str = ""
    interview_offered_on: date | None = None
    interview_held_on: date | None = None
    child_said: str = ""
    push_factors: str = ""
    pull_factors: str = ""
    id: int | None = None
    version: int = 1

    @property
    def duration(self) -> timedelta | None:
        return None if self.ended_at is None else self.ended_at - self.started_at

    def interview_due_by(self) -> datetime | None:
        return None if self.ended_at is None else self.ended_at + RETURN_INTERVIEW_WITHIN

    def interview_missed(self, now: datetime) -> bool:
        """No interview held within 72 hours of return (late counts as missed)."""
        due = self.interview_due_by()
        if due is None:
            return False
        if self.interview_held_on is not None:
            return self.interview_held_on > due.date()
        return now > due


class Trend(StrEnum):
    RISING = "rising"
    STEADY = "steady"
    FALLING = "falling"
    TOO_FEW = "too_few"


@dataclass(frozen=True, slots=True)
class MissingPattern:
    in_last_90_days: int
    in_previous_90_days: int
    frequency: Trend
    duration: Trend
    still_missing: bool


def missing_pattern(episodes: list[MissingEpisode], now: datetime) -> MissingPattern:
    """Compare the last 90 days with the 90 before, and recent episodes' length with earlier."""
    recent_start, earlier_start = now - RECENT_WINDOW, now - 2 * RECENT_WINDOW
    recent = [e for e in episodes if e.started_at >= recent_start]
    earlier = [e for e in episodes if earlier_start <= e.started_at < recent_start]
    return MissingPattern(
        in_last_90_days=len(recent),
        in_previous_90_days=len(earlier),
        frequency=_compare(len(recent), len(earlier)) if episodes else Trend.TOO_FEW,
        duration=_duration_trend(episodes),
        still_missing=any(e.ended_at is None for e in episodes),
    )


def _compare(latest: float, before: float) -> Trend:
    if latest > before:
        return Trend.RISING
    if latest < before:
        return Trend.FALLING
    return Trend.STEADY


def _duration_trend(episodes: list[MissingEpisode]) -> Trend:
    """The latest episode against the average of the ones before it."""
    timed = sorted((e for e in episodes if e.duration is not None), key=lambda e: e.started_at)
    if len(timed) < 2:
        return Trend.TOO_FEW
    *before, latest = [e.duration.total_seconds() for e in timed]  # type: ignore[union-attr]
    average = sum(before) / len(before)
    if latest > average * 1.25:
        return Trend.RISING
    if latest < average * 0.75:
        return Trend.FALLING
    return Trend.STEADY
