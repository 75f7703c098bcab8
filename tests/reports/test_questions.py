"""Questions for supervision come from what the records show, one per thing to talk about."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from scr_reflect.domain.missing import Trend
from scr_reflect.domain.referrals import Agency, Referral, ReferralOutcome
from scr_reflect.reports.questions import questions, several_without_referral
from scr_reflect.reports.report_data import OpenCase

QUIET = OpenCase(
    child_name="Fictional Child",
    year_group="Year 8",
    open_concerns=1,
    concerns=1,
    referrals=0,
    last_recorded=datetime(2025, 3, 1, 9, 0),
    open_actions=0,
    overdue_actions=0,
    missing_recent=0,
    missing_frequency=Trend.TOO_FEW,
    missed_interviews=0,
    contradicted_claims=0,
    unchallenged=(),
    undecided=0,
)


def test_a_case_the_records_raise_nothing_about_has_no_questions() -> None:
    assert questions(QUIET) == []


def test_several_concerns_and_no_referral_is_asked_about() -> None:
    case = replace(QUIET, concerns=3)
    assert several_without_referral(case)
    assert questions(case) == [
        "3 concerns and no referral. Read together, what do they say about this child's "
        "day-to-day life, and what would make you refer?"
    ]
    assert not several_without_referral(replace(case, referrals=1))


def test_each_thing_to_see_brings_its_own_question() -> None:
    decided = Referral(
        1,
        datetime(2025, 2, 3, 10, 0),
        Agency.CHILDRENS_SOCIAL_CARE,
        "An assessment",
        ReferralOutcome.THRESHOLD_NOT_MET,
        "No evidence of significant harm",
        datetime(2025, 2, 4, 16, 0),
    )
    case = replace(
        QUIET,
        unchallenged=(decided,),
        missing_recent=2,
        missing_frequency=Trend.RISING,
        missed_interviews=1,
        contradicted_claims=2,
    )
    asked = questions(case)
    assert len(asked) == 4
    assert asked[0].startswith("\u201cThreshold not met\u201d (04/02/2025) has not been challenged")
    assert asked[1].startswith("2 missing episodes in the last 90 days and more often than before")
    assert asked[2].startswith("1 return interview not held within 72 hours")
    assert asked[3].startswith("2 things the school was told are contradicted")


def test_a_missed_interview_not_known_to_have_been_offered_is_said_to_be_not_known() -> None:
    [one] = questions(replace(QUIET, missed_interviews=1, interviews_not_known=1))
    assert one.startswith(
        "1 return interview not held within 72 hours (it is not known whether one was offered)."
    )
    [some] = questions(replace(QUIET, missed_interviews=3, interviews_not_known=2))
    assert "(for 2 of them it is not known whether one was offered)" in some
    [none] = questions(replace(QUIET, missed_interviews=2))
    assert "not known" not in none


def test_no_question_is_a_score() -> None:
    case = replace(QUIET, concerns=4, missing_recent=5, contradicted_claims=3)
    for question in questions(case):
        assert "score" not in question and "risk level" not in question
        assert question.endswith("?")
