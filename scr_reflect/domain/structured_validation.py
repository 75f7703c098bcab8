"""Checks on the structured records, each problem named in a DSL's words."""

from __future__ import annotations

from datetime import date, datetime

from .accounts import Account, Claim, ClaimStatus
from .body_map import BodyMark
from .body_regions import region_at
from .education import EducationAbsence, WhereaboutsCheck
from .factors import CumulativeFactor
from .missing import MissingEpisode
from .missing_interview_rules import interview_problems
from .referrals import Escalation, EscalationStep, Referral, ReferralOutcome
from .sharing import SharingDecision
from .validation import Problem


def _required(value: str, field: str, message: str) -> list[Problem]:
    return [] if value.strip() else [Problem(field, message)]


def factor_problems(factor: CumulativeFactor, now: datetime) -> list[Problem]:
    problems = _required(factor.source, "source", "Say how the school knows (the source).")
    if factor.first_known > now.date():
        problems.append(Problem("first_known", "The date first known is in the future."))
    if factor.ended_on and factor.ended_on > now.date():
        problems.append(Problem("ended_on", "The date it stopped applying is in the future."))
    if factor.ended_on and factor.ended_on < factor.first_known:
        problems.append(Problem("ended_on", "It stopped applying before it was first known."))
    return problems


def missing_problems(episode: MissingEpisode, now: datetime) -> list[Problem]:
    problems: list[Problem] = []
    if episode.started_at > now:
        problems.append(Problem("started_at", "The episode cannot start in the future."))
    if episode.ended_at and episode.ended_at < episode.started_at:
        problems.append(Problem("ended_at", "The child returned before going missing."))
    return problems + interview_problems(episode, now)


def education_problems(absence: EducationAbsence, now: datetime) -> list[Problem]:
    problems: list[Problem] = []
    if _after(absence.started_at, absence.start_time_known, now):
        problems.append(Problem("started_at", "The absence cannot start in the future."))
    if absence.ended_before_start():
        problems.append(Problem("ended_at", "The absence ends before it starts."))
    elif absence.ended_at and _after(absence.ended_at, absence.end_time_known, now):
        problems.append(
            Problem("ended_at", "The end is in the future: leave it open until it has ended.")
        )
    if absence.said_by.strip() and not absence.said_to_be.strip():
        problems.append(Problem("said_to_be", "Say where the child was said to be."))
    if absence.checked is not WhereaboutsCheck.NOT_CHECKED:
        if not absence.said_to_be.strip():
            problems.append(Problem("said_to_be", "Say where the child was said to be."))
        if not absence.check_notes.strip():
            problems.append(Problem("check_notes", "Say how it was checked, and by whom."))
    told = absence.la_told_on
    if told and told < absence.started_at.date():
        problems.append(
            Problem("la_told_on", "The local authority is told before the absence started.")
        )
    if told and told > now.date():
        problems.append(Problem("la_told_on", "The local authority is told in the future."))
    return problems


def _after(moment: datetime, time_known: bool, now: datetime) -> bool:
    """Later than now; a day kept without its time only if it is a later day."""
    return moment > now if time_known else moment.date() > now.date()


def account_problems(account: Account, now: datetime) -> list[Problem]:
    problems = _required(account.summary, "summary", "Write what was said.")
    if account.given_at > now:
        problems.append(Problem("given_at", "The account cannot be given in the future."))
    return problems


def claim_problems(claim: Claim, today: date) -> list[Problem]:
    problems = _required(claim.text, "text", "Write the claim.")
    if claim.checked_on is None:  # settled before checks named their source and date
        if claim.status is not ClaimStatus.UNVERIFIED and not claim.evidence.strip():
            status = claim.status.value
            problems.append(Problem("evidence", f"Say what shows the claim is {status}."))
        return problems
    problems += _required(
        claim.checked_against, "checked_against", "Say what it was checked against."
    )
    problems += _required(claim.checked_by, "checked_by", "Say who checked it.")
    if claim.checked_on > today:
        problems.append(Problem("checked_on", "A claim cannot be checked in the future."))
    return problems


def referral_problems(referral: Referral, now: datetime) -> list[Problem]:
    problems = _required(referral.asked_for, "asked_for", "Say what the school asked for.")
    if referral.made_at > now:
        problems.append(Problem("made_at", "The referral cannot be made in the future."))
    if referral.heard_back_at and referral.heard_back_at < referral.made_at:
        problems.append(Problem("heard_back_at", "The reply is dated before the referral."))
    decided = referral.outcome is not ReferralOutcome.AWAITING
    if decided and not referral.outcome_reasons.strip():
        problems.append(Problem("outcome_reasons", "Record the reasons given for the outcome."))
    return problems


def escalation_problems(escalation: Escalation) -> list[Problem]:
    problems = _required(
        escalation.why_we_disagree, "why_we_disagree", "Say why the school disagrees."
    ) + _required(escalation.asking_for, "asking_for", "Say what the school is asking for.")
    if escalation.resolved_on is not None:
        problems += _required(
            escalation.resolution, "resolution", "Say how the disagreement was resolved."
        )
        if escalation.resolved_on < escalation.started_on:
            problems.append(Problem("resolved_on", "It is resolved before it was started."))
    if len(set(escalation.challenges)) != len(
        (escalation.referral_id, *escalation.also_challenges)
    ):
        problems.append(Problem("also_challenges", "A decision is named twice."))
    return problems


def step_problems(step: EscalationStep, known_stages: set[str]) -> list[Problem]:
    problems = _required(step.contacted, "contacted", "Say who was contacted.")
    if step.stage not in known_stages:
        problems.append(Problem("stage", "Choose a stage of the local procedure."))
    if step.next_deadline and step.next_deadline < step.contacted_on:
        problems.append(Problem("next_deadline", "The next deadline is before the contact."))
    return problems


def sharing_problems(decision: SharingDecision, now: datetime) -> list[Problem]:
    problems = _required(decision.with_whom, "with_whom", "Say with whom.")
    problems += _required(decision.what, "what", "Say what information.")
    problems += _required(decision.why, "why", "Record the reasons for the decision.")
    if not decision.family_told and not decision.why_not_told.strip():
        problems.append(Problem("why_not_told", "Say why the child and family were not told."))
    if decision.decided_at > now:
        problems.append(Problem("decided_at", "The decision cannot be in the future."))
    return problems


def mark_problems(mark: BodyMark, now: datetime) -> list[Problem]:
    problems = _required(mark.seen_by, "seen_by", "Say who saw the mark, or who reported it.")
    if not (0 <= mark.x <= 1 and 0 <= mark.y <= 1) or region_at(mark.view, mark.x, mark.y) is None:
        problems.append(Problem("region", "Place the mark on the figure, or choose its region."))
    elif region_at(mark.view, mark.x, mark.y) != mark.region:
        problems.append(Problem("region", "The region does not match where the mark is placed."))
    for field, size in (("length_cm", mark.length_cm), ("width_cm", mark.width_cm)):
        if size is not None and not 0 < size <= 100:
            problems.append(Problem(field, "A size is in centimetres, more than 0 and up to 100."))
    if mark.width_cm is not None and mark.length_cm is None:
        problems.append(Problem("length_cm", "Give the length as well as the width."))
    if mark.seen_on > now.date():
        problems.append(Problem("seen_on", "The date it was seen cannot be in the future."))
    return problems
