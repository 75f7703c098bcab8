"""The walk-through: prompts chosen for the facts, answers saved as written and kept."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.concern_facts import Flag
from scr_reflect.domain.enums import Category, EntryKind
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.prompts import Conditions, Prompt, PromptLibrary, Source, Step
from scr_reflect.domain.records import Child, Concern, SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reflection import ReflectionService
from scr_reflect.ui.reflect.reflect_window import ReflectWindow
from scr_reflect.ui.shared.task_runner import SyncRunner
from tests.store_access import store_of

NOW = datetime(2026, 11, 20, 10, 0)
SEED = "001_c245019e2253aa29.txt"
LIBRARY = PromptLibrary(
    "test-1",
    (
        Prompt(
            "neglect.name-it",
            "Neglect and poverty",
            Step.THEMES,
            "Have you called this neglect, in those words, to the people who need to hear it?",
            "Reluctance to name neglect lets it drift.",
            Source(SEED, "Neglect featured in most reviews", "74.8%"),
            Conditions(any_category=frozenset({Category.NEGLECT})),
        ),
        Prompt(
            "missing.again",
            "Going missing",
            Step.THEMES,
            "What lies behind the missing episodes?",
            "Going missing is often a sign of something else.",
            Source(SEED, "Going missing often signalled other problems"),
            Conditions(all_flags=frozenset({Flag.MISSING_REPEATEDLY})),
        ),
    ),
)


@pytest.fixture
def setup():
    clock = FixedClock(NOW)
    ws = workspace.in_memory(SchoolProfile("Larkspur Vale", "Sam Okafor"), clock)
    child = ws.records.add_child(Child("Alfie Testperson", date(2021, 5, 1))).child_id
    concern = ws.records.record_concern(
        Concern(
            child,
            datetime(2026, 11, 19, 9, 0),
            datetime(2026, 11, 19, 9, 30),
            "Mrs Ortega, class teacher",
            "Came in hungry and in yesterday's clothes again.",
            frozenset({Category.NEGLECT}),
            child_words="Mummy's friend sleeps in my bed",
        )
    ).record_id
    service = ReflectionService(store_of(ws).reflections, ws.records, ws.structured, LIBRARY, clock)
    yield ws, service, child, concern
    ws.close()


@pytest.fixture
def opened():
    """Windows delete themselves on close; close whichever a test left open."""
    windows: list[ReflectWindow] = []
    yield windows
    for window in windows:
        if shiboken6.isValid(window):
            window.close()


def open_window(opened, service, concern, saved, errors, runner=None):
    window = ReflectWindow(
        None,
        runner or SyncRunner(),
        service,
        service.walkthrough(concern),
        NOW,
        saved.append,
        errors.append,
        lambda: None,
    )
    window.show()
    opened.append(window)
    return window


def test_prompts_follow_the_facts_and_say_why_on_demand(qtbot, setup, opened):
    _ws, service, _child, concern = setup
    window = open_window(opened, service, concern, [], [])
    keys = [card.key for card in window.cards]
    assert "neglect.name-it" in keys
    assert "missing.again" not in keys  # no missing episodes recorded
    card = next(c for c in window.cards if c.key == "neglect.name-it")
    window.steps.setCurrentRow(list(Step).index(Step.THEMES))
    # Where the question comes from is in view; why it matters is a click away.
    assert card.source.isVisible()
    assert card.source.text() == (
        "Neglect and poverty \u00b7 Finding from the reviews: Complexity and challenge: a "
        "triennial analysis of SCRs 2014-2017, summary (Department for Education, 2020)"
    )
    assert not card.why.isVisible()
    qtbot.mouseClick(card.why_button, Qt.MouseButton.LeftButton)
    assert card.why.isVisible()
    assert "74.8%" in card.why.text()
    context = window.findChild(QLabel, "context_what_happened").text()
    assert "“Mummy's friend sleeps in my bed”" in context


def test_answers_are_saved_as_written_and_read_back(qtbot, setup, opened):
    ws, service, child, concern = setup
    saved, errors = [], []
    window = open_window(opened, service, concern, saved, errors)
    card = next(c for c in window.cards if c.key == "voice.seen_alone")
    window.steps.setCurrentRow(list(Step).index(Step.LIVED_EXPERIENCE))
    qtbot.keyClicks(card.answer, "Seen alone by Mrs Ortega on 19/11 in the library.")
    qtbot.waitUntil(lambda: card.saved.text() == "Saved", timeout=5000)
    decision = window.findChild(QComboBox, "decision")
    decision.setCurrentIndex(decision.findData("early_help"))
    window.close()
    assert errors == []

    again = service.walkthrough(concern)
    assert again.answers["voice.seen_alone"].text.startswith("Seen alone by Mrs Ortega")
    assert again.answers["voice.seen_alone"].library_version == "test-1"
    lines = ws.records.entries(ws.records.entry_ids(child, ChronologyFilter()))
    reflection = [line for line in lines if line.kind is EntryKind.REFLECTION]
    assert len(reflection) == 1
    assert reflection[0].title == "Reflection on this concern: 2 answered; decision: Early help"


class HeldRunner(SyncRunner):
    """Holds the lane's work until released, as a busy lane would while a window closes."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple] = []

    def run(self, work, on_done, on_error) -> None:
        self.held.append((work, on_done, on_error))

    def release(self) -> None:
        for call in self.held:
            super().run(*call)
        self.held.clear()


def test_an_answer_saved_after_the_window_closed_is_kept_without_an_error(qtbot, setup):
    _ws, service, _child, concern = setup
    runner, saved, errors, opened = HeldRunner(), [], [], []
    window = open_window(opened, service, concern, saved, errors, runner)
    card = next(c for c in window.cards if c.key == "voice.seen_alone")
    window.steps.setCurrentRow(list(Step).index(Step.LIVED_EXPERIENCE))
    qtbot.keyClicks(card.answer, "Seen alone in the library.")
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(card)
    runner.release()
    assert errors == [] and saved
    assert service.walkthrough(concern).answers["voice.seen_alone"].text == (
        "Seen alone in the library."
    )


def test_an_answer_keeps_its_question_when_the_library_changes(qtbot, setup):
    _ws, service, _child, concern = setup
    service.save_answer(concern, "neglect.name-it", "Old wording of the question?", "Yes, with CSC")
    service.library = PromptLibrary("test-2", ())
    kept = service.walkthrough(concern).answers["neglect.name-it"]
    assert kept.question == "Old wording of the question?"
    assert kept.library_version == "test-1"


def test_ctrl_r_on_a_concern_opens_the_walk_through_with_the_shipped_prompts(unlocked, qtbot):
    window = unlocked
    records = window.workspace.records
    child = records.add_child(Child("Alfie Testperson", date(2021, 5, 1))).child_id
    records.record_concern(
        Concern(
            child,
            datetime(2026, 11, 19, 9, 0),
            datetime(2026, 11, 19, 9, 30),
            "Mrs Ortega, class teacher",
            "Came in hungry again.",
            frozenset({Category.NEGLECT}),
        )
    )
    window.view.show_child(child)
    window.view.chronology.table.selectRow(0)
    assert window.view.details.reflect.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    [reflect] = window.view.findChildren(ReflectWindow)
    keys = {card.key for card in reflect.cards}
    assert "neglect.name-it" in keys and "voice.seen_alone" in keys

    reflect.steps.setCurrentRow(list(Step).index(Step.NEXT_STEPS))
    qtbot.mouseClick(reflect.findChild(QPushButton, "addAction"), Qt.MouseButton.LeftButton)
    form = window.view.forms[-1]
    qtbot.keyClicks(form.findChild(QWidget, "description"), "Breakfast club place")
    qtbot.keyClicks(form.findChild(QWidget, "owner"), "Mrs Ortega")
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    [action] = records.actions_for_child(child)
    assert action.concern_id == reflect.walkthrough.concern.id
    reflect.close()


def test_records_made_after_the_concern_are_shown_apart_as_since_then(qtbot, setup, opened):
    ws, service, child, concern = setup
    ws.structured.add(
        CumulativeFactor(child, Factor.DOMESTIC_ABUSE, date(2026, 11, 20), "Police notification")
    )
    window = open_window(opened, service, concern, [], [])
    cumulative = window.findChild(QLabel, "context_cumulative").text()
    before, _, since = cumulative.partition("Since then (recorded after 19/11/2026")
    assert "Domestic abuse" not in before
    assert "• 20/11/2026: factor first noted: Domestic abuse" in since
    opening = window.findChild(QLabel, "context_what_happened").text()
    assert "as they stood on 19/11/2026. 1 record made since" in opening
