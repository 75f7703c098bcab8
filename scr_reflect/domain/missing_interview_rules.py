"""Checks on the return home interview recorded with a missing episode."""

from __future__ import annotations

from datetime import date, datetime

from .missing import InterviewOffer, InterviewOutcome, MissingEpisode
from .validation import Problem

_VERB = {InterviewOutcome.HELD: "held", InterviewOutcome.DECLINED: "declined by the child"}
_DATE_OF = {
    InterviewOutcome.HELD: "interview_held_on",
    InterviewOutcome.DECLINED: "interview_declined_on",
}


def interview_problems(episode: MissingEpisode, now: datetime) -> list[Problem]:
    offered = episode.interview_offer is InterviewOffer.OFFERED
    problems: list[Problem] = []
    if not offered and episode.interview_offered_on:
        problems.append(
            Problem("interview_offered_on", "A date offered needs the interview marked offered.")
        )
    if offered and episode.ended_at is None:
        problems.append(
            Problem("interview_offer", "An interview is offered after the child returns.")
        )
    if offered and episode.interview_offered_on is None:
        problems.append(Problem("interview_offered_on", "Say when the interview was offered."))
    outcome = episode.interview_outcome
    if outcome is not InterviewOutcome.NOT_YET and not offered:
        problems.append(
            Problem(
                "interview_outcome",
                f"An interview {_VERB[outcome]} must have been offered: mark it offered.",
            )
        )
    for state, field in _DATE_OF.items():
        dated = getattr(episode, field)
        if outcome is state and dated is None:
            problems.append(Problem(field, f"Say when the interview was {_VERB[state]}."))
        if outcome is not state and dated is not None:
            problems.append(
                Problem(field, f"A date {_VERB[state]} needs the interview marked {_VERB[state]}.")
            )
    return problems + _date_problems(episode, now)


def _date_problems(episode: MissingEpisode, now: datetime) -> list[Problem]:
    returned = episode.ended_at.date() if episode.ended_at else None
    offered_on = episode.interview_offered_on
    problems: list[Problem] = []
    for field, what in (
        ("interview_offered_on", "offered"),
        ("interview_held_on", "held"),
        ("interview_declined_on", "declined"),
    ):
        day: date | None = getattr(episode, field)
        if day is None:
            continue
        if day > now.date():
            problems.append(Problem(field, f"The date {what} is in the future."))
        if returned and day < returned:
            problems.append(Problem(field, f"The date {what} is before the child returned."))
        if field != "interview_offered_on" and offered_on and day < offered_on:
            problems.append(Problem(field, f"The interview was {what} before it was offered."))
    return problems
