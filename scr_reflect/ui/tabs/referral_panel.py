"""The chosen referral in full: what was asked and decided, whether the school heard back in
time, a calm prompt when the decision may be challenged, and each escalation beneath."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import display_dates as show
from ...domain.escalation_procedure import EscalationProcedure
from ...services.structured import ReferralCase
from . import referral_words as words
from .escalation_panel import EscalationPanel
from .record_panel import FieldsBox, plain_label, version_text

CHALLENGE_TEXT = (
    "If the school is still worried about this child, it can challenge this decision under "
    "the local procedure below. The 2014-2017 analysis of serious case reviews found that "
    "schools were often the ones who noticed harm, yet rarely challenged a decision that a "
    "referral did not meet the threshold."
)
CHALLENGE_SOURCE = (
    "Source: Complexity and challenge: a triennial analysis of SCRs 2014-2017 (DfE, 2020)."
)


class ChallengePrompt(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, objectName="challengePrompt")
        heading = QLabel("This decision can be challenged", self, objectName="challengeHeading")
        self.start = QPushButton("Start an escalation…", self, objectName="startEscalation")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(plain_label(self, "challengeText", CHALLENGE_TEXT))
        layout.addWidget(plain_label(self, "challengeSource", CHALLENGE_SOURCE))
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)


class ReferralPanel(QWidget):
    start_escalation = Signal(object)  # the ReferralCase

    def __init__(
        self,
        procedure: EscalationProcedure,
        connect_panel: Callable[[EscalationPanel], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._procedure, self._connect_panel = procedure, connect_panel
        self._case: ReferralCase | None = None
        self.referral_box = FieldsBox(
            "Referral",
            [
                ("made", "Made"),
                ("to", "To"),
                ("asked", "What the school asked for"),
                ("outcome", "Outcome"),
                ("repeat", "Pattern"),
                ("reasons", "Reasons given"),
                ("heard", "Heard back"),
                ("version", "Version"),
            ],
            self,
        )
        self.prompt = ChallengePrompt(self)
        self.prompt.start.clicked.connect(self._start)
        self.escalations: list[EscalationPanel] = []
        self._escalation_layout = QVBoxLayout()
        self.procedure_box = FieldsBox(
            "Local escalation procedure",
            [("name", "Procedure"), ("stages", "Stages"), ("contacts", "Local contacts")],
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.referral_box)
        layout.addWidget(self.prompt)
        layout.addLayout(self._escalation_layout)
        layout.addWidget(self.procedure_box)
        layout.addStretch(1)
        self.show_case(None, {}, datetime.min)

    def show_case(self, case: ReferralCase | None, repeats: dict[int, int], now: datetime) -> None:
        self._case = case
        for panel in self.escalations:
            # Out of sight at once: deleteLater alone leaves it showing until the loop turns.
            panel.hide()
            self._escalation_layout.removeWidget(panel)
            panel.deleteLater()
        self.escalations = []
        if case is None:
            for box in (self.referral_box, self.prompt, self.procedure_box):
                box.hide()
            return
        referral = case.referral
        number = repeats.get(referral.id or 0, 1)
        self.referral_box.show_values(
            {
                "made": show.day_and_time(referral.made_at),
                "to": referral.agency.label,
                "asked": referral.asked_for,
                "outcome": referral.outcome.label,
                "repeat": words.repeat_text(referral, number) if number > 1 else "",
                "reasons": referral.outcome_reasons,
                "heard": show.day_and_time(referral.heard_back_at)
                if referral.heard_back_at
                else words.feedback_text(referral, now),
                "version": version_text(referral.version),
            },
            marked=frozenset({"repeat"} | ({"heard"} if referral.feedback_overdue(now) else set())),
        )
        self.referral_box.show()
        for escalation in case.escalations:
            panel = EscalationPanel(escalation, self._procedure, now.date(), self)
            self._connect_panel(panel)
            self._escalation_layout.addWidget(panel)
            panel.show()  # a layout would only show it once the event loop turns
            self.escalations.append(panel)
        self.prompt.setVisible(referral.outcome.may_be_challenged and not case.escalations)
        self.procedure_box.setVisible(referral.outcome.may_be_challenged or bool(case.escalations))
        self.procedure_box.show_values(self._procedure_values())

    def _procedure_values(self) -> dict[str, str]:
        procedure = self._procedure
        return {
            "name": procedure.name,
            "stages": "\n".join(
                f"{stage.title}: reply within {_days(stage.respond_within_working_days)}"
                for stage in procedure.stages
            ),
            "contacts": "\n".join(
                ", ".join(part for part in (c.role + ": " + c.name, c.telephone, c.email) if part)
                for c in procedure.contacts
            ),
        }

    def _start(self) -> None:
        if self._case is not None:
            self.start_escalation.emit(self._case)


def _days(count: int) -> str:
    return f"{count} working day{'s' * (count != 1)}"
