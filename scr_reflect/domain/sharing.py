"""Decisions to share, or not to share, information about a child, with the reasons.

KCSIE and the DfE's information-sharing advice expect each decision and its reasons to be
recorded; the reviews found professionals held back out of misplaced data-protection worries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class LawfulBasis(StrEnum):
    PUBLIC_TASK = "public_task"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    CONSENT = "consent"
    SAFEGUARDING_CONDITION = "safeguarding_condition"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "public_task": "Public task (UK GDPR Art. 6(1)(e))",
            "legal_obligation": "Legal obligation (Art. 6(1)(c))",
            "vital_interests": "Vital interests (Art. 6(1)(d))",
            "consent": "Consent (Art. 6(1)(a))",
            "safeguarding_condition": "Safeguarding of children (DPA 2018 Sch. 1 para 18)",
            "other": "Other (say which in the reasons)",
        }[self.value]


@dataclass(frozen=True, slots=True)
class SharingDecision:
    child_id: int
    decided_at: datetime
    shared: bool
    with_whom: str
    what: str
    why: str
    lawful_basis: LawfulBasis
    family_told: bool
    why_not_told: str = ""
    id: int | None = None
    version: int = 1
