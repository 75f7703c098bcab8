"""Referral rules: the one-working-day reply, how late a reply is, escalation deadlines."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain.escalation_procedure import deadline_after
from scr_reflect.domain.referrals import (
    Agency,
    EscalationStep,
    Referral,
    ReferralOutcome,
    next_working_day,
    working_days_after,
)

FRIDAY = date(2026, 11, 13)


def referral(made_at: datetime, **fields: object) -> Referral:
    return Referral(
        1, made_at, Agency.CHILDRENS_SOCIAL_CARE, "Assessment of home conditions", **fields
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 12), date(2026, 11, 13)),  # Thursday -> Friday
        (FRIDAY, date(2026, 11, 16)),  # Friday -> Monday, over the weekend
        (date(2026, 11, 14), date(2026, 11, 16)),  # Saturday -> Monday
        (date(2026, 11, 15), date(2026, 11, 16)),  # Sunday -> Monday
    ],
)
def test_next_working_day_skips_the_weekend(day: date, expected: date) -> None:
    assert next_working_day(day) == expected


def test_a_referral_made_on_friday_afternoon_is_due_a_reply_on_monday_at_the_same_time() -> None:
    made = referral(datetime(2026, 11, 13, 15, 40))
    assert made.feedback_due_by() == datetime(2026, 11, 16, 15, 40)
    assert not made.feedback_overdue(datetime(2026, 11, 15, 20, 0))  # Sunday: not yet
    assert not made.feedback_overdue(datetime(2026, 11, 16, 15, 40))
    assert made.feedback_overdue(datetime(2026, 11, 16, 15, 41))


def test_a_reply_received_is_never_overdue() -> None:
    made = referral(
        datetime(2026, 11, 2, 9, 0),
        outcome=ReferralOutcome.THRESHOLD_NOT_MET,
        outcome_reasons="No role for statutory services",
        heard_back_at=datetime(2026, 11, 9, 9, 0),
    )
    assert not made.feedback_overdue(datetime(2026, 12, 1, 9, 0))


def test_lateness_is_counted_in_working_days() -> None:
    due = date(2026, 11, 12)  # Thursday
    assert working_days_after(due, due) == 0
    assert working_days_after(due, date(2026, 11, 13)) == 1
    assert working_days_after(due, date(2026, 11, 15)) == 1  # the weekend adds nothing
    assert working_days_after(due, date(2026, 11, 16)) == 2


@pytest.mark.parametrize(
    ("contacted", "days", "expected"),
    [
        (date(2026, 11, 12), 2, date(2026, 11, 16)),  # Thursday + 2 -> Monday
        (FRIDAY, 3, date(2026, 11, 18)),
        (date(2026, 11, 16), 10, date(2026, 11, 30)),
    ],
)
def test_an_escalation_deadline_counts_working_days(
    contacted: date, days: int, expected: date
) -> None:
    assert deadline_after(contacted, days) == expected


def test_a_step_is_overdue_only_past_its_deadline_without_a_response() -> None:
    step = EscalationStep(
        1, "manager", "Team manager, Duty team", FRIDAY, next_deadline=date(2026, 11, 18)
    )
    assert not step.overdue(date(2026, 11, 18))
    assert step.overdue(date(2026, 11, 19))
    answered = EscalationStep(
        1, "manager", "Team manager", FRIDAY, "Agreed to reassess", date(2026, 11, 18)
    )
    assert not answered.overdue(date(2026, 11, 30))


def test_only_decisions_not_to_act_further_are_offered_for_challenge() -> None:
    challengeable = {o for o in ReferralOutcome if o.may_be_challenged}
    assert challengeable == {
        ReferralOutcome.THRESHOLD_NOT_MET,
        ReferralOutcome.NO_FURTHER_ACTION,
        ReferralOutcome.STEPPED_DOWN,
    }
