"""Cumulative factors: parental, family and child circumstances carried across concerns.

The 2014-2017 triennial analysis of SCRs found that harm rarely follows one issue: factors
accumulate over time. The tool records them so that they are seen together; it never adds
them up into a score.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class FactorGroup(StrEnum):
    PARENTAL = "parental"
    FAMILY = "family"
    CHILD = "child"

    @property
    def label(self) -> str:
        return {"parental": "Parent or carer", "family": "Family", "child": "Child"}[self.value]


class Factor(StrEnum):
    PARENT_ALCOHOL = "parent_alcohol"
    PARENT_DRUGS = "parent_drugs"
    PARENT_MENTAL_HEALTH = "parent_mental_health"
    PARENT_ACES = "parent_aces"
    PARENT_INTELLECTUAL_DISABILITY = "parent_intellectual_disability"
    PARENT_CRIMINAL_RECORD = "parent_criminal_record"
    CARER_UNDER_STRAIN = "carer_under_strain"
    PARENTAL_SEPARATION = "parental_separation"
    DOMESTIC_ABUSE = "domestic_abuse"
    SOCIAL_ISOLATION = "social_isolation"
    TRANSIENT_LIFESTYLE = "transient_lifestyle"
    MULTIPLE_PARTNERS = "multiple_partners"
    POVERTY = "poverty"
    NEW_ADULT_IN_HOUSEHOLD = "new_adult_in_household"
    CHILD_BEHAVIOUR = "child_behaviour"
    CHILD_MENTAL_HEALTH = "child_mental_health"
    CHILD_SUBSTANCE_MISUSE = "child_substance_misuse"
    CHILD_BULLYING = "child_bullying"
    CHILD_EXPLOITATION = "child_exploitation"
    CHILD_GOING_MISSING = "child_going_missing"
    CHILD_ONLINE_UNKNOWN_ADULT = "child_online_unknown_adult"
    CHILD_HAS_HARMED = "child_has_harmed"

    @property
    def group(self) -> FactorGroup:
        return _GROUP_AND_LABEL[self][0]

    @property
    def label(self) -> str:
        return _GROUP_AND_LABEL[self][1]

    @property
    def short_label(self) -> str:
        """For a narrow column, such as the timeline's: the label where it is short already."""
        return _SHORT_LABELS.get(self, self.label)


_P, _F, _C = FactorGroup.PARENTAL, FactorGroup.FAMILY, FactorGroup.CHILD
_GROUP_AND_LABEL = {
    Factor.PARENT_ALCOHOL: (_P, "Alcohol misuse"),
    Factor.PARENT_DRUGS: (_P, "Drug misuse"),
    Factor.PARENT_MENTAL_HEALTH: (_P, "Mental health problems"),
    Factor.PARENT_ACES: (_P, "Adverse childhood experiences"),
    Factor.PARENT_INTELLECTUAL_DISABILITY: (_P, "Intellectual disability"),
    Factor.PARENT_CRIMINAL_RECORD: (_P, "Criminal record"),
    Factor.CARER_UNDER_STRAIN: (_P, "Carer under strain or asking for help"),
    Factor.PARENTAL_SEPARATION: (_F, "Parental separation"),
    Factor.DOMESTIC_ABUSE: (_F, "Domestic abuse"),
    Factor.SOCIAL_ISOLATION: (_F, "Social isolation"),
    Factor.TRANSIENT_LIFESTYLE: (_F, "Transient lifestyle"),
    Factor.MULTIPLE_PARTNERS: (_F, "Multiple partners"),
    Factor.POVERTY: (_F, "Poverty"),
    Factor.NEW_ADULT_IN_HOUSEHOLD: (
        _F,
        "A new partner or an adult not known to school in the household",
    ),
    Factor.CHILD_BEHAVIOUR: (_C, "Behavioural problems"),
    Factor.CHILD_MENTAL_HEALTH: (_C, "Mental health problems"),
    Factor.CHILD_SUBSTANCE_MISUSE: (_C, "Alcohol or drug misuse"),
    Factor.CHILD_BULLYING: (_C, "Bullying"),
    Factor.CHILD_EXPLOITATION: (_C, "Exploitation"),
    Factor.CHILD_GOING_MISSING: (_C, "Going missing"),
    Factor.CHILD_ONLINE_UNKNOWN_ADULT: (_C, "An adult the family does not know, in contact online"),
    Factor.CHILD_HAS_HARMED: (_C, "Has harmed another child"),
}

_SHORT_LABELS = {
    Factor.CARER_UNDER_STRAIN: "Carer under strain",
    Factor.NEW_ADULT_IN_HOUSEHOLD: "New adult in the household",
    Factor.CHILD_ONLINE_UNKNOWN_ADULT: "Unknown adult online",
}

# The analysis counted some child factors only above an age (seed 000, note to the child
# characteristics figure): behavioural problems excluded children under 1; alcohol or drug
# misuse, mental health problems and bullying excluded children under 6.
MINIMUM_AGE_COUNTED = {
    Factor.CHILD_BEHAVIOUR: 1,
    Factor.CHILD_MENTAL_HEALTH: 6,
    Factor.CHILD_SUBSTANCE_MISUSE: 6,
    Factor.CHILD_BULLYING: 6,
}


def national_figure_applies(factor: Factor, age: int) -> bool:
    """Whether the national share was counted for a child of this age."""
    return age >= MINIMUM_AGE_COUNTED.get(factor, 0)


@dataclass(frozen=True, slots=True)
class CumulativeFactor:
    child_id: int
    factor: Factor
    first_known: date
    source: str
    still_applies: bool = True
    ended_on: date | None = None
    notes: str = ""
    id: int | None = None
    version: int = 1

    def span(self, today: date) -> tuple[date, date]:
        """From when it was first known to when it stopped applying (or today)."""
        end = today if self.still_applies or self.ended_on is None else self.ended_on
        return self.first_known, max(end, self.first_known)
