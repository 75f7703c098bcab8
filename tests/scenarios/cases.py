"""Three fictional cases of the kinds the serious case reviews describe, entered through the
workspace's services as a DSL would enter them. Every name, place and word here is invented."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from scr_reflect.domain.accounts import Account, AccountSource, Claim
from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.legal_status import LegalStatus
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child, Concern
from scr_reflect.domain.referrals import (
    Agency,
    Escalation,
    EscalationStep,
    Referral,
    ReferralOutcome,
)
from scr_reflect.services.workspace import Workspace

NOW = datetime(2026, 11, 20, 10, 0)


@dataclass(frozen=True, slots=True)
class Case:
    child_id: int
    concern_id: int  # the latest concern, the one reflected on
    child_words: tuple[str, ...]  # what the child said, as recorded in the concerns


def _concern(
    ws: Workspace, child: int, days_ago: int, what: str, categories: set[Category], words: str
) -> int:
    when = NOW - timedelta(days=days_ago)
    return ws.records.record_concern(
        Concern(
            child,
            when,
            when + timedelta(minutes=30),
            "Ms Quill, head of year",
            what,
            frozenset(categories),
            child_words=words,
        )
    ).record_id


def missing_fifteen_year_old(ws: Workspace) -> Case:
    """Fifteen, going missing with signs of criminal exploitation; two referrals closed, first
    at "threshold not met", then at "no further action"."""
    child = ws.records.add_child(Child("Kai Fernhollow", date(2011, 4, 2))).child_id
    first = "I was just at a mate's, it's nothing"
    _concern(ws, child, 70, "Came in with a new phone and a wad of cash.", {Category.OTHER}, first)
    closed = ((50, ReferralOutcome.THRESHOLD_NOT_MET), (12, ReferralOutcome.NO_FURTHER_ACTION))
    for days_ago, outcome in closed:
        made = NOW - timedelta(days=days_ago)
        ws.structured.add(
            Referral(
                child,
                made,
                Agency.CHILDRENS_SOCIAL_CARE,
                "An assessment of risk outside the home",
                outcome,
                "Parent engaging; no disclosure",
                made + timedelta(days=2),
            )
        )
    for days_ago in (40, 21, 6):
        start = NOW - timedelta(days=days_ago)
        ws.structured.add(
            MissingEpisode(child, start, start + timedelta(hours=30), found_where="Another town")
        )
    latest = "They said I owe them now"
    concern = _concern(
        ws,
        child,
        2,
        "Found by police two towns away after a night missing; older men waiting at the gates.",
        {Category.GOING_MISSING, Category.CRIMINAL_EXPLOITATION},
        latest,
    )
    return Case(child, concern, (first, latest))


WHY = "Three missing episodes since the first decision; he says he owes them now."


def referrals_of(ws: Workspace, child_id: int) -> list[Referral]:
    return [c.referral for c in ws.structured.picture(child_id).referrals]


def escalate_both_decisions(ws: Workspace, child_id: int) -> Escalation:
    """The fifteen-year-old's school challenges both decisions in one escalation, now at
    stage 2 and waiting for the team manager's reply."""
    first, second = referrals_of(ws, child_id)
    assert first.id is not None and second.id is not None
    escalation = Escalation(
        child_id,
        first.id,
        NOW.date() - timedelta(days=1),
        WHY,
        "A strategy discussion by Friday",
        also_challenges=(second.id,),
    )
    escalation_id = ws.structured.add(escalation).record_id
    assert escalation_id is not None
    ws.structured.add(
        EscalationStep(
            escalation_id,
            "manager",
            "Ms Orrin, MASH team manager",
            NOW.date() - timedelta(days=1),
            next_deadline=NOW.date() + timedelta(days=3),
        )
    )
    return replace(escalation, id=escalation_id)


def neglected_five_year_old(ws: Workspace) -> Case:
    """Five, neglect; a mother with depression and a new partner she says does not live there."""
    household = (
        "Lives with mother. Mother has a new partner, Dan, who she says does not live there."
    )
    child = ws.records.add_child(
        Child("Poppy Ashdown", date(2021, 6, 14), household=household)
    ).child_id
    known = NOW.date() - timedelta(days=30)
    ws.structured.add(CumulativeFactor(child, Factor.PARENT_MENTAL_HEALTH, known, "Mother told us"))
    ws.structured.add(CumulativeFactor(child, Factor.MULTIPLE_PARTNERS, known, "Seen at pick-up"))
    account = ws.structured.add(
        Account(child, AccountSource.PARENT, "Mother", NOW - timedelta(days=3), "At the door")
    ).record_id
    ws.structured.add(Claim(account, "Her partner does not live with them"))
    words = "Dan makes the tea when Mummy is in bed"
    concern = _concern(
        ws,
        child,
        1,
        "Came in hungry, in the same clothes as all week, with a nappy rash she winced at.",
        {Category.NEGLECT},
        words,
    )
    return Case(child, concern, (words,))


def guardianship_thirteen_year_old(ws: Workspace) -> Case:
    """Thirteen, under a special guardianship order; self-harm and an unknown adult online."""
    child = ws.records.add_child(
        Child("Rowan Tillsley", date(2013, 3, 9), legal_status=LegalStatus.SPECIAL_GUARDIANSHIP)
    ).child_id
    words = "He said he's seventeen and he's the only one who gets me"
    concern = _concern(
        ws,
        child,
        1,
        "Cuts on her forearm seen in PE; a man she met in a game asks her for photos.",
        {Category.MENTAL_HEALTH, Category.ONLINE_HARM},
        words,
    )
    return Case(child, concern, (words,))
