"""The escalation summary for Zoë's disputed "threshold not met" decision."""

from __future__ import annotations

import pytest

from scr_reflect.services.reports import NothingToReport, Report
from tests.reports.conftest import (
    ASKING_FOR,
    CLAIM,
    STEP_CONTACT,
    WHY_DISAGREE,
    ZOE,
    Demo,
)
from tests.reports.pdf_checks import all_text, page_texts


def test_what_is_asked_for_and_by_when_comes_first(zoe_escalation: Report) -> None:
    first = page_texts(zoe_escalation.pdf)[0]
    assert ZOE in first
    assert f"Asking for {ASKING_FOR}" in first
    assert "Response by 12/03/2025" in first
    assert "Open: not yet resolved" in first


def test_the_decision_being_challenged_who_when_what(zoe_escalation: Report) -> None:
    text = all_text(zoe_escalation.pdf)
    assert "Decision Threshold not met" in text
    assert "Made by Children's social care" in text
    assert "When 27/02/2025 09:30" in text
    assert "Known to the exploitation panel; no new information." in text


def test_why_the_school_disagrees_with_the_evidence(demo: Demo, zoe_escalation: Report) -> None:
    text = all_text(zoe_escalation.pdf)
    assert WHY_DISAGREE in text
    for concern in demo.ws.records.concerns_for_child(demo.zoe):
        assert f"{concern.occurred_at:%d/%m/%Y %H:%M}" in text
    assert "Cumulative factors that still apply" in text
    assert "in the last 90 days" in text
    assert CLAIM in text


def test_the_missing_episodes_with_their_return_home_interviews(
    demo: Demo, zoe_escalation: Report
) -> None:
    text = all_text(zoe_escalation.pdf)
    listed = text.split("Missing episodes and return home interviews")[1]
    assert "Return interview" in listed
    episodes = demo.ws.structured.picture(demo.zoe).missing
    assert episodes
    for episode in episodes:
        assert f"{episode.started_at:%d/%m/%Y %H:%M}" in listed


def test_absences_from_education_are_listed_apart_from_missing_episodes(
    demo: Demo, zoe_escalation: Report
) -> None:
    text = all_text(zoe_escalation.pdf)
    listed = text.split("Missing education and part-day absences")[1]
    for absence in demo.ws.structured.picture(demo.zoe).education:
        assert absence.kind.label in listed


def test_each_referral_and_its_outcome_with_dates(demo: Demo, zoe_escalation: Report) -> None:
    text = all_text(zoe_escalation.pdf)
    for case in demo.ws.structured.picture(demo.zoe).referrals:
        referral = case.referral
        assert f"{referral.made_at:%d/%m/%Y %H:%M}" in text
        assert referral.outcome.label in text


def test_the_stage_reached_and_each_step(zoe_escalation: Report) -> None:
    text = all_text(zoe_escalation.pdf)
    assert "Stage 2: DSL to team manager (2 of 4)" in text
    assert "Stage 1: practitioner to practitioner" in text
    assert "Decision stands." in text
    assert STEP_CONTACT in text and "No response yet" in text
    assert "the next stage is Stage 3: head teacher or DSL to service manager" in text
    assert "Integrated front door (placeholder)" in text


def test_a_child_with_no_escalation_has_no_escalation_summary(demo: Demo) -> None:
    ava = demo.ws.records.search_children("Sutherland-Kaur")[0]
    with pytest.raises(NothingToReport):
        demo.service.escalation(ava)


def test_a_resolved_escalation_says_how_it_ended_not_when_to_reply(demo: Demo) -> None:
    harvey = demo.ws.records.search_children("Quennell")[0]
    first = page_texts(demo.service.escalation(harvey).pdf)[0]
    assert "Resolved" in first and "Not upheld" in first
    assert "Response by" not in first and "Open: not yet resolved" not in first
