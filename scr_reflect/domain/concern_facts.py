"""The facts about a child and a concern that decide which reflective prompts apply.

Built from the records alone, so the same records always bring the same prompts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .accounts import AccountWithClaims, ClaimStatus
from .enums import Category
from .factors import CumulativeFactor, Factor
from .legal_status import LegalStatus
from .missing import MissingEpisode, missing_pattern
from .records import Child, Concern
from .referrals import Referral

RECENT = timedelta(days=90)


class Flag(StrEnum):
    FIRST_CONCERN = "first_concern"
    REPEATED_CONCERNS = "repeated_concerns"  # three or more concerns in all
    CONCERNS_CLOSE_TOGETHER = "concerns_close_together"  # another within 90 days before
    MISSING_RECENTLY = "missing_recently"  # an episode in the last 90 days
    MISSING_REPEATEDLY = "missing_repeatedly"  # three or more in the last 90 days
    MISSING_NOW = "missing_now"
    INTERVIEW_MISSED = "interview_missed"  # a return home interview not held in 72 hours
    THRESHOLD_NOT_MET = "threshold_not_met"  # a referral closed without further action
    THRESHOLD_NOT_MET_AGAIN = "threshold_not_met_again"  # two or more such outcomes
    DECISION_UNCHALLENGED = "decision_unchallenged"  # such an outcome with no escalation
    FEEDBACK_OVERDUE = "feedback_overdue"
    NEVER_REFERRED = "never_referred"
    CLAIM_CONTRADICTED = "claim_contradicted"
    CLAIM_UNVERIFIED = "claim_unverified"
    # a new adult in the household recorded as such, or a partner noted in the last 180 days
    NEW_ADULT_AT_HOME = "new_adult_at_home"
    IN_CARE_OR_COURT = "in_care_or_court"  # any care, guardianship or court status
    PREVIOUS_SOCIAL_CARE = "previous_social_care"  # involvement closed, now on no plan


@dataclass(frozen=True, slots=True)
class ConcernFacts:
    age: int
    categories: frozenset[Category]
    factors: frozenset[Factor]  # those that still apply
    legal_status: LegalStatus
    flags: frozenset[Flag]
    concerns_so_far: int
    missing_last_90_days: int


def facts_for(
    child: Child,
    concern: Concern,
    concerns: list[Concern],
    factors: list[CumulativeFactor],
    missing: list[MissingEpisode],
    accounts: list[AccountWithClaims],
    referrals: list[tuple[Referral, bool]],  # each with whether it has been escalated
    now: datetime,
) -> ConcernFacts:
    so_far = [c for c in concerns if c.occurred_at <= concern.occurred_at]
    before = [c for c in so_far if c.id != concern.id]
    pattern = missing_pattern(missing, now)
    statuses = {claim.status for item in accounts for claim in item.claims}
    disputable = [(r, escalated) for r, escalated in referrals if r.outcome.may_be_challenged]
    current = [f for f in factors if f.still_applies]
    flags = {
        Flag.FIRST_CONCERN: not before,
        Flag.REPEATED_CONCERNS: len(so_far) >= 3,
        Flag.CONCERNS_CLOSE_TOGETHER: any(
            concern.occurred_at - c.occurred_at <= RECENT for c in before
        ),
        Flag.MISSING_RECENTLY: pattern.in_last_90_days >= 1,
        Flag.MISSING_REPEATEDLY: pattern.in_last_90_days >= 3,
        Flag.MISSING_NOW: pattern.still_missing,
        Flag.INTERVIEW_MISSED: any(e.interview_missed(now) for e in missing),
        Flag.THRESHOLD_NOT_MET: bool(disputable),
        Flag.THRESHOLD_NOT_MET_AGAIN: len(disputable) >= 2,
        Flag.DECISION_UNCHALLENGED: any(not escalated for _r, escalated in disputable),
        Flag.FEEDBACK_OVERDUE: any(r.feedback_overdue(now) for r, _e in referrals),
        Flag.NEVER_REFERRED: not referrals,
        Flag.CLAIM_CONTRADICTED: ClaimStatus.CONTRADICTED in statuses,
        Flag.CLAIM_UNVERIFIED: ClaimStatus.UNVERIFIED in statuses,
        Flag.NEW_ADULT_AT_HOME: any(
            f.factor is Factor.NEW_ADULT_IN_HOUSEHOLD
            or (f.factor is Factor.MULTIPLE_PARTNERS and now.date() - f.first_known <= 2 * RECENT)
            for f in current
        ),
        Flag.IN_CARE_OR_COURT: child.legal_status.involves_care_or_court,
        Flag.PREVIOUS_SOCIAL_CARE: child.legal_status is LegalStatus.PREVIOUS_SOCIAL_CARE,
    }
    return ConcernFacts(
        age=child.age_on(concern.occurred_at.date()),
        categories=concern.categories,
        factors=frozenset(f.factor for f in current),
        legal_status=child.legal_status,
        flags=frozenset(flag for flag, holds in flags.items() if holds),
        concerns_so_far=len(so_far),
        missing_last_90_days=pattern.in_last_90_days,
    )
