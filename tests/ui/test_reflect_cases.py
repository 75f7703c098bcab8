"""The three fictional cases of tests/scenarios in the Reflect window: the child's words in the
voice step, the strongest questions first with the rest a click away, a source on every card."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from scr_reflect.domain.accounts import EvidenceKind
from scr_reflect.domain.prompts import SourceKind, Step
from scr_reflect.domain.quotation import in_quotes
from scr_reflect.domain.records import SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.workspace import Workspace
from scr_reflect.ui.reflect.reflect_context import context_text
from scr_reflect.ui.reflect.reflect_window import ReflectWindow
from scr_reflect.ui.shared.task_runner import SyncRunner
from tests.scenarios import cases

BUILDERS = [
    cases.missing_fifteen_year_old,
    cases.neglected_five_year_old,
    cases.guardianship_thirteen_year_old,
]
KIND_LABELS = tuple(kind.label for kind in SourceKind)


@pytest.fixture
def ws() -> Iterator[Workspace]:
    opened = workspace.in_memory(
        SchoolProfile("Larkspur Vale", "Sam Okafor"), FixedClock(cases.NOW)
    )
    yield opened
    opened.close()


@pytest.fixture
def window_for(qtbot, ws) -> Iterator:
    windows: list[ReflectWindow] = []

    def open_case(build) -> tuple[ReflectWindow, cases.Case]:
        case = build(ws)
        window = ReflectWindow(
            None,
            SyncRunner(),
            ws.reflection,
            ws.reflection.walkthrough(case.concern_id),
            cases.NOW,
            lambda _changes: None,
            pytest.fail,
            lambda: None,
        )
        window.show()
        windows.append(window)
        return window, case

    yield open_case
    for window in windows:
        if shiboken6.isValid(window):
            window.close()


@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_the_voice_step_shows_what_the_child_said(window_for, build) -> None:
    window, case = window_for(build)
    window.steps.setCurrentRow(list(Step).index(Step.LIVED_EXPERIENCE))
    context = window.findChild(QLabel, "context_lived_experience")
    assert context.isVisible()
    for words in case.child_words:
        assert in_quotes(words) in context.text()


@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_every_card_says_where_its_question_comes_from(window_for, build) -> None:
    window, _case = window_for(build)
    for card in window.cards:
        assert any(label in card.source.text() for label in KIND_LABELS), card.key


def test_the_strongest_questions_come_first_and_the_rest_are_a_click_away(window_for, qtbot):
    window, _case = window_for(cases.missing_fifteen_year_old)
    window.steps.setCurrentRow(list(Step).index(Step.DECISION))
    page = window.pages.currentWidget()
    visible = [card.key for card in window.cards if card.isVisibleTo(page)]
    assert "decision.agree_with_outcome" in visible and "decision.reasons" in visible
    assert "decision.consulted" not in visible
    more = page.findChild(QPushButton, "showMore")
    assert more.text() == "Show 7 more questions"
    hidden = page.findChild(QWidget, "moreQuestions")
    assert not hidden.isVisible()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert hidden.isVisible() and not more.isVisible()
    consulted = next(card for card in window.cards if card.key == "decision.consulted")
    assert consulted.isVisible()


def test_an_answered_question_stays_in_view_however_weakly_called_for(qtbot, ws) -> None:
    case = cases.missing_fifteen_year_old(ws)
    ws.reflection.save_answer(case.concern_id, "decision.consulted", "Asked", "Our deputy DSL")
    window = ReflectWindow(
        None,
        SyncRunner(),
        ws.reflection,
        ws.reflection.walkthrough(case.concern_id),
        cases.NOW,
        lambda _changes: None,
        pytest.fail,
        lambda: None,
    )
    window.show()
    try:
        window.steps.setCurrentRow(list(Step).index(Step.DECISION))
        page = window.pages.currentWidget()
        consulted = next(card for card in window.cards if card.key == "decision.consulted")
        assert consulted.isVisibleTo(page)
        assert page.findChild(QPushButton, "showMore").text() == "Show 6 more questions"
    finally:
        window.close()


def fifteen_year_old_being_escalated(ws: Workspace) -> cases.Case:
    case = cases.missing_fifteen_year_old(ws)
    cases.escalate_both_decisions(ws, case.child_id)
    return case


def test_the_decision_step_shows_the_escalation_and_its_stage(window_for) -> None:
    window, _case = window_for(fifteen_year_old_being_escalated)
    window.steps.setCurrentRow(list(Step).index(Step.DECISION))
    context = window.findChild(QLabel, "context_decision")
    assert context.isVisible()
    assert "'Threshold not met'" in context.text() and "'No further action'" in context.text()
    assert "Current stage: Stage 2: DSL to team manager" in context.text()
    assert "thresholds.unchallenged" not in [card.key for card in window.cards]


def test_the_accounts_step_says_a_claim_could_not_be_checked_and_against_what(ws) -> None:
    case = cases.neglected_five_year_old(ws)
    [item] = ws.structured.picture(case.child_id).accounts
    [claim] = item.claims
    ws.structured.check(
        replace(
            claim,
            evidence_kind=EvidenceKind.RECORD,
            checked_against="Council tax records",
            checked_on=cases.NOW.date() - timedelta(days=2),
            checked_by="Sam Okafor",
        )
    )
    text = context_text(Step.ACCOUNTS, ws.reflection.walkthrough(case.concern_id), cases.NOW)
    assert "Claims that are contradicted or not yet checked:" in text
    assert (
        "• Unverified: Her partner does not live with them (Mother (parent)); "
        "could not check against Council tax records"
    ) in text
