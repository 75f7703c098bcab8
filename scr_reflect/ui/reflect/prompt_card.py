"""One question of the walk-through: the question, where it comes from, why it matters on
demand, the answer.

The answer is saved on the lane a moment after the DSL stops typing, and shown as saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.prompts import SourceKind
from ...domain.question_order import StepQuestion
from ...guidance.record_language import default_rules
from ...guidance.seed_sources import cite
from ..forms.language_hints import attach_language_hints

SAVE_DELAY_MS = 1000
Save = Callable[["PromptCard", str], None]  # the card, and its text to save


def _plain(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def source_line(question: StepQuestion) -> str:
    """Beside the question: its theme, if it has one, and where it comes from."""
    theme = f"{question.theme} \u00b7 " if question.theme else ""
    local = " (added by your school or partnership)" if question.local else ""
    return f"{theme}{cite(question.source)}{local}"


def why_text(question: StepQuestion) -> str:
    source = question.source
    parts = [question.why] if question.why else []
    if source.kind is SourceKind.SEED_FINDING:
        figure = f" The figure: {source.figure}." if source.figure else ""
        parts.append(f"From the reviews: {source.finding}.{figure}")
    elif source.kind is SourceKind.STATUTORY_GUIDANCE:
        parts.append(f"The guidance: {source.finding}.")
    elif source.kind is SourceKind.LOCAL_FINDING:
        parts.append(f"From local learning: {source.finding}.")
    return "\n\n".join(parts)


class PromptCard(QFrame):
    def __init__(
        self,
        key: str,
        question: str,
        source: str,  # where the question comes from, always in view
        answer: str,
        save: Save,
        parent: QWidget | None = None,
        why: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(parent, objectName="promptCard")
        self.key, self.question = key, question
        self._save = save
        self._dirty = False
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(question, self, "question"))
        self.source = _plain(source, self, "source")
        layout.addWidget(self.source)
        if why:
            self.why_button = QPushButton("Why this matters ▸", self, objectName="whyButton")
            self.why_button.setCheckable(True)
            self.why_button.setFlat(True)
            self.why = _plain(why, self, "why")
            self.why.hide()
            self.why_button.toggled.connect(self._show_why)
            layout.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.why)
        self.answer = QPlainTextEdit(self, objectName="answer", tabChangesFocus=True)
        self.answer.setPlaceholderText(hint or "Your thinking, in your own words")
        self.answer.setPlainText(answer)
        # Room for a short paragraph; longer answers scroll rather than push the page away.
        self.answer.setFixedHeight(self.answer.fontMetrics().lineSpacing() * 5 + 14)
        self.saved = QLabel(self, objectName="saved")
        layout.addWidget(self.answer)
        layout.addWidget(attach_language_hints(self.answer, default_rules()))
        layout.addWidget(self.saved)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.answer.textChanged.connect(self._on_edit)

    def _show_why(self, shown: bool) -> None:
        self.why.setVisible(shown)
        self.why_button.setText("Why this matters ▾" if shown else "Why this matters ▸")

    def _on_edit(self) -> None:
        self._dirty = True
        self.saved.setText("")
        self._timer.start()

    def save_now(self) -> None:
        """Save what is typed if it changed: after a pause, and when the window closes."""
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self._save(self, self.answer.toPlainText())

    def mark_saved(self) -> None:
        self.saved.setText("Saved")


def card_for(question: StepQuestion, answer: str, save: Save, parent: QWidget) -> PromptCard:
    return PromptCard(
        question.key,
        question.question,
        source_line(question),
        answer,
        save,
        parent,
        why=why_text(question),
        hint=question.hint,
    )
