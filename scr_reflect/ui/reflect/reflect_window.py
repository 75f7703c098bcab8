"""Reflect on a concern: seven steps, taken in any order, every answer kept with the concern.

It reads as help from an experienced colleague: the records each step rests on, then the
questions, each with why it matters on demand. Nothing here scores or predicts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import display_dates as show
from ...domain.changes import ChangeSet
from ...domain.prompts import PRACTICE, Step
from ...domain.question_order import StepQuestion
from ...domain.reflection import Decision
from ...guidance.seed_sources import cite
from ...services.reflection import DECISION_KEY, ReflectionService, Walkthrough
from ...services.workspace import Workspace
from ..shared.task_runner import Runner
from ..shared.window_size import fit_to_screen
from .prompt_card import PromptCard, card_for
from .reflect_context import context_text

INTRO = (
    "Take the steps in any order; each answer is saved as you write. The questions the child's "
    "records call for most come first, each saying where it comes from: a finding of Serious "
    "Case Reviews, statutory guidance, or a practice question. They support your judgement: "
    "nothing here scores the child or predicts harm."
)


def _plain(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReflectWindow(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        service: ReflectionService,
        walkthrough: Walkthrough,
        now: datetime,
        on_saved: Callable[[ChangeSet], None],
        on_error: Callable[[Exception], None],
        add_action: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Reflect: {walkthrough.child.display_name}")
        fit_to_screen(self, QSize(1040, 780))
        self._runner, self._service = runner, service
        self._on_saved, self._on_error, self._add_action = on_saved, on_error, add_action
        self.walkthrough = walkthrough
        self.cards: list[PromptCard] = []
        heading = _plain(
            f"Reflecting on the concern of {show.day(walkthrough.concern.occurred_at)} about "
            f"{walkthrough.child.display_name}",
            self,
            "formHeading",
        )
        self.steps = QListWidget(self, objectName="steps")
        self.steps.setFixedWidth(290)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget(self)
        for step in Step:
            self.steps.addItem(step.title)
            self.pages.addWidget(self._page(step, now))
        self.steps.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.steps.setCurrentRow(0)
        close = QPushButton("Close", self, objectName="close")
        close.clicked.connect(self.close)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(_plain(INTRO, self, "intro"))
        layout.addLayout(body, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def _page(self, step: Step, now: datetime) -> QWidget:
        w = self.walkthrough
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addWidget(_plain(step.title, page, "paneHeading"))
        context = context_text(step, w, now)
        if context:
            frame = QFrame(page, objectName="context")
            inner = QVBoxLayout(frame)
            inner.addWidget(_plain("What the records show", frame, "contextHeading"))
            inner.addWidget(_plain(context, frame, f"context_{step.value}"))
            column.addWidget(frame)
        if step is Step.NEXT_STEPS:
            add = QPushButton("Add a follow-up action…", page, objectName="addAction")
            add.clicked.connect(self._add_action)
            column.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        if step is Step.DECISION:
            choice = QFrame(page, objectName="promptCard")
            row = QVBoxLayout(choice)
            row.addWidget(_plain("What have you decided?", choice, "question"))
            row.addWidget(_plain(cite(PRACTICE), choice, "source"))
            row.addWidget(self._decision_choice(choice))
            column.addWidget(choice)
        questions = w.questions[step]
        # A question already answered stays in view, however weakly the facts call for it now.
        more = tuple(q for q in questions.more if not self._answer(q.key))
        for question in questions.all:
            if question not in more:
                self._add_card(
                    column, card_for(question, self._answer(question.key), self._save, page)
                )
        if more:
            self._add_more(column, page, more)
        if step is Step.THEMES and not questions.all:
            column.addWidget(
                _plain("No theme prompts apply to this concern's facts.", page, "noPrompts")
            )
        column.addStretch(1)
        scroll = QScrollArea(self, widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _add_more(self, column: QVBoxLayout, page: QWidget, more: tuple[StepQuestion, ...]) -> None:
        """The questions the facts call for less strongly, a click away."""
        count = len(more)
        show = QPushButton(
            f"Show {count} more question{'s' if count != 1 else ''}", page, objectName="showMore"
        )
        rest = QWidget(page, objectName="moreQuestions")
        inner = QVBoxLayout(rest)
        inner.setContentsMargins(0, 0, 0, 0)
        for question in more:
            self._add_card(inner, card_for(question, self._answer(question.key), self._save, rest))
        rest.hide()

        def reveal() -> None:
            show.hide()
            rest.show()

        show.clicked.connect(reveal)
        column.addWidget(show, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(rest)

    def _answer(self, key: str) -> str:
        answer = self.walkthrough.answers.get(key)
        return answer.text if answer else ""

    def _add_card(self, column: QVBoxLayout, card: PromptCard) -> None:
        self.cards.append(card)
        column.addWidget(card)

    def _decision_choice(self, parent: QWidget) -> QComboBox:
        box = QComboBox(parent, objectName="decision")
        box.addItem("Not decided yet", "")
        for decision in Decision:
            box.addItem(decision.label, decision.value)
        box.setCurrentIndex(max(0, box.findData(self._answer(DECISION_KEY))))
        box.currentIndexChanged.connect(
            lambda _i: self._store(DECISION_KEY, "What have you decided?", box.currentData(), None)
        )
        return box

    def _save(self, card: PromptCard, text: str) -> None:
        self._store(card.key, card.question, text, card)

    def _store(self, key: str, question: str, text: str, card: PromptCard | None) -> None:
        concern_id = self.walkthrough.concern.id
        assert concern_id is not None

        def done(changes: ChangeSet) -> None:
            # The window may have closed (and its cards been deleted) while the answer was
            # being saved: the answer is kept all the same, and there is no card to mark.
            if card is not None and shiboken6.isValid(card):
                card.mark_saved()
            self._on_saved(changes)

        self._runner.run(
            lambda: self._service.save_answer(concern_id, key, question, text),
            done,
            self._on_error,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        for card in self.cards:
            card.save_now()
        super().closeEvent(event)


def open_reflection(
    parent: QWidget,
    runner: Runner,
    workspace: Workspace,
    concern_id: int,
    on_saved: Callable[[ChangeSet], None],
    on_error: Callable[[Exception], None],
    add_action: Callable[[int | None], None],
) -> None:
    """Load the walkthrough of a concern off the GUI thread, then open the window on it."""
    service = workspace.reflection

    def open_window(walkthrough: Walkthrough) -> None:
        now, concern = workspace.clock.now(), walkthrough.concern
        window = ReflectWindow(
            parent,
            runner,
            service,
            walkthrough,
            now,
            on_saved,
            on_error,
            lambda: add_action(concern.id),
        )
        window.show()

    runner.run(lambda: service.walkthrough(concern_id), open_window, on_error)
