"""Checks on the structured records, each problem named in a DSL's words."""

from __future__ import annotations

from datetime import datetime

from .accounts import Account, Claim, ClaimStatus
from .body_map import BodyMark
from .body_regions import region_at
from .factors import CumulativeFactor
from .missing import MissingEpisode
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
    held, offered = episode.interview_held_on, episode.interview_offered_on
    if held and episode.ended_at and held < episode.ended_at.date():
        problems.append(Problem("interview_held_on", "The interview is dated before the return."))
    if held and offered and held < offered:
        problems.append(
            Problem("interview_held_on", "The interview was held before it was offered.")
        )
    return problems


def account_problems(account: Account, now: datetime) -> list[Problem]:
    problems = _required(account.summary, "summary", "Write what was said.")
    if account.given_at > now:
        problems.append(Problem("given_at", "The account cannot be given in the future."))
    return problems


def claim_problems(claim: Claim) -> list[Problem]:
    problems = _required(claim.text, "text", "Write the claim.")
    if claim.status is not ClaimStatus.UNVERIFIED and not claim.evidence.strip():
        problems.append(Problem("evidence", f"Say what shows the claim is {claim.status.value}."))
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
