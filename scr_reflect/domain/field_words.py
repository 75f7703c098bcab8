"""A kept field as the DSL chose it, not as it is stored: "Physical abuse", not "physical".

A record's history holds each field as stored text, so a chosen value reads as its code. The
field's name says which list it was chosen from; a value that is not on that list (a typed
field that happens to share a name) is shown as it was written. The history window and a
transfer pack's records both read fields through here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from .accounts import AccountSource, ClaimStatus, EvidenceKind
from .body_map import BodyView, HowKnown, MarkShape
from .education import AbsenceKind, WhereaboutsCheck
from .enums import Category, ConcernStatus, EntryKind
from .factors import Factor
from .legal_status import LegalStatus
from .missing import InterviewOffer, InterviewOutcome
from .referrals import Agency, ReferralOutcome
from .sharing import LawfulBasis

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


_ABBREVIATIONS = {"la": "LA", "upn": "UPN"}  # the local authority; a unique pupil number


def caption(field: str) -> str:
    """The field's name as a label: a field keeping another record's id is named for that
    record ("Concern"), as its words name the record rather than give the id."""
    text = " ".join(_ABBREVIATIONS.get(w, w) for w in field.removesuffix("_id").split("_"))
    return text[:1].upper() + text[1:]


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
