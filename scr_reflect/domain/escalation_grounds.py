"""What a new escalation starts from: the decisions it may challenge and a draft of its grounds.

Reviews found schools that disagreed with "threshold not met" yet never challenged it, often
because writing the challenge meant gathering evidence already in their own records. The
draft gathers it as plain text the DSL reads, changes or deletes; nothing here is saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from . import display_dates as show
from .accounts import AccountWithClaims, ClaimStatus
from .factors import CumulativeFactor
from .missing import MissingEpisode, interview_in_words
from .referrals import Escalation, Referral


@dataclass(frozen=True, slots=True)
class DecisionOffered:
    referral: Referral
    ticked: bool  # not yet challenged by any escalation, or the one the DSL chose


def challenged_ids(escalations: Iterable[Escalation]) -> set[int]:
    """Every referral some escalation (under way or concluded) challenges."""
    return {referral_id for e in escalations for referral_id in e.challenges}


def decisions_to_offer(
    referrals: Sequence[Referral], challenged: set[int], chosen: int | None
) -> list[DecisionOffered]:
    """Each decision not to act further, oldest first; ticked if nothing challenges it yet."""
    return [
        DecisionOffered(r, r.id == chosen or r.id not in challenged)
        for r in sorted(referrals, key=lambda r: r.made_at)
        if r.outcome.may_be_challenged and r.id is not None
    ]


def decision_words(referral: Referral) -> str:
    made = show.day(referral.made_at.date())
    return f"'{referral.outcome.label}' from {referral.agency.label.lower()} (referral of {made})"


def grounds_draft(
    challenged: Sequence[Referral],
    referrals: Sequence[Referral],
    accounts: Sequence[AccountWithClaims],
    missing: Sequence[MissingEpisode],
    factors: Sequence[CumulativeFactor],
    now: datetime,
) -> str:
    """The evidence already recorded, as editable text under the decisions challenged."""
    parts = [
        "The school disagrees with "
        + " and ".join(decision_words(r) for r in challenged)
        + ". What the school knows that the decision does not reflect:"
    ]
    parts += _contradicted(accounts)
    parts += _missing(missing, now)
    current = [f for f in factors if f.still_applies]
    if current:
        parts.append(
            "• Factors that still apply: "
            + "; ".join(
                f"{f.factor.label} (known since {show.day(f.first_known)})" for f in current
            )
            + "."
        )
    parts += _referrals(referrals)
    if len(parts) == 1:
        parts.append("• (Nothing else is recorded yet: say what the school knows.)")
    return "\n".join(parts)


def _contradicted(accounts: Sequence[AccountWithClaims]) -> list[str]:
    return [
        f'• {item.account.source_label} said "{claim.text}"; this is contradicted: '
        f"{claim.evidence or 'no detail recorded'}."
        for item in accounts
        for claim in item.claims
        if claim.status is ClaimStatus.CONTRADICTED
    ]


def _missing(missing: Sequence[MissingEpisode], now: datetime) -> list[str]:
    if not missing:
        return []
    lines = [f"• {len(missing)} missing episode{'s' * (len(missing) > 1)}:"]
    for episode in sorted(missing, key=lambda e: e.started_at):
        lines.append(f"  - from {show.moment(episode.started_at)}: {_interview(episode, now)}.")
    return lines


def _interview(episode: MissingEpisode, now: datetime) -> str:
    if episode.ended_at is None:
        return "still missing"
    late = " (not within 72 hours)" if episode.interview_missed(now) else ""
    return f"return home interview: {interview_in_words(episode).lower()}{late}"


def _referrals(referrals: Sequence[Referral]) -> list[str]:
    if len(referrals) < 2:
        return []
    listed = "; ".join(
        f"{show.day(r.made_at.date())} {r.outcome.label.lower()}"
        for r in sorted(referrals, key=lambda r: r.made_at)
    )
    return [f"• {len(referrals)} referrals so far: {listed}."]
