"""Missing episodes, and the pattern they make: how many lately, more often, for longer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from . import display_dates as show

# Statutory guidance on children who run away or go missing expects an independent return
# home interview within 72 hours of the child's return.
RETURN_INTERVIEW_WITHIN = timedelta(hours=72)
RECENT_WINDOW = timedelta(days=90)


class InterviewOffer(StrEnum):
    """Whether the child was offered a return home interview; unrecorded is not known."""

    NOT_KNOWN = "not_known"
    OFFERED = "offered"
    NOT_OFFERED = "not_offered"

    @property
    def label(self) -> str:
        return _OFFER_LABELS[self]


class InterviewOutcome(StrEnum):
    NOT_YET = "not_yet"
    HELD = "held"
    DECLINED = "declined"  # by the child

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OFFER_LABELS = {
    InterviewOffer.NOT_KNOWN: "Not known whether offered",
    InterviewOffer.OFFERED: "Offered",
    InterviewOffer.NOT_OFFERED: "Not offered",
}
_OUTCOME_LABELS = {
    InterviewOutcome.NOT_YET: "Not yet held",
    InterviewOutcome.HELD: "Held",
    InterviewOutcome.DECLINED: "Declined by the child",
}


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    child_id: int
    started_at: datetime
    ended_at: datetime | None = None
    found_where: str = ""
    found_by: str = ""
    reported_by: str = ""
    police_reference: str = ""
    interview_offer: InterviewOffer = InterviewOffer.NOT_KNOWN
    interview_offered_on: date | None = None
    interview_outcome: InterviewOutcome = InterviewOutcome.NOT_YET
    interview_held_on: date | None = None
    interview_declined_on: date | None = None
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
        """No interview held within 72 hours of return (late counts as missed).

        A child may decline: an interview offered in time and declined was not missed. Where
        it is not known whether one was offered, none is known to have been held, so the
        window can pass; the words then say it is not known (see `interview_in_words`).
        """
        due = self.interview_due_by()
        if due is None:
            return False
        if self.interview_outcome is InterviewOutcome.HELD and self.interview_held_on:
            return self.interview_held_on > due.date()
        if self.interview_outcome is InterviewOutcome.DECLINED and self.interview_offered_on:
            return self.interview_offered_on > due.date()
        return now > due


def with_interview_dates(
    episode: MissingEpisode, offered_on: date | None, held_on: date | None
) -> MissingEpisode:
    """The interview as the dates alone say it: offered if either date is known, held if held;
    with neither, not known (never "not offered"). Migration 0011 reads old records so."""
    offered = offered_on is not None or held_on is not None
    return replace(
        episode,
        interview_offer=InterviewOffer.OFFERED if offered else InterviewOffer.NOT_KNOWN,
        interview_offered_on=offered_on,
        interview_outcome=InterviewOutcome.HELD if held_on else InterviewOutcome.NOT_YET,
        interview_held_on=held_on,
    )


def interview_in_words(episode: MissingEpisode) -> str:
    """What is recorded of the return home interview: "Offered 03/03/2026, held 05/03/2026"."""
    if episode.interview_offer is not InterviewOffer.OFFERED:
        return episode.interview_offer.label
    offered = _on("Offered", episode.interview_offered_on)
    if episode.interview_outcome is InterviewOutcome.HELD:
        return f"{offered}, {_on('held', episode.interview_held_on)}"
    if episode.interview_outcome is InterviewOutcome.DECLINED:
        return f"{offered}, {_on('declined by the child on', episode.interview_declined_on)}"
    return f"{offered}, not yet held"


def _on(words: str, day: date | None) -> str:
    return f"{words} {show.day(day)}" if day else words.removesuffix(" on")


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
