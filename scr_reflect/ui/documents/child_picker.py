"""Tick the children a session was about, from those with open concerns."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ...domain.records import ChildSummary

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ChildPicker(QListWidget):
    changed = Signal()

    def __init__(self, children: list[ChildSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for child in children:
            item = QListWidgetItem(f"{child.display_name} ({child.year_group})", self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(CHILD_ID_ROLE, child.id)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def selected(self) -> tuple[int, ...]:
        return tuple(
            int(item.data(CHILD_ID_ROLE))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def text_value(self) -> str:
        return " ".join(str(child_id) for child_id in self.selected())

    def set_text_value(self, text: str) -> None:
        chosen = {int(part) for part in text.split() if part.isdigit()}
        for item in self._items():
            checked = int(item.data(CHILD_ID_ROLE)) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
