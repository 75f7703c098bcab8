"""A child's legal or social-care status, as far as the school knows it."""

from __future__ import annotations

from enum import StrEnum


class LegalStatus(StrEnum):
    NONE = "none"
    CHILD_IN_NEED = "child_in_need"
    CHILD_PROTECTION_PLAN = "child_protection_plan"
    LOOKED_AFTER = "looked_after"
    PREVIOUSLY_LOOKED_AFTER = "previously_looked_after"
    SPECIAL_GUARDIANSHIP = "special_guardianship"
    KINSHIP_CARE = "kinship_care"
    CHILD_ARRANGEMENTS_ORDER = "child_arrangements_order"
    CARE_PROCEEDINGS = "care_proceedings"
    PREVIOUS_SOCIAL_CARE = "previous_social_care"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def involves_care_or_court(self) -> bool:
        return self in _CARE_OR_COURT


_LABELS = {
    LegalStatus.NONE: "None known",
    LegalStatus.CHILD_IN_NEED: "Child in need plan",
    LegalStatus.CHILD_PROTECTION_PLAN: "Child protection plan",
    LegalStatus.LOOKED_AFTER: "Looked after (in care)",
    LegalStatus.PREVIOUSLY_LOOKED_AFTER: "Previously looked after",
    LegalStatus.SPECIAL_GUARDIANSHIP: "Special guardianship order",
    LegalStatus.KINSHIP_CARE: "Kinship care",
    LegalStatus.CHILD_ARRANGEMENTS_ORDER: "Child arrangements order",
    LegalStatus.CARE_PROCEEDINGS: "In care proceedings",
    LegalStatus.PREVIOUS_SOCIAL_CARE: "Social care involvement closed; no plan now",
}
_CARE_OR_COURT = frozenset(
    {
        LegalStatus.LOOKED_AFTER,
        LegalStatus.PREVIOUSLY_LOOKED_AFTER,
        LegalStatus.SPECIAL_GUARDIANSHIP,
        LegalStatus.KINSHIP_CARE,
        LegalStatus.CHILD_ARRANGEMENTS_ORDER,
        LegalStatus.CARE_PROCEEDINGS,
    }
)
