"""The fixed vocabularies a DSL chooses from. Values are stored, so never rename one."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    PHYSICAL = "physical"
    EMOTIONAL = "emotional"
    SEXUAL = "sexual"
    NEGLECT = "neglect"
    GOING_MISSING = "going_missing"
    CRIMINAL_EXPLOITATION = "criminal_exploitation"
    SEXUAL_EXPLOITATION = "sexual_exploitation"
    ONLINE_HARM = "online_harm"
    HARMFUL_SEXUAL_BEHAVIOUR = "harmful_sexual_behaviour"
    DOMESTIC_ABUSE = "domestic_abuse"
    MENTAL_HEALTH = "mental_health"
    RADICALISATION = "radicalisation"
    FGM = "fgm"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    Category.PHYSICAL: "Physical abuse",
    Category.EMOTIONAL: "Emotional abuse",
    Category.SEXUAL: "Sexual abuse",
    Category.NEGLECT: "Neglect",
    Category.GOING_MISSING: "Going missing",
    Category.CRIMINAL_EXPLOITATION: "Criminal exploitation",
    Category.SEXUAL_EXPLOITATION: "Sexual exploitation",
    Category.ONLINE_HARM: "Online harm",
    Category.HARMFUL_SEXUAL_BEHAVIOUR: "Harmful sexual behaviour",
    Category.DOMESTIC_ABUSE: "Domestic abuse",
    Category.MENTAL_HEALTH: "Mental health",
    Category.RADICALISATION: "Radicalisation",
    Category.FGM: "FGM",
    Category.OTHER: "Other",
}


class ConcernStatus(StrEnum):
    OPEN = "open"
    MONITORING = "monitoring"
    REFERRED = "referred"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class EntryKind(StrEnum):
    """Kinds of line in a child's chronology."""

    CONCERN = "concern"
    NOTE = "note"
    CONTACT = "contact"
    MEETING = "meeting"
    REFERRAL = "referral"
    OUTCOME = "outcome"
    MISSING = "missing"
    EDUCATION = "education"
    ACTION = "action"
    FACTOR = "factor"
    ACCOUNT = "account"
    ESCALATION = "escalation"
    SHARING = "sharing"
    BODY_MARK = "body_mark"
    REFLECTION = "reflection"
    SUPERVISION = "supervision"
    # A document produced or printed from the tool: a record of what left it, not of the case.
    DOCUMENT = "document"

    @property
    def label(self) -> str:
        return _ENTRY_LABELS[self]


_ENTRY_LABELS = {
    EntryKind.CONCERN: "Concern",
    EntryKind.NOTE: "Note",
    EntryKind.CONTACT: "Contact",
    EntryKind.MEETING: "Meeting",
    EntryKind.REFERRAL: "Referral",
    EntryKind.OUTCOME: "Referral outcome",
    EntryKind.MISSING: "Missing episode",
    EntryKind.EDUCATION: "Education absence",
    EntryKind.ACTION: "Action",
    EntryKind.FACTOR: "Cumulative factor",
    EntryKind.ACCOUNT: "Account",
    EntryKind.ESCALATION: "Escalation",
    EntryKind.SHARING: "Information sharing",
    EntryKind.BODY_MARK: "Body map",
    EntryKind.REFLECTION: "Reflection",
    EntryKind.SUPERVISION: "Supervision",
    EntryKind.DOCUMENT: "Document produced",
}

# Kinds a DSL writes directly as a free-text chronology entry; the rest come from records
# (a concern, a referral and its outcome, a missing episode...). Lines of other kinds typed
# before those records existed keep their kind when amended.
FREE_TEXT_KINDS = (EntryKind.NOTE, EntryKind.CONTACT, EntryKind.MEETING)


class RecordType(StrEnum):
    """Records that can be amended; names the row a kept earlier version belongs to."""

    CHILD = "child"
    CONCERN = "concern"
    ENTRY = "entry"
    ACTION = "action"
    FACTOR = "factor"
    MISSING = "missing"
    EDUCATION = "education_absence"
    ACCOUNT = "account"
    CLAIM = "claim"
    REFERRAL = "referral"
    ESCALATION = "escalation"
    ESCALATION_STEP = "escalation_step"
    SHARING = "sharing"
    BODY_MARK = "body_mark"
    REFLECTION = "reflection"
