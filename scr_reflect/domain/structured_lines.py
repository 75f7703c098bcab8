"""The chronology lines each structured record writes, in words a reader can scan."""

from __future__ import annotations

from datetime import datetime

from . import display_dates as show
from .accounts import CLAIM_CHECKED, Account, Claim, found
from .body_map import BodyMark, HowKnown
from .education import EducationAbsence
from .enums import EntryKind
from .factors import CumulativeFactor
from .headlines import ChronologyLine, kept_by_the_day
from .missing import MissingEpisode, interview_in_words
from .referrals import Escalation, EscalationStep, Referral, ReferralOutcome
from .sharing import SharingDecision


def factor_lines(factor: CumulativeFactor) -> list[ChronologyLine]:
    state = "still applies" if factor.still_applies else "no longer applies"
    return [
        ChronologyLine(
            EntryKind.FACTOR,
            kept_by_the_day(factor.first_known),
            f"{factor.factor.group.label} factor: {factor.factor.label} ({state})",
            f"Source: {factor.source}\n{factor.notes}".strip(),
            time_known=False,
        )
    ]


def missing_lines(episode: MissingEpisode) -> list[ChronologyLine]:
    returned = (
        f"returned {show.day_and_time(episode.ended_at)}"
        if episode.ended_at
        else "not yet returned"
    )
    found = f"; found at {episode.found_where}" if episode.found_where else ""
    interview = ""
    if episode.ended_at:
        words = interview_in_words(episode)
        interview = f"; return home interview: {words[0].lower()}{words[1:]}"
    return [
        ChronologyLine(
            EntryKind.MISSING,
            episode.started_at,
            f"Missing episode: {returned}{found}{interview}",
            episode.child_said,
        )
    ]


def education_lines(absence: EducationAbsence) -> list[ChronologyLine]:
    if absence.ended_at is None:
        until = "; still going on"
    else:
        until = f"; until {show.moment(absence.ended_at, absence.end_time_known)}"
    said = (
        f"Said to be: {absence.said_to_be} (by {absence.said_by or 'not recorded'}; "
        f"{absence.checked.label.lower()})"
        if absence.said_to_be
        else "Where the child was: not known"
    )
    body = f"{said}\nTold: {absence.told_text()}\n{absence.notes}".strip()
    return [
        ChronologyLine(
            EntryKind.EDUCATION,
            absence.started_at,
            f"{absence.kind.label}{until}",
            body,
            time_known=absence.start_time_known,
        )
    ]


def account_lines(account: Account) -> list[ChronologyLine]:
    return [
        ChronologyLine(
            EntryKind.ACCOUNT,
            account.given_at,
            f"Account from {account.source_label}",
            account.summary,
        )
    ]


def claim_lines(claim: Claim) -> list[ChronologyLine]:
    """A checked claim's line: the claim, what it was checked against and what that found.

    Written again at each check, so the chronology shows the latest; the history keeps each."""
    if claim.checked_on is None:
        return []  # an unchecked claim is read with its account
    note = f"{claim.evidence.strip()}\n" if claim.evidence.strip() else ""
    return [
        ChronologyLine(
            EntryKind.ACCOUNT,
            kept_by_the_day(claim.checked_on),
            f"{CLAIM_CHECKED}: “{claim.text}”, {found(claim)}",
            f"{note}Checked by {claim.checked_by}.",
            time_known=False,
        )
    ]


def referral_lines(referral: Referral) -> list[ChronologyLine]:
    lines = [
        ChronologyLine(
            EntryKind.REFERRAL,
            referral.made_at,
            f"Referral to {referral.agency.label.lower()}",
            referral.asked_for,
        )
    ]
    if referral.outcome is not ReferralOutcome.AWAITING:
        lines.append(
            ChronologyLine(
                EntryKind.OUTCOME,
                referral.heard_back_at or referral.made_at,
                f"Outcome from {referral.agency.label.lower()}: {referral.outcome.label}",
                referral.outcome_reasons,
            )
        )
    return lines


def escalation_lines(escalation: Escalation) -> list[ChronologyLine]:
    lines = [
        ChronologyLine(
            EntryKind.ESCALATION,
            kept_by_the_day(escalation.started_on),
            "Escalation started: the school disagrees with "
            + (
                f"{len(escalation.challenges)} decisions"
                if escalation.also_challenges
                else "the decision"
            ),
            escalation.why_we_disagree,
            time_known=False,
        )
    ]
    if escalation.resolved_on:
        lines.append(
            ChronologyLine(
                EntryKind.ESCALATION,
                kept_by_the_day(escalation.resolved_on),
                "Escalation resolved",
                escalation.resolution,
                time_known=False,
            )
        )
    return lines


def step_lines(step: EscalationStep, stage_title: str) -> list[ChronologyLine]:
    return [
        ChronologyLine(
            EntryKind.ESCALATION,
            kept_by_the_day(step.contacted_on),
            f"Escalation, {stage_title}: contacted {step.contacted}",
            step.response,
            time_known=False,
        )
    ]


def sharing_lines(decision: SharingDecision) -> list[ChronologyLine]:
    verb = "Shared information with" if decision.shared else "Decided not to share with"
    return [
        ChronologyLine(
            EntryKind.SHARING,
            decision.decided_at,
            f"{verb} {decision.with_whom}",
            f"{decision.what}\nWhy: {decision.why}".strip(),
        )
    ]


def mark_lines(mark: BodyMark) -> list[ChronologyLine]:
    when = kept_by_the_day(mark.seen_on)
    if mark.seen_time is not None:
        when = datetime.combine(mark.seen_on, mark.seen_time)
    how = "seen by" if mark.how_known is HowKnown.SEEN else "reported by"
    said = f"\nThe child said: \u201c{mark.child_said}\u201d" if mark.child_said.strip() else ""
    return [
        ChronologyLine(
            EntryKind.BODY_MARK,
            when,
            f"Mark on the {mark.summary}",
            f"{how.capitalize()} {mark.seen_by}.{said}",
            time_known=mark.seen_time is not None,
        )
    ]
