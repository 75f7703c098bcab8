"""Referrals, their outcomes and feedback, and escalation when the school disagrees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from .bank_holidays import is_bank_holiday


class Agency(StrEnum):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    EARLY_HELP = "early_help"
    POLICE = "police"
    HEALTH = "health"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "childrens_social_care": "Children's social care",
            "early_help": "Early help",
            "police": "Police",
            "health": "Health",
            "other": "Other",
        }[self.value]


class ReferralOutcome(StrEnum):
    AWAITING = "awaiting"
    ASSESSMENT = "assessment"
    STRATEGY_DISCUSSION = "strategy_discussion"
    EARLY_HELP = "early_help"
    THRESHOLD_NOT_MET = "threshold_not_met"
    NO_FURTHER_ACTION = "no_further_action"
    STEPPED_DOWN = "stepped_down"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "awaiting": "Awaiting decision",
            "assessment": "Accepted for assessment",
            "strategy_discussion": "Strategy discussion",
            "early_help": "Early help offered",
            "threshold_not_met": "Threshold not met",
            "no_further_action": "No further action",
            "stepped_down": "Stepped down",
            "other": "Other",
        }[self.value]

    @property
    def may_be_challenged(self) -> bool:
        """Outcomes after which the reviews found schools rarely challenged, though they could."""
        return self in DISPUTABLE_OUTCOMES


DISPUTABLE_OUTCOMES = frozenset(
    {
        ReferralOutcome.THRESHOLD_NOT_MET,
        ReferralOutcome.NO_FURTHER_ACTION,
        ReferralOutcome.STEPPED_DOWN,
    }
)


def next_working_day(day: date) -> date:
    """The next weekday that is not a bank holiday in England."""
    following = day + timedelta(days=1)
    while following.weekday() >= 5 or is_bank_holiday(following):
        following += timedelta(days=1)
    return following


def working_days_after(day: date, until: date) -> int:
    """How many working days fall after `day`, up to and including `until`."""
    count, current = 0, next_working_day(day)
    while current <= until:
        count, current = count + 1, next_working_day(current)
    return count


@dataclass(frozen=True, slots=True)
class Referral:
    child_id: int
    made_at: datetime
    agency: Agency
    asked_for: str
    outcome: ReferralOutcome = ReferralOutcome.AWAITING
    outcome_reasons: str = ""
    heard_back_at: datetime | None = None
    id: int | None = None
    version: int = 1

    def feedback_due_by(self) -> datetime:
        """Working Together expects a decision and acknowledgement within one working day."""
        return datetime.combine(next_working_day(self.made_at.date()), self.made_at.time())

    def feedback_overdue(self, now: datetime) -> bool:
        # A recorded outcome means the school heard back, even if the time was not noted.
        awaiting = self.heard_back_at is None and self.outcome is ReferralOutcome.AWAITING
        return awaiting and now > self.feedback_due_by()


@dataclass(frozen=True, slots=True)
class Escalation:
    """A professional disagreement with one decision or more (the first is `referral_id`)."""

    child_id: int
    referral_id: int
    started_on: date
    why_we_disagree: str
    asking_for: str
    resolved_on: date | None = None
    resolution: str = ""
    # Further decisions challenged together (another "threshold not met", a "no further action").
    also_challenges: tuple[int, ...] = ()
    id: int | None = None
    version: int = 1

    @property
    def challenges(self) -> tuple[int, ...]:
        """Every referral whose decision this escalation challenges, the first one first."""
        return (self.referral_id, *(r for r in self.also_challenges if r != self.referral_id))

    @property
    def under_way(self) -> bool:
        return self.resolved_on is None


@dataclass(frozen=True, slots=True)
class EscalationStep:
    escalation_id: int
    stage: str  # the key of a stage in the local procedure file
    contacted: str
    contacted_on: date
    response: str = ""
    next_deadline: date | None = None
    id: int | None = None
    version: int = 1

    def overdue(self, today: date) -> bool:
        return (
            not self.response.strip()
            and self.next_deadline is not None
            and today > self.next_deadline
        )
