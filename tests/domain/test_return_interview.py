"""The return home interview after a missing episode: offered, not offered or not known, and
held, declined by the child or not yet (no Qt, no store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.missing import (
    InterviewOffer,
    InterviewOutcome,
    MissingEpisode,
    interview_in_words,
    with_interview_dates,
)
from scr_reflect.domain.structured_validation import missing_problems

RETURNED = datetime(2026, 3, 2, 18, 0)
NOW = datetime(2026, 3, 20, 9, 30)
OFFERED, NOT_OFFERED, NOT_KNOWN = (
    InterviewOffer.OFFERED,
    InterviewOffer.NOT_OFFERED,
    InterviewOffer.NOT_KNOWN,
)
HELD, DECLINED = InterviewOutcome.HELD, InterviewOutcome.DECLINED


def returned(**fields) -> MissingEpisode:
    return MissingEpisode(1, RETURNED - timedelta(hours=20), RETURNED, **fields)


def offered(on: date = date(2026, 3, 3), **fields) -> MissingEpisode:
    return returned(interview_offer=OFFERED, interview_offered_on=on, **fields)


def problems(episode: MissingEpisode) -> dict[str, str]:
    return {p.field: p.message for p in missing_problems(episode, NOW)}


def test_a_new_episode_does_not_know_whether_an_interview_was_offered():
    episode = returned()
    assert episode.interview_offer is NOT_KNOWN
    assert episode.interview_outcome is InterviewOutcome.NOT_YET
    assert interview_in_words(episode) == "Not known whether offered"
    assert problems(episode) == {}


@pytest.mark.parametrize(
    ("episode", "words"),
    [
        (returned(interview_offer=NOT_OFFERED), "Not offered"),
        (offered(), "Offered 03/03/2026, not yet held"),
        (
            offered(interview_outcome=HELD, interview_held_on=date(2026, 3, 5)),
            "Offered 03/03/2026, held 05/03/2026",
        ),
        (
            offered(interview_outcome=DECLINED, interview_declined_on=date(2026, 3, 4)),
            "Offered 03/03/2026, declined by the child on 04/03/2026",
        ),
    ],
)
def test_each_state_is_said_in_words(episode, words):
    assert interview_in_words(episode) == words
    assert problems(episode) == {}


def test_not_known_never_reads_as_not_offered():
    assert "not offered" not in interview_in_words(returned()).lower()
    assert NOT_KNOWN.label != NOT_OFFERED.label


@pytest.mark.parametrize(
    ("offered_on", "held_on", "offer", "outcome"),
    [
        (None, None, NOT_KNOWN, InterviewOutcome.NOT_YET),
        (date(2026, 3, 3), None, OFFERED, InterviewOutcome.NOT_YET),
        (date(2026, 3, 3), date(2026, 3, 4), OFFERED, HELD),
        (None, date(2026, 3, 4), OFFERED, HELD),  # held, so it was offered
    ],
)
def test_a_record_that_kept_only_dates_keeps_its_meaning(offered_on, held_on, offer, outcome):
    episode = with_interview_dates(returned(), offered_on, held_on)
    assert (episode.interview_offer, episode.interview_outcome) == (offer, outcome)
    assert (episode.interview_offered_on, episode.interview_held_on) == (offered_on, held_on)


@pytest.mark.parametrize(
    ("episode", "field", "message"),
    [
        (
            returned(interview_outcome=HELD, interview_held_on=date(2026, 3, 4)),
            "interview_outcome",
            "An interview held must have been offered: mark it offered.",
        ),
        (
            returned(interview_offer=NOT_KNOWN, interview_offered_on=date(2026, 3, 3)),
            "interview_offered_on",
            "A date offered needs the interview marked offered.",
        ),
        (
            returned(interview_offer=OFFERED),
            "interview_offered_on",
            "Say when the interview was offered.",
        ),
        (
            offered(interview_outcome=DECLINED),
            "interview_declined_on",
            "Say when the interview was declined by the child.",
        ),
        (
            offered(interview_held_on=date(2026, 3, 4)),
            "interview_held_on",
            "A date held needs the interview marked held.",
        ),
        (
            offered(on=date(2026, 3, 1)),
            "interview_offered_on",
            "The date offered is before the child returned.",
        ),
        (
            offered(interview_outcome=HELD, interview_held_on=date(2026, 3, 2)),
            "interview_held_on",
            "The interview was held before it was offered.",
        ),
        (
            offered(on=date(2026, 3, 21)),
            "interview_offered_on",
            "The date offered is in the future.",
        ),
        (
            replace(offered(), ended_at=None),
            "interview_offer",
            "An interview is offered after the child returns.",
        ),
    ],
)
def test_the_interview_is_checked_with_plain_messages(episode, field, message):
    assert problems(episode).get(field) == message


@pytest.mark.parametrize(
    ("episode", "missed"),
    [
        (returned(), True),  # not known: none is known to have been held in time
        (returned(interview_offer=NOT_OFFERED), True),
        (offered(interview_outcome=HELD, interview_held_on=date(2026, 3, 5)), False),
        (offered(interview_outcome=HELD, interview_held_on=date(2026, 3, 6)), True),  # late
        (offered(interview_outcome=DECLINED, interview_declined_on=date(2026, 3, 4)), False),
        (
            offered(
                on=date(2026, 3, 6),
                interview_outcome=DECLINED,
                interview_declined_on=date(2026, 3, 6),
            ),
            True,  # offered only after the window closed
        ),
    ],
)
def test_the_72_hour_window(episode, missed):
    assert episode.interview_missed(NOW) is missed
