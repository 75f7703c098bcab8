"""A kept field as the DSL chose it, not as it is stored: "Physical abuse", not "physical".

A record's history holds each field as stored text, so a chosen value reads as its code. The
field's name says which list it was chosen from; a value that is not on that list (a typed
field that happens to share a name) is shown as it was written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from ...domain.accounts import AccountSource, ClaimStatus, EvidenceKind
from ...domain.body_map import BodyView, HowKnown, MarkShape
from ...domain.education import AbsenceKind, WhereaboutsCheck
from ...domain.enums import Category, ConcernStatus, EntryKind
from ...domain.factors import Factor
from ...domain.legal_status import LegalStatus
from ...domain.missing import InterviewOffer, InterviewOutcome
from ...domain.referrals import Agency, ReferralOutcome
from ...domain.sharing import LawfulBasis

_CHOSEN_FROM: dict[str, tuple[type[StrEnum], ...]] = {
    "categories": (Category,),
    "status": (ConcernStatus, ClaimStatus),
    "kind": (EntryKind, AbsenceKind),
    "legal_status": (LegalStatus,),
    "agency": (Agency,),
    "outcome": (ReferralOutcome,),
    "source": (AccountSource,),
    "evidence_kind": (EvidenceKind,),
    "factor": (Factor,),
    "lawful_basis": (LawfulBasis,),
    "checked": (WhereaboutsCheck,),
    "interview_offer": (InterviewOffer,),
    "interview_outcome": (InterviewOutcome,),
    "view": (BodyView,),
    "shape": (MarkShape,),
    "how_known": (HowKnown,),
}
_YES_NO = {"True": "Yes", "False": "No"}

# A kept field's stored text, and the words the DSL reads for it.
Words = Callable[[str, str], str]


def caption(field: str) -> str:
    return field.replace("_", " ").capitalize()


def in_words(field: str, text: str) -> str:
    if text in _YES_NO:
        return _YES_NO[text]
    codes = text.split()  # several chosen values are kept space-separated
    for vocabulary in _CHOSEN_FROM.get(field, ()):
        known = {member.value: member for member in vocabulary}
        if codes and all(code in known for code in codes):
            return ", ".join(getattr(known[code], "label", code) for code in codes)
    return text


def naming_records(named: Mapping[str, Mapping[str, str]]) -> Words:
    """in_words, where a field that keeps the ids of other records ("12,15") reads as the words
    for each: named maps the field's name to the words for each id. An id not among them (a
    record since deleted) is shown as it was kept."""

    def words(field: str, text: str) -> str:
        known = named.get(field)
        if known is None:
            return in_words(field, text)
        return "\n".join(known.get(i, i) for i in text.replace(",", " ").split())

    return words
