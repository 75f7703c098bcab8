"""What is overdue, shown across the top when the records open: follow-up actions, escalation
steps with no response by their deadline, and referrals with no reply within a working day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..services.records import RecordService
from ..services.structured import StructuredService
from . import referral_words as words

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_VISIBLE_ROWS = 4


@dataclass(frozen=True, slots=True)
class OverdueRow:
    child_id: int
    text: str


@dataclass(frozen=True, slots=True)
class Overdue:
    actions: tuple[OverdueRow, ...] = ()
    steps: tuple[OverdueRow, ...] = ()
    replies: tuple[OverdueRow, ...] = ()

    @property
    def rows(self) -> tuple[OverdueRow, ...]:
        return self.actions + self.steps + self.replies


def load_overdue(records: RecordService, structured: StructuredService, now: datetime) -> Overdue:
    """Run on the lane: everything overdue, worded for the banner."""
    waiting, procedure = structured.waiting(), structured.procedure
    names = {r.child_id: records.child(r.child_id).display_name for r in waiting.feedback_overdue}
    return Overdue(
        actions=tuple(
            OverdueRow(
                item.action.child_id,
                f"Due {item.action.due_on:%d/%m/%Y}  {item.child_name}: "
                f"{item.action.description} ({item.action.owner})",
            )
            for item in records.overdue_actions()
        ),
        steps=tuple(
            OverdueRow(
                escalation.child_id,
                f"Reply due {words.day(step.next_deadline or now.date())}  {name}: escalation, "
                f"{words.stage_title(procedure, step.stage)} (contacted {step.contacted})",
            )
            for step, escalation, name in waiting.steps_overdue
        ),
        replies=tuple(
            OverdueRow(
                referral.child_id,
                f"{names[referral.child_id]}: referral to {referral.agency.label.lower()} "
                f"made {words.when(referral.made_at)}. {words.feedback_text(referral, now)}",
            )
            for referral in waiting.feedback_overdue
        ),
    )


def _heading(overdue: Overdue) -> str:
    parts = []
    if overdue.actions:
        count = len(overdue.actions)
        parts.append(f"{count} follow-up action{'s are' if count > 1 else ' is'} overdue")
    if overdue.steps:
        count = len(overdue.steps)
        parts.append(
            f"{count} escalation step{'s have' if count > 1 else ' has'} had no response "
            "by the deadline"
        )
    if overdue.replies:
        count = len(overdue.replies)
        parts.append(
            f"{count} referral{'s have' if count > 1 else ' has'} had no reply within a working day"
        )
    return "; ".join(parts) + ". Choose one to open the child's record."


class OverdueBanner(QFrame):
    child_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="overdue")
        self.heading = QLabel(self, objectName="overdueHeading", wordWrap=True)
        self.list = QListWidget(self, objectName="overdueList")
        self.list.setAccessibleName("Overdue actions")
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.hide()

    def show_overdue(self, overdue: Overdue) -> None:
        self.list.clear()
        rows = overdue.rows
        if not rows:
            self.hide()
            return
        self.heading.setText(_heading(overdue))
        for row in rows:
            item = QListWidgetItem(row.text)
            item.setData(CHILD_ID_ROLE, row.child_id)
            self.list.addItem(item)
        visible = min(len(rows), MAX_VISIBLE_ROWS)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * visible + 2 * self.list.frameWidth())
        self.show()

    def _choose(self, item: QListWidgetItem) -> None:
        self.child_chosen.emit(item.data(CHILD_ID_ROLE))
