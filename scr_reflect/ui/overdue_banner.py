"""Overdue follow-up actions, shown across the top when the records open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..domain.records import OverdueAction

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_VISIBLE_ROWS = 4


class OverdueBanner(QFrame):
    child_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="overdue")
        self.heading = QLabel(self, objectName="overdueHeading")
        self.list = QListWidget(self, objectName="overdueList")
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.hide()

    def show_overdue(self, overdue: list[OverdueAction]) -> None:
        self.list.clear()
        if not overdue:
            self.hide()
            return
        count = len(overdue)
        self.heading.setText(
            f"{count} follow-up action{'s are' if count > 1 else ' is'} overdue. "
            "Choose one to open the child's record."
        )
        for item in overdue:
            action = item.action
            row = QListWidgetItem(
                f"Due {action.due_on:%d/%m/%Y}  {item.child_name}: {action.description} "
                f"({action.owner})"
            )
            row.setData(CHILD_ID_ROLE, action.child_id)
            self.list.addItem(row)
        rows = min(count, MAX_VISIBLE_ROWS)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth())
        self.show()

    def _choose(self, item: QListWidgetItem) -> None:
        self.child_chosen.emit(item.data(CHILD_ID_ROLE))
