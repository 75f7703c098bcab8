"""Accounts given about a child, split into claims that are checked against other sources.

The reviews found parents' accounts accepted without independent confirmation; each claim
here is corroborated, contradicted or still unverified, with what shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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
    evidence: str = ""
    id: int | None = None
    version: int = 1


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
