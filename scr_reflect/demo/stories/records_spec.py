"""The structured records of a demo story: factors, missing episodes, absences from
education, accounts, referrals with their escalations, and information-sharing decisions.

Like the rest of a story they are written relative to today ("17 days ago"), and each spec
turns itself into the domain record for a given child and today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ...domain.accounts import Account, AccountSource, Claim, ClaimStatus, EvidenceKind
from ...domain.body_map import BodyMark, BodyView, HowKnown, MarkShape
from ...domain.body_regions import centre_of
from ...domain.education import AbsenceKind, EducationAbsence, WhereaboutsCheck
from ...domain.escalation_procedure import EscalationProcedure, deadline_after
from ...domain.factors import CumulativeFactor, Factor
from ...domain.missing import MissingEpisode, with_interview_dates
from ...domain.referrals import Agency, Escalation, EscalationStep, Referral, ReferralOutcome
from ...domain.sharing import LawfulBasis, SharingDecision
from .dates import on_school_day, when

_SOONEST_REPLY = timedelta(hours=1)


def _day(days_ago: int, today: date) -> date:
    return on_school_day(today - timedelta(days=days_ago))


def _at(days_ago: int, clock_time: str, today: date, *, school_day: bool = True) -> datetime:
    return when(days_ago, time.fromisoformat(clock_time), today, school_day=school_day)


@dataclass(frozen=True, slots=True)
class FactorSpec:
    factor: Factor
    days_ago: int  # when the school first knew
    source: str
    ended_days_ago: int | None = None  # None: it still applies
    notes: str = ""

    def record(self, child_id: int, today: date) -> CumulativeFactor:
        ended = None if self.ended_days_ago is None else _day(self.ended_days_ago, today)
        return CumulativeFactor(
            child_id=child_id,
            factor=self.factor,
            first_known=_day(self.days_ago, today),
            source=self.source,
            still_applies=ended is None,
            ended_on=ended,
            notes=self.notes,
        )


@dataclass(frozen=True, slots=True)
class MissingSpec:
    days_ago: int
    at: str  # "HH:MM": a child goes missing on any day, at any hour
    hours_away: float
    found_where: str
    found_by: str
    reported_by: str
    police_reference: str
    # Days after the return: when the interview was offered and held (None: not held).
    interview_offered_after: int | None
    interview_held_after: int | None
    child_said: str
    push_factors: str = ""
    pull_factors: str = ""

    def record(self, child_id: int, today: date) -> MissingEpisode:
        started = _at(self.days_ago, self.at, today, school_day=False)
        ended = started + timedelta(hours=self.hours_away)
        episode = MissingEpisode(
            child_id=child_id,
            started_at=started,
            ended_at=ended,
            found_where=self.found_where,
            found_by=self.found_by,
            reported_by=self.reported_by,
            police_reference=self.police_reference,
            child_said=self.child_said,
            push_factors=self.push_factors,
            pull_factors=self.pull_factors,
        )
        offered_on = _after(ended, self.interview_offered_after)
        return with_interview_dates(episode, offered_on, _after(ended, self.interview_held_after))


def _after(moment: datetime, days: int | None) -> date | None:
    return None if days is None else moment.date() + timedelta(days=days)


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    text: str
    status: ClaimStatus = ClaimStatus.UNVERIFIED
    evidence_kind: EvidenceKind | None = None
    evidence: str = ""

    def record(self, account_id: int) -> Claim:
        return Claim(account_id, self.text, self.status, self.evidence_kind, self.evidence)


@dataclass(frozen=True, slots=True)
class AccountSpec:
    days_ago: int
    source: AccountSource
    given_by: str
    summary: str
    claims: tuple[ClaimSpec, ...]
    at: str = "15:10"

    def record(self, child_id: int, today: date) -> Account:
        given = _at(self.days_ago, self.at, today)
        return Account(child_id, self.source, self.given_by, given, self.summary)


@dataclass(frozen=True, slots=True)
class StepSpec:
    stage: str  # a stage key of the escalation procedure file
    contacted: str
    days_ago: int
    response: str = ""  # empty: still waiting for a reply

    def record(
        self, escalation_id: int, today: date, procedure: EscalationProcedure, position: int
    ) -> EscalationStep:
        # A partnership may have renamed the stages: then take the stage at the same place.
        stage = (
            procedure.stage(self.stage)
            if self.stage in procedure.stage_keys
            else procedure.stages[min(position, len(procedure.stages) - 1)]
        )
        contacted_on = _day(self.days_ago, today)
        return EscalationStep(
            escalation_id=escalation_id,
            stage=stage.key,
            contacted=self.contacted,
            contacted_on=contacted_on,
            response=self.response,
            next_deadline=deadline_after(contacted_on, stage.respond_within_working_days),
        )


@dataclass(frozen=True, slots=True)
class EscalationSpec:
    days_ago: int
    why_we_disagree: str
    asking_for: str
    steps: tuple[StepSpec, ...]
    resolved_days_ago: int | None = None
    resolution: str = ""

    def record(self, child_id: int, referral_id: int, today: date) -> Escalation:
        resolved = None if self.resolved_days_ago is None else _day(self.resolved_days_ago, today)
        return Escalation(
            child_id=child_id,
            referral_id=referral_id,
            started_on=_day(self.days_ago, today),
            why_we_disagree=self.why_we_disagree,
            asking_for=self.asking_for,
            resolved_on=resolved,
            resolution=self.resolution,
        )


@dataclass(frozen=True, slots=True)
class ReferralSpec:
    days_ago: int
    agency: Agency
    asked_for: str
    outcome: ReferralOutcome = ReferralOutcome.AWAITING
    outcome_reasons: str = ""
    heard_back_days_ago: int | None = None  # None: the school has not heard back
    escalation: EscalationSpec | None = None
    at: str = "15:00"
    heard_back_at: str = "16:30"

    def record(self, child_id: int, today: date) -> Referral:
        made = _at(self.days_ago, self.at, today)
        heard = None
        if self.heard_back_days_ago is not None:
            # A weekend day moves back to the Friday, which can put a next-day reply on the
            # same day as the referral: the reply never comes before it.
            heard = max(
                _at(self.heard_back_days_ago, self.heard_back_at, today),
                made + _SOONEST_REPLY,
            )
        return Referral(
            child_id=child_id,
            made_at=made,
            agency=self.agency,
            asked_for=self.asked_for,
            outcome=self.outcome,
            outcome_reasons=self.outcome_reasons,
            heard_back_at=heard,
        )


@dataclass(frozen=True, slots=True)
class SharingSpec:
    days_ago: int
    shared: bool
    with_whom: str
    what: str
    why: str
    lawful_basis: LawfulBasis
    why_not_told: str = ""  # empty: the child and family were told
    at: str = "14:00"

    def record(self, child_id: int, today: date) -> SharingDecision:
        return SharingDecision(
            child_id=child_id,
            decided_at=_at(self.days_ago, self.at, today),
            shared=self.shared,
            with_whom=self.with_whom,
            what=self.what,
            why=self.why,
            lawful_basis=self.lawful_basis,
            family_told=not self.why_not_told,
            why_not_told=self.why_not_told,
        )


@dataclass(frozen=True, slots=True)
class EducationSpec:
    days_ago: int
    kind: AbsenceKind
    at: str  # "HH:MM", or "" where only the day is known
    back_at: str  # the same day; "" where only the day is known
    said_to_be: str = ""
    said_by: str = ""
    checked: WhereaboutsCheck = WhereaboutsCheck.NOT_CHECKED
    check_notes: str = ""
    parent_told: bool = True
    others_told: str = ""
    notes: str = ""

    def record(self, child_id: int, today: date) -> EducationAbsence:
        return EducationAbsence(
            child_id=child_id,
            kind=self.kind,
            started_at=_at(self.days_ago, self.at or "09:00", today),
            start_time_known=bool(self.at),
            ended_at=_at(self.days_ago, self.back_at or "09:00", today),
            end_time_known=bool(self.back_at),
            said_to_be=self.said_to_be,
            said_by=self.said_by,
            checked=self.checked,
            check_notes=self.check_notes,
            parent_told=self.parent_told,
            others_told=self.others_told,
            notes=self.notes,
        )


@dataclass(frozen=True, slots=True)
class MarkSpec:
    """A mark on the body map, of the concern told just before it in the story."""

    days_ago: int
    view: BodyView
    region: str  # one the body map names: the mark is drawn at its middle
    shape: MarkShape
    colour: str
    seen_by: str
    length_cm: float
    width_cm: float | None = None
    child_said: str = ""

    def record(self, child_id: int, concern_id: int, today: date) -> BodyMark:
        x, y = centre_of(self.view, self.region)
        return BodyMark(
            child_id=child_id,
            concern_id=concern_id,
            view=self.view,
            x=x,
            y=y,
            region=self.region,
            shape=self.shape,
            colour=self.colour,
            how_known=HowKnown.SEEN,
            seen_by=self.seen_by,
            seen_on=_day(self.days_ago, today),
            length_cm=self.length_cm,
            width_cm=self.width_cm,
            child_said=self.child_said,
        )


RecordSpec = FactorSpec | MissingSpec | EducationSpec | AccountSpec | ReferralSpec | SharingSpec
