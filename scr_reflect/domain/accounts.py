"""Accounts given about a child, split into claims that are checked against other sources.

The reviews found parents' accounts accepted without independent confirmation; each claim
here is corroborated, contradicted or still unverified, with what shows it. Checking a claim is
an act of its own: against what, when and by whom, kept as the claim's next version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class AccountSource(StrEnum):
    PARENT = "parent"
    CARER = "carer"
    CHILD = "child"
    PROFESSIONAL = "professional"
    POLICE = "police"
    HEALTH = "health"
    SOCIAL_CARE = "social_care"
    OTHER_SCHOOL = "other_school"
    NEIGHBOUR = "neighbour"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    AccountSource.PARENT: "Parent",
    AccountSource.CARER: "Carer",
    AccountSource.CHILD: "Child",
    AccountSource.PROFESSIONAL: "Professional",
    AccountSource.POLICE: "Police or a police log",
    AccountSource.HEALTH: "Health (school nurse, GP)",
    AccountSource.SOCIAL_CARE: "Children's social care",
    AccountSource.OTHER_SCHOOL: "Another school",
    AccountSource.NEIGHBOUR: "Neighbour or member of the public",
    AccountSource.OTHER: "Other",
}


class ClaimStatus(StrEnum):
    UNVERIFIED = "unverified"
    CORROBORATED = "corroborated"
    CONTRADICTED = "contradicted"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class EvidenceKind(StrEnum):
    ACCOUNT = "account"
    OBSERVATION = "observation"
    RECORD = "record"

    @property
    def label(self) -> str:
        return {"account": "Another account", "observation": "An observation"}.get(
            self.value, "A record"
        )


@dataclass(frozen=True, slots=True)
class Claim:
    account_id: int
    text: str
    status: ClaimStatus = ClaimStatus.UNVERIFIED
    evidence_kind: EvidenceKind | None = None
    evidence: str = ""  # what shows it: a note on the check
    checked_against: str = ""  # the account, record or observation it was checked against
    checked_on: date | None = None
    checked_by: str = ""
    id: int | None = None
    version: int = 1

    @property
    def source_named(self) -> str:
        """What the claim was checked against, in words; a claim checked before checks named
        their source says only what kind of source it was."""
        if self.checked_against.strip():
            return " ".join(self.checked_against.split())
        return self.evidence_kind.label.lower() if self.evidence_kind else ""

    @property
    def could_not_check(self) -> bool:
        """Checked, and still unverified: the source could not confirm or deny it."""
        return self.checked_on is not None and self.status is ClaimStatus.UNVERIFIED

    @property
    def finding(self) -> str:
        """ "Contradicted by: Police log (PC Example)", or "" while nobody has checked it."""
        source = self.source_named
        if self.could_not_check:
            return f"Could not check against: {source}" if source else "Could not check"
        if self.status is ClaimStatus.UNVERIFIED or not source:
            return ""
        return f"{self.status.label} by: {source}"


CLAIM_CHECKED = "Claim checked"  # how a check's version and its chronology line begin


def found(claim: Claim) -> str:
    """What a check found, in a sentence: "contradicted by Police log (PC Example)"."""
    words = claim.finding.replace(": ", " ", 1)
    return words[:1].lower() + words[1:]


def check_summary(claim: Claim) -> str:
    """What a check found, as the history of the claim's versions says it."""
    return f"{CLAIM_CHECKED}: {found(claim)}"


@dataclass(frozen=True, slots=True)
class Account:
    child_id: int
    source: AccountSource
    given_by: str
    given_at: datetime
    summary: str
    id: int | None = None
    version: int = 1

    @property
    def source_label(self) -> str:
        return (
            f"{self.given_by} ({_in_brackets(self.source.label)})"
            if self.given_by
            else self.source.label
        )


@dataclass(frozen=True, slots=True)
class AccountWithClaims:
    account: Account
    claims: tuple[Claim, ...]


def claims_needing_attention(accounts: list[AccountWithClaims]) -> list[tuple[Account, Claim]]:
    """Contradicted claims first, then those nobody has checked."""
    order = {ClaimStatus.CONTRADICTED: 0, ClaimStatus.UNVERIFIED: 1}
    flagged = [
        (item.account, claim) for item in accounts for claim in item.claims if claim.status in order
    ]
    return sorted(flagged, key=lambda pair: (order[pair[1].status], pair[0].given_at))


def _in_brackets(label: str) -> str:
    """A source read after a name: "Health (school nurse, GP)" becomes "health"."""
    short = label.split(" (")[0]
    return short[:1].lower() + short[1:]
