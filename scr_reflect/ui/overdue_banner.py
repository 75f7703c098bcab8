"""What is overdue, shown across the top when the records open: follow-up actions, escalation
steps with no response by their deadline, referrals with no reply within a working day, and
child protection files sent with no receipt within 5 school days."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import display_dates as show
from ..domain.transfer import Direction, Transfer
from ..services.records import RecordService
from ..services.structured import StructuredService
from .tabs import referral_words as words

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_VISIBLE_ROWS = 4
# Follow-up actions listed at most, soonest due first; the rest are counted, not read.
LISTED_ACTIONS = 100
CHECKING = "Checking what is overdue…"
SHOW, HIDE = "Show", "Hide"
ALL = "all"
KINDS = (
    ("actions", "Follow-up actions"),
    ("steps", "Escalation steps"),
    ("replies", "Referral replies"),
    ("receipts", "Transfer receipts"),
)  # the Overdue field each lists, and its name in the filter


@dataclass(frozen=True, slots=True)
class OverdueRow:
    child_id: int
    text: str


@dataclass(frozen=True, slots=True)
class Overdue:
    actions: tuple[OverdueRow, ...] = ()
    steps: tuple[OverdueRow, ...] = ()
    replies: tuple[OverdueRow, ...] = ()
    receipts: tuple[OverdueRow, ...] = ()
    actions_unlisted: int = 0  # overdue actions due later than the ones listed

    @property
    def rows(self) -> tuple[OverdueRow, ...]:
        return self.actions + self.steps + self.replies + self.receipts

    def count(self, kind: str = ALL) -> int:
        """How many are overdue, listed or not, of one kind or all."""
        if kind == ALL:
            return len(self.rows) + self.actions_unlisted
        unlisted = self.actions_unlisted if kind == "actions" else 0
        return len(getattr(self, kind)) + unlisted


def load_overdue(
    records: RecordService,
    structured: StructuredService,
    transfers: Sequence[Transfer],
    now: datetime,
) -> Overdue:
    """Run on the lane: everything overdue, worded for the banner."""
    waiting, procedure = structured.waiting(), structured.procedure
    unreceipted = [
        t for t in transfers if t.direction is Direction.SENT and t.is_overdue(now.date())
    ]
    waited_on = [r.child_id for r in waiting.feedback_overdue] + [t.child_id for t in unreceipted]
    names = {child_id: records.child(child_id).display_name for child_id in waited_on}
    actions = records.overdue_actions(LISTED_ACTIONS)
    unlisted = (
        records.overdue_action_count() - len(actions) if len(actions) == LISTED_ACTIONS else 0
    )
    return Overdue(
        actions=tuple(
            OverdueRow(
                item.action.child_id,
                f"Due {show.day(item.action.due_on)}  {item.child_name}: "
                f"{item.action.description} ({item.action.owner})",
            )
            for item in actions
        ),
        actions_unlisted=unlisted,
        steps=tuple(
            OverdueRow(
                escalation.child_id,
                f"Reply due {show.day(step.next_deadline or now.date())}  {name}: escalation, "
                f"{procedure.stage_title(step.stage)} (contacted {step.contacted})",
            )
            for step, escalation, name in waiting.steps_overdue
        ),
        replies=tuple(
            OverdueRow(
                referral.child_id,
                f"{names[referral.child_id]}: referral to {referral.agency.label.lower()} "
                f"made {show.day_and_time(referral.made_at)}. {words.feedback_text(referral, now)}",
            )
            for referral in waiting.feedback_overdue
        ),
        receipts=tuple(
            OverdueRow(
                sent.child_id,
                f"Receipt due {show.day(sent.due_on or now.date())}  {names[sent.child_id]}: "
                f"child protection file sent to {sent.school} on {show.day(sent.at.date())}, "
                "no receipt recorded",
            )
            for sent in unreceipted
        ),
    )


def _heading(overdue: Overdue) -> str:
    parts = []
    if overdue.actions:
        count = overdue.count("actions")
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
    if overdue.receipts:
        count = len(overdue.receipts)
        parts.append(
            f"{count} child protection file{'s' if count > 1 else ''} sent "
            f"{'have' if count > 1 else 'has'} had no receipt within 5 school days"
        )
    return "; ".join(parts) + "."


class OverdueBanner(QFrame):
    """One line until opened, so a long list does not take the records' room; it is there,
    saying it is checking, from the moment the records open, so nothing below it moves when
    the answer comes. The list can be narrowed to one kind of thing overdue."""

    child_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="overdue")
        self._overdue = Overdue()
        self.heading = QLabel(CHECKING, self, objectName="overdueHeading", wordWrap=True)
        self.toggle = QPushButton(SHOW, self, objectName="overdueToggle")
        self.toggle.setToolTip("List them; choose one to open the child's record.")
        self.toggle.clicked.connect(lambda: self.set_expanded(self.list.isHidden()))
        self.kind = QComboBox(self, objectName="overdueKind")
        self.kind.currentIndexChanged.connect(lambda _index: self._fill_list())
        self.list = QListWidget(self, objectName="overdueList")
        self.list.setAccessibleName("Overdue actions")
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.kind)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.set_expanded(False)
        policy = self.toggle.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the line is as tall while checking as after
        self.toggle.setSizePolicy(policy)
        self.toggle.hide()

    def show_overdue(self, overdue: Overdue) -> None:
        self._overdue = overdue
        if not overdue.rows:
            self.hide()
            return
        self.heading.setText(_heading(overdue))
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(f"All ({overdue.count()})", ALL)
        for name, label in KINDS:
            count = overdue.count(name)
            if count:
                self.kind.addItem(f"{label} ({count})", name)
        self.kind.blockSignals(False)
        self.toggle.show()
        self._fill_list()
        self.show()

    def set_expanded(self, expanded: bool) -> None:
        self.list.setVisible(expanded)
        self.kind.setVisible(expanded and self.kind.count() > 2)  # one kind: nothing to narrow
        self.toggle.setText(HIDE if expanded else SHOW)

    def _fill_list(self) -> None:
        wanted = self.kind.currentData()
        rows = self._overdue.rows if wanted in (None, ALL) else getattr(self._overdue, wanted)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(row.text)
            item.setData(CHILD_ID_ROLE, row.child_id)
            self.list.addItem(item)
        if self._overdue.actions_unlisted and wanted in (None, ALL, "actions"):
            more = QListWidgetItem(
                f"…and {self._overdue.actions_unlisted} more follow-up actions, due later than "
                "these: each child's are on their record."
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)
        visible = max(1, min(len(rows), MAX_VISIBLE_ROWS))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * visible + 2 * self.list.frameWidth())

    def _choose(self, item: QListWidgetItem) -> None:
        child_id = item.data(CHILD_ID_ROLE)
        if child_id is not None:  # not the line counting the actions not listed
            self.child_chosen.emit(child_id)
