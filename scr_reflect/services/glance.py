"""The child's picture in a few plain sentences: what has built up, which accounts do not
hold together, which decisions are waiting. Counts of records, never a score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ..domain import display_dates as show
from ..domain.accounts import ClaimStatus
from ..domain.missing import Trend
from .structured import ChildPicture, PicturePart, ReferralCase


class GlanceTopic(StrEnum):
    """Which tab a glance line leads to."""

    FACTORS = "factors"
    MISSING = "missing"
    ACCOUNTS = "accounts"
    REFERRALS = "referrals"


# What the glance reads of the picture: read when a child is opened, whatever tab is shown.
GLANCE_PARTS = frozenset(
    {PicturePart.FACTORS, PicturePart.MISSING, PicturePart.ACCOUNTS, PicturePart.REFERRALS}
)


@dataclass(frozen=True, slots=True)
class GlanceLine:
    topic: GlanceTopic
    text: str


def glance(picture: ChildPicture, now: datetime) -> list[GlanceLine]:
    lines = [
        line
        for line in (
            _factors(picture),
            _missing(picture),
            _accounts(picture),
            _decisions(picture, now),
        )
        if line is not None
    ]
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _factors(picture: ChildPicture) -> GlanceLine | None:
    current = [f for f in picture.factors if f.still_applies]
    if not picture.factors:
        return None
    first = min(f.first_known for f in picture.factors)
    verb = "applies" if len(current) == 1 else "apply"
    return GlanceLine(
        GlanceTopic.FACTORS,
        f"{len(current)} of {_plural(len(picture.factors), 'recorded factor')} still {verb} "
        f"(first noted {first:%m/%Y}).",
    )


def _missing(picture: ChildPicture) -> GlanceLine | None:
    pattern = picture.missing_pattern
    if pattern.still_missing:
        return GlanceLine(GlanceTopic.MISSING, "Missing now: the latest episode has no return.")
    if not pattern.in_last_90_days:
        return None
    trend = {
        Trend.RISING: ", more often than the 90 days before",
        Trend.FALLING: ", fewer than the 90 days before",
    }.get(pattern.frequency, "")
    longer = "; the latest was longer than before" if pattern.duration is Trend.RISING else ""
    count = _plural(pattern.in_last_90_days, "missing episode")
    return GlanceLine(GlanceTopic.MISSING, f"{count} in the last 90 days{trend}{longer}.")


def _accounts(picture: ChildPicture) -> GlanceLine | None:
    statuses = [c.status for a in picture.accounts for c in a.claims]
    contradicted = statuses.count(ClaimStatus.CONTRADICTED)
    unchecked = statuses.count(ClaimStatus.UNVERIFIED)
    if not contradicted and not unchecked:
        return None
    parts = []
    if contradicted:
        parts.append(f"{_plural(contradicted, 'claim')} contradicted")
    if unchecked:
        parts.append(f"{unchecked} not yet checked")
    return GlanceLine(GlanceTopic.ACCOUNTS, f"Accounts: {' and '.join(parts)}.")


def _decisions(picture: ChildPicture, now: datetime) -> GlanceLine | None:
    disputable = [c for c in picture.referrals if c.referral.outcome.may_be_challenged]
    late = [c for c in picture.referrals if c.referral.feedback_overdue(now)]
    parts = []
    if disputable:
        parts.append(
            f"{_plural(len(disputable), 'decision')} not to act further" + _challenges(disputable)
        )
    if late:
        parts.append(f"{_plural(len(late), 'referral')} with no reply in time")
    if not parts:
        return None
    return GlanceLine(GlanceTopic.REFERRALS, f"Referrals: {'; '.join(parts)}.")


def _challenges(disputable: list[ReferralCase]) -> str:
    """Which decisions are not challenged, being challenged, or whose challenge has concluded
    (with its outcome): a decision under challenge is never called unchallenged."""
    unchallenged = [c for c in disputable if not c.escalations]
    under_way = [c for c in disputable if c.challenge_under_way is not None]
    concluded = {e.id: e for c in disputable if (e := c.challenge_concluded) is not None and e.id}
    said = []
    if unchallenged:
        said.append(f"{len(unchallenged)} not challenged")
    if under_way:
        said.append(f"{len(under_way)} being challenged")
    for escalation in concluded.values():
        assert escalation.resolved_on is not None
        outcome = " ".join(escalation.resolution.split())
        outcome = outcome if len(outcome) <= 80 else outcome[:79].rstrip() + "…"
        said.append(f"challenge concluded {show.day(escalation.resolved_on)}: {outcome}")
    return "".join(f", {part}" for part in said)
