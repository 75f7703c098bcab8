"""The fifteen-year-old whose two referrals were closed ("threshold not met", then "no further
action"): one escalation challenges both. While it is under way no prompt, glance line or
supervision question calls either decision unchallenged, Reflect's decision step shows the
stage reached, the escalation summary lists both decisions, and once it concludes the outcome
is shown instead. Every name here is fictional."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.concern_facts import Flag
from scr_reflect.domain.escalation_grounds import (
    challenged_ids,
    decisions_to_offer,
    grounds_draft,
)
from scr_reflect.domain.prompts import Step
from scr_reflect.domain.records import SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.glance import GlanceTopic, glance
from scr_reflect.services.reports import ReportService
from scr_reflect.services.workspace import Workspace
from scr_reflect.ui.reflect.reflect_context import context_text
from tests.reports.pdf_checks import all_text
from tests.scenarios import cases


@pytest.fixture
def ws() -> Iterator[Workspace]:
    opened = workspace.in_memory(
        SchoolProfile("Larkspur Vale", "Sam Okafor"), FixedClock(cases.NOW)
    )
    yield opened
    opened.close()


def decision_context(ws: Workspace, concern_id: int) -> str:
    w = ws.reflection.walkthrough(concern_id)
    return context_text(Step.DECISION, w, cases.NOW)


def test_the_new_escalation_offers_both_decisions_and_drafts_its_grounds(ws) -> None:
    case = cases.missing_fifteen_year_old(ws)
    picture = ws.structured.picture(case.child_id)
    offered = decisions_to_offer(cases.referrals_of(ws, case.child_id), set(), None)
    assert [o.referral.outcome.label for o in offered] == [
        "Threshold not met",
        "No further action",
    ]
    assert all(o.ticked for o in offered)
    draft = grounds_draft(
        [o.referral for o in offered],
        cases.referrals_of(ws, case.child_id),
        picture.accounts,
        picture.missing,
        picture.factors,
        cases.NOW,
    )
    assert "'Threshold not met'" in draft and "'No further action'" in draft
    assert "3 missing episodes" in draft
    assert (
        draft.count("return home interview: not known whether offered (not within 72 hours)") == 3
    )
    assert "2 referrals so far" in draft


def test_while_both_are_challenged_nothing_calls_them_unchallenged(ws) -> None:
    case = cases.missing_fifteen_year_old(ws)
    before = ws.reflection.walkthrough(case.concern_id)
    assert Flag.DECISION_UNCHALLENGED in before.facts.flags
    cases.escalate_both_decisions(ws, case.child_id)

    picture = ws.structured.picture(case.child_id)
    assert all(len(c.escalations) == 1 for c in picture.referrals)
    lines = ws.records.entries(ws.records.entry_ids(case.child_id, ChronologyFilter()))
    titles = [e.title for e in lines]
    assert "Escalation started: the school disagrees with 2 decisions" in titles
    (line,) = [g.text for g in glance(picture, cases.NOW) if g.topic is GlanceTopic.REFERRALS]
    assert line == "Referrals: 2 decisions not to act further, 2 being challenged."

    w = ws.reflection.walkthrough(case.concern_id)
    assert Flag.DECISION_UNCHALLENGED not in w.facts.flags
    assert "thresholds.unchallenged" not in {q.key for s in Step for q in w.questions[s].all}
    # The decisions not to act are still called out: only the "unchallenged" prompt goes.
    assert Flag.THRESHOLD_NOT_MET_AGAIN in w.facts.flags

    shown = decision_context(ws, case.concern_id)
    assert "Escalation of 'Threshold not met'" in shown
    assert "and 'No further action'" in shown
    assert "under way since 19/11/2026" in shown
    assert "Current stage: Stage 2: DSL to team manager" in shown
    assert "reply due 23/11/2026" in shown


def test_the_escalation_summary_lists_every_decision_challenged(ws) -> None:
    case = cases.missing_fifteen_year_old(ws)
    cases.escalate_both_decisions(ws, case.child_id)
    text = all_text(ReportService(ws, invariant=True).escalation(case.child_id).pdf)
    assert "The 2 decisions challenged" in text
    assert "Decision Threshold not met" in text
    assert "Decision No further action" in text


def test_once_concluded_the_outcome_is_shown_instead(ws) -> None:
    case = cases.missing_fifteen_year_old(ws)
    escalation = cases.escalate_both_decisions(ws, case.child_id)
    resolved = replace(
        escalation,
        resolved_on=cases.NOW.date(),
        resolution="Strategy discussion agreed for Monday.",
    )
    ws.structured.amend(resolved, "Team manager agreed")

    picture = ws.structured.picture(case.child_id)
    (line,) = [g.text for g in glance(picture, cases.NOW) if g.topic is GlanceTopic.REFERRALS]
    assert "not challenged" not in line
    assert "challenge concluded 20/11/2026: Strategy discussion agreed for Monday." in line
    assert Flag.DECISION_UNCHALLENGED not in ws.reflection.walkthrough(case.concern_id).facts.flags
    shown = decision_context(ws, case.concern_id)
    assert "concluded 20/11/2026. Outcome: Strategy discussion agreed for Monday." in shown
    assert "under way" not in shown
    # Both decisions stay challenged, so a new escalation ticks neither by default.
    escalations = [e.escalation for c in picture.referrals for e in c.escalations]
    offered = decisions_to_offer(
        cases.referrals_of(ws, case.child_id), challenged_ids(escalations), None
    )
    assert not any(o.ticked for o in offered)
