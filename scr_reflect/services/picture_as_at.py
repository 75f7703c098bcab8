"""A child's picture as it stood on a concern's day, and what has been recorded since.

Reflecting on an older concern weighs what was known then: a factor first noted a month later
did not shape that day's decision. What came after is kept apart and shown as "since then",
never dropped. Whatever is dated on the concern's day counts as known then, since factors
and escalations are kept by the day and a referral made that afternoon answers the concern.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from ..domain.accounts import AccountWithClaims
from ..domain.education import EducationAbsence
from ..domain.factors import CumulativeFactor
from ..domain.missing import MissingEpisode, missing_pattern
from ..domain.records import Concern
from ..domain.referrals import Referral, ReferralOutcome
from .structured import ChildPicture, ReferralCase


@dataclass(frozen=True, slots=True)
class SinceThen:
    """Records dated after the concern's day, oldest first: not counted in its facts."""

    concerns: tuple[Concern, ...] = ()
    factors: tuple[CumulativeFactor, ...] = ()  # first known later
    missing: tuple[MissingEpisode, ...] = ()  # started later
    referrals: tuple[Referral, ...] = ()  # made later
    outcomes: tuple[Referral, ...] = ()  # made by then, heard back later
    accounts: tuple[AccountWithClaims, ...] = ()  # given later

    def __bool__(self) -> bool:
        return any(
            (
                self.concerns,
                self.factors,
                self.missing,
                self.referrals,
                self.outcomes,
                self.accounts,
            )
        )


def as_at(concern: Concern, now: datetime) -> datetime:
    """The moment the concern's facts are taken at: the end of its day, or now if sooner."""
    return min(now, datetime.combine(concern.occurred_at.date(), time.max))


def picture_as_at(
    picture: ChildPicture, concerns: list[Concern], at: datetime
) -> tuple[ChildPicture, SinceThen]:
    """The picture as it stood at `at`, and what has been recorded after it."""
    day = at.date()
    factors = [_factor_then(f, day) for f in picture.factors if f.first_known <= day]
    missing = [_episode_then(e, at) for e in picture.missing if e.started_at <= at]
    then = ChildPicture(
        factors=tuple(factors),
        missing=tuple(missing),
        missing_pattern=missing_pattern(missing, at),
        education=tuple(_absence_then(a, at) for a in picture.education if a.started_at <= at),
        accounts=tuple(a for a in picture.accounts if a.account.given_at <= at),
        referrals=tuple(
            _case_then(case, at) for case in picture.referrals if case.referral.made_at <= at
        ),
        sharing=tuple(s for s in picture.sharing if s.decided_at <= at),
        marks=tuple(m for m in picture.marks if m.seen_on <= day),
    )
    referrals = [case.referral for case in picture.referrals]
    since = SinceThen(
        concerns=tuple(
            sorted((c for c in concerns if c.occurred_at > at), key=lambda c: c.occurred_at)
        ),
        factors=tuple(
            sorted((f for f in picture.factors if f.first_known > day), key=lambda f: f.first_known)
        ),
        missing=tuple(
            sorted((e for e in picture.missing if e.started_at > at), key=lambda e: e.started_at)
        ),
        referrals=tuple(sorted((r for r in referrals if r.made_at > at), key=lambda r: r.made_at)),
        outcomes=tuple(r for r in referrals if r.made_at <= at and _heard_after(r, at)),
        accounts=tuple(
            sorted(
                (a for a in picture.accounts if a.account.given_at > at),
                key=lambda a: a.account.given_at,
            )
        ),
    )
    return then, since


def _factor_then(factor: CumulativeFactor, day: date) -> CumulativeFactor:
    """A factor that ended after the day still applied on it."""
    if factor.still_applies or factor.ended_on is None or factor.ended_on <= day:
        return factor
    return replace(factor, still_applies=True, ended_on=None)


def _episode_then(episode: MissingEpisode, at: datetime) -> MissingEpisode:
    """An episode the child came back from later was still going on then."""
    if episode.ended_at is not None and episode.ended_at > at:
        return replace(episode, ended_at=None)
    return episode


def _absence_then(absence: EducationAbsence, at: datetime) -> EducationAbsence:
    """An absence that ended later, or the local authority told later, as it stood then."""
    if absence.ended_at is not None and absence.ended_at > at:
        absence = replace(absence, ended_at=None)
    if absence.la_told_on is not None and absence.la_told_on > at.date():
        absence = replace(absence, la_told_on=None)
    return absence


def _case_then(case: ReferralCase, at: datetime) -> ReferralCase:
    referral = case.referral
    if _heard_after(referral, at):
        referral = replace(
            referral, outcome=ReferralOutcome.AWAITING, outcome_reasons="", heard_back_at=None
        )
    started = tuple(e for e in case.escalations if e.escalation.started_on <= at.date())
    return ReferralCase(referral, started)


def _heard_after(referral: Referral, at: datetime) -> bool:
    return referral.heard_back_at is not None and referral.heard_back_at > at
