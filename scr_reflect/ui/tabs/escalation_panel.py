"""One escalation, read-only: why the school disagrees, each step taken, what is overdue, and
what the local procedure says comes next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import display_dates as show
from ...domain.escalation_grounds import decision_words
from ...domain.escalation_procedure import EscalationProcedure
from ...domain.referrals import EscalationStep
from ...services.structured import EscalationCase
from . import referral_words as words
from .record_panel import plain_label, version_text


def step_text(step: EscalationStep, procedure: EscalationProcedure, today: date) -> str:
    lines = [
        f"{show.day(step.contacted_on)} · {procedure.stage_title(step.stage)}",
        f"Contacted: {step.contacted}",
        f"Response: {step.response.strip() or 'none recorded yet'}",
    ]
    if step.next_deadline is not None:
        late = " (OVERDUE: no response recorded)" if step.overdue(today) else ""
        lines.append(f"Reply due by {show.day(step.next_deadline)}{late}")
    return "\n".join(lines)


class StepRow(QFrame):
    """A step as text, with its own Amend and History buttons (no selection to get wrong)."""

    def __init__(self, step: EscalationStep, text: str, overdue: bool, parent: QWidget) -> None:
        super().__init__(parent, objectName="escalationStep")
        self.step = step
        self.setProperty("overdue", overdue)
        self.label = plain_label(self, "stepText", text)
        self.label.setProperty("attention", overdue)
        self.amend = QPushButton("Amend…", self, objectName="amendStep")
        self.history = QPushButton("History", self, objectName="stepHistory")
        buttons = QVBoxLayout()
        buttons.addWidget(self.amend)
        buttons.addWidget(self.history)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addLayout(buttons)


class EscalationPanel(QGroupBox):
    record_step = Signal(object)  # the EscalationCase
    amend_step = Signal(object)  # the EscalationStep
    step_history = Signal(object)
    resolve = Signal(object)  # the EscalationCase
    amend = Signal(object)
    history = Signal(object)

    def __init__(
        self,
        case: EscalationCase,
        procedure: EscalationProcedure,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        escalation = case.escalation
        resolved = escalation.resolved_on
        title = f"Escalation started {show.day(escalation.started_on)}"
        super().__init__(f"{title}, resolved {show.day(resolved)}" if resolved else title, parent)
        self.setObjectName("escalation")
        self.case = case
        late = bool(words.overdue_steps(case, today))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.standing = plain_label(
            self, "standing", words.escalation_standing(case, procedure, today)
        )
        self.standing.setProperty("attention", late)
        form.addRow("Where it stands", self.standing)
        if len(case.challenged) > 1:  # under each referral it challenges: name them all
            challenged = "\n".join(decision_words(r) for r in case.challenged)
            form.addRow("Decisions challenged", plain_label(self, "challenged", challenged))
        form.addRow(
            "Why the school disagrees", plain_label(self, "why", escalation.why_we_disagree)
        )
        form.addRow("Asking for", plain_label(self, "asking", escalation.asking_for))
        if resolved:
            form.addRow(
                "How it was resolved", plain_label(self, "resolution", escalation.resolution)
            )
        form.addRow("Version", plain_label(self, "version", version_text(escalation.version)))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.step_rows = [
            StepRow(
                step, step_text(step, procedure, today), step.overdue(today) and not resolved, self
            )
            for step in case.steps
        ]
        for row in self.step_rows:
            row.amend.clicked.connect(lambda _=False, s=row.step: self.amend_step.emit(s))
            row.history.clicked.connect(lambda _=False, s=row.step: self.step_history.emit(s))
            layout.addWidget(row)
        if not resolved:
            layout.addWidget(plain_label(self, "nextStage", _next_text(case, procedure)))
        layout.addLayout(self._buttons(resolved is not None))

    def _buttons(self, resolved: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        named = [
            ("Amend…", "amendEscalation", self.amend),
            ("History", "escalationHistory", self.history),
        ]
        if not resolved:
            named = [
                ("Record next step…", "recordStep", self.record_step),
                ("Mark resolved…", "resolveEscalation", self.resolve),
                *named,
            ]
        self.buttons: dict[str, QPushButton] = {}
        for text, name, signal in named:
            button = QPushButton(text, self, objectName=name)
            button.clicked.connect(lambda _=False, s=signal: s.emit(self.case))
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        return row


def _next_text(case: EscalationCase, procedure: EscalationProcedure) -> str:
    stage = words.next_stage(procedure, case.steps)
    days = stage.respond_within_working_days
    at_last = bool(case.steps) and case.steps[-1].stage == stage.key
    lead = "The last stage of the local procedure" if at_last else "Next, under the local procedure"
    lines = [
        f"{lead}: {stage.title}",
        f"Contact: {stage.who}",
        f"A reply is expected within {days} working day{'s' * (days != 1)}.",
    ]
    if stage.guidance:
        lines.append(stage.guidance)
    return "\n".join(lines)
