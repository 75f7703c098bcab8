"""Questions for the DSL's supervision, drawn from what the records show about each case.

Plain questions to talk through, in our own words: they point at what is there to see
(themes the concerns name, concerns with no referral, decisions not challenged, missing
episodes, accounts that do not hold together), never at a score or a prediction. Actions
and concerns with no decision recorded have their own table and column, not repeated here.
Each is a practice question of the tool's own, and the document says so beside them.
"""

from __future__ import annotations

from ..domain.case_themes import CaseTheme, ThemeFound
from ..domain.missing import Trend
from ..domain.prompts import SourceKind
from .parts import day, plural
from .report_data import OpenCase

SEVERAL_CONCERNS = 2  # this many concerns or more, and no referral, is asked about
WHERE_FROM = (
    f"Where these questions come from: each is a {SourceKind.PRACTICE_QUESTION.label.lower()} "
    "of SCR Reflect's own, asked of what the case's records show; none is a finding of the "
    "reviews."
)

_ABOUT_THEME = {
    CaseTheme.SELF_HARM: (
        "Who has talked with the child about it, what do they say helps, and are the school "
        "nurse, GP or CAMHS involved?"
    ),
    CaseTheme.ADULT_ONLINE: (
        "Has it been reported to the police or CEOP, is the evidence kept without anyone "
        "viewing or copying images, and what online-safety steps have been taken with the "
        "child and the family?"
    ),
    CaseTheme.CARER_NOT_COPING: (
        "What help has the carer asked for and been given, and who sees how the child is "
        "cared for day to day meanwhile?"
    ),
    CaseTheme.HARMED_ANOTHER: (
        "What harm might the child have experienced themselves, and is there support and a "
        "safeguarding response for them as well as for the child they harmed?"
    ),
}


def recorded_themes(case: OpenCase) -> str:
    """The case's themes as recorded: the concerns' categories and the factors that apply."""
    parts = []
    if case.categories:
        parts.append(f"Concerns about: {', '.join(case.categories)}.")
    if case.factors:
        parts.append(f"Factors that apply: {', '.join(case.factors)}.")
    return " ".join(parts)


def _theme_question(found: ThemeFound) -> str:
    named = []
    if found.concerns:
        latest = day(found.concerns[-1].occurred_at.date())
        where = (
            f"the concern of {latest}"
            if len(found.concerns) == 1
            else f"{plural(len(found.concerns), 'concern')}, the latest of {latest}"
        )
        named.append(f"named in {where}")
    if found.factors:
        named.append(f"recorded as a factor since {day(found.factors[0].first_known)}")
    return f"{found.theme.label}: {'; '.join(named)}. {_ABOUT_THEME[found.theme]}"


def several_without_referral(case: OpenCase) -> bool:
    return case.concerns >= SEVERAL_CONCERNS and case.referrals == 0


def questions(case: OpenCase) -> list[str]:
    """What to ask about one case; empty when the records raise nothing to ask."""
    asked = [_theme_question(found) for found in case.themes]
    if several_without_referral(case):
        asked.append(
            f"{plural(case.concerns, 'concern')} and no referral. Read together, what do they "
            "say about this child's day-to-day life, and what would make you refer?"
        )
    for referral in case.unchallenged:
        when = day(referral.heard_back_at.date()) if referral.heard_back_at else "undated"
        asked.append(
            f"\u201c{referral.outcome.label}\u201d ({when}) has not been challenged. Does the "
            "school agree with the decision, and what has happened since?"
        )
    if case.missing_recent:
        trend = " and more often than before" if case.missing_frequency is Trend.RISING else ""
        asked.append(
            f"{plural(case.missing_recent, 'missing episode')} in the last 90 days{trend}. "
            "What is drawing the child away, and who knows where they go?"
        )
    if case.missed_interviews:
        unknown = case.interviews_not_known
        which = "" if unknown == case.missed_interviews else f"for {unknown} of them "
        whether = f" ({which}it is not known whether one was offered)" if unknown else ""
        asked.append(
            f"{plural(case.missed_interviews, 'return interview')} not held within 72 hours"
            f"{whether}. What did the child say, and to whom?"
        )
    if case.contradicted_claims:
        asked.append(
            f"{plural(case.contradicted_claims, 'thing')} the school was told "
            f"{'is' if case.contradicted_claims == 1 else 'are'} contradicted by other "
            "evidence. Has that been put to the family, and by whom?"
        )
    return asked
