"""The right-hand pane: the child's details, follow-up actions, and the chosen entry in full."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain import display_dates as show
from ..domain.enums import RecordType
from ..domain.legal_status import LegalStatus
from ..domain.quotation import in_quotes
from ..domain.records import Child, ChronologyEntry, Concern, FollowUpAction
from .tabs.glance_panel import GlancePanel

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _value_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # record text is never read as markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _Fields(QGroupBox):
    """A titled group of read-only label/value rows."""

    def __init__(self, title: str, rows: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for name, caption in rows:
            self.values[name] = _value_label(self, name)
            self.form.addRow(caption, self.values[name])
        self.buttons = QHBoxLayout()
        self.form.addRow(self.buttons)

    def button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self, objectName=name)
        self.buttons.addWidget(button)
        return button

    def show_values(self, values: dict[str, str]) -> None:
        for name, label in self.values.items():
            text = values.get(name, "")
            label.setText(text)
            label.setVisible(bool(text))
            self.form.labelForField(label).setVisible(bool(text))


class DetailsPane(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.glance = GlancePanel(body)
        self.child_box = _Fields(
            "Child",
            [
                ("name", "Name"),
                ("born", "Date of birth"),
                ("sex", "Sex"),
                ("groups", "Year / tutor group"),
                ("upn", "UPN"),
                ("status", "Care or legal status"),
                ("household", "Who lives at home"),
            ],
            body,
        )
        self.edit_child = self.child_box.button("Amend details…", "amendChild")
        self.child_history = self.child_box.button("History", "childHistory")
        self.child_audit = self.child_box.button("Audit trail", "childAudit")
        self.actions_box = QGroupBox("Follow-up actions", body)
        self.action_list = QListWidget(self.actions_box, objectName="actions")
        self.action_list.setMaximumHeight(140)
        self.action_list.setWordWrap(True)
        self.action_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_action = QPushButton("Add action…", self.actions_box, objectName="addAction")
        self.mark_done = QPushButton("Mark done", self.actions_box, objectName="markDone")
        self.mark_done.setEnabled(False)
        self.action_list.currentItemChanged.connect(
            lambda item, _old: self.mark_done.setEnabled(
                item is not None and item.data(ACTION_ID_ROLE) is not None
            )
        )
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(self.add_action)
        action_buttons.addWidget(self.mark_done)
        action_layout = QVBoxLayout(self.actions_box)
        action_layout.addWidget(self.action_list)
        action_layout.addLayout(action_buttons)
        self.entry_box = _Fields(
            "Selected entry",
            [
                ("headline", "What"),
                ("when", "When"),
                ("raised_by", "Raised by"),
                ("body", "Details"),
                ("child_words", "Child's words"),
                ("action_taken", "Action taken"),
                ("status", "Status"),
                ("outcome", "Outcome"),
                ("version", "Version"),
            ],
            body,
        )
        self.amend_entry = self.entry_box.button("Amend…", "amendEntry")
        self.entry_history = self.entry_box.button("History", "entryHistory")
        self.reflect = self.entry_box.button("Reflect…", "reflect")
        self.reflect.setToolTip("Think this concern through with prompts from SCR learning")
        column = QVBoxLayout(body)
        column.addWidget(self.glance)
        column.addWidget(self.child_box)
        column.addWidget(self.actions_box)
        column.addWidget(self.entry_box)
        column.addStretch(1)
        self.setWidget(body)
        self.setMinimumWidth(360)
        self.clear_child()

    def clear_child(self) -> None:
        for box in (self.glance, self.child_box, self.actions_box, self.entry_box):
            box.hide()

    def show_child(self, child: Child, actions: list[FollowUpAction], today: date) -> None:
        self.child_box.show_values(
            {
                "name": child.display_name,
                "born": f"{show.day(child.date_of_birth)} (age {child.age_on(today)})",
                "sex": child.sex,
                "groups": " / ".join(g for g in (child.year_group, child.tutor_group) if g),
                "upn": child.upn,
                "status": ""
                if child.legal_status is LegalStatus.NONE
                else child.legal_status.label,
                "household": child.household,
            }
        )
        self.action_list.clear()
        for action in actions:
            self.action_list.addItem(_action_item(action, today))
        if not actions:
            self.action_list.addItem(QListWidgetItem("No follow-up actions."))
        self.child_box.show()
        self.actions_box.show()
        self.entry_box.hide()

    def show_entry(self, entry: ChronologyEntry, concern: Concern | None) -> None:
        structured = entry.record_type not in (None, RecordType.CONCERN, RecordType.REFLECTION)
        reflective = concern is not None or entry.record_type is RecordType.REFLECTION
        self.amend_entry.setText("Open in its tab" if structured else "Amend…")
        self.entry_history.setVisible(
            not structured and entry.record_type is not RecordType.REFLECTION
        )
        self.reflect.setVisible(reflective)
        values = {
            "headline": f"{entry.kind.label}: {entry.title}",
            "when": show.moment(entry.occurred_at, entry.time_known),
            "body": entry.body,
            "version": _version_text(concern.version if concern else entry.version),
        }
        if concern is not None:
            values |= {
                "headline": f"{entry.kind.label}: "
                + ", ".join(sorted(c.label for c in concern.categories)),
                "when": f"{show.day_and_time(concern.occurred_at)} "
                f"(recorded {show.day_and_time(concern.recorded_at)})",
                "raised_by": concern.raised_by,
                "body": concern.what_happened,
                "child_words": in_quotes(concern.child_words) if concern.child_words else "",
                "action_taken": concern.action_taken,
                "status": concern.status.label,
                "outcome": concern.outcome,
            }
        self.entry_box.show_values(values)
        self.entry_box.show()


def _version_text(version: int) -> str:
    return "Original" if version == 1 else f"{version} (amended; earlier versions kept)"


def _action_item(action: FollowUpAction, today: date) -> QListWidgetItem:
    state = "done" if action.done_on else ("OVERDUE" if action.is_overdue(today) else "due")
    when = action.done_on or action.due_on
    item = QListWidgetItem(f"{state} {show.day(when)}: {action.description} ({action.owner})")
    item.setData(ACTION_ID_ROLE, None if action.done_on else action.id)
    if action.is_overdue(today):
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item
