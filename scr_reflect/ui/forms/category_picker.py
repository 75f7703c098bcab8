"""Tick one or more concern categories, grouped as a DSL thinks of them.

The boxes are one stop for Tab, as a group of choices is: the arrow keys move between them
and Space ticks. Only the box last visited takes Tab focus, so Tab leaves the group at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from ...domain.enums import Category


class CategoryPicker(QWidget):
    changed = Signal()
    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Category, QCheckBox] = {}
        for position, category in enumerate(Category):
            box = QCheckBox(category.label, self)
            box.setObjectName(f"category_{category.value}")
            box.toggled.connect(self.changed)
            box.installEventFilter(self)
            grid.addWidget(box, position // self.COLUMNS, position % self.COLUMNS)
            self.boxes[category] = box
        self.setAccessibleName("Categories")
        self._order = list(self.boxes.values())
        self._visit(self._order[0])

    def _visit(self, box: QCheckBox) -> None:
        """box becomes the group's one Tab stop; the rest are reached by arrows or a click."""
        for other in self._order:
            other.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if other is box else Qt.FocusPolicy.ClickFocus
            )
        self.setFocusProxy(box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched not in self._order:
            return False
        if event.type() == QEvent.Type.FocusIn:
            self._visit(watched)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Up: -self.COLUMNS,
                Qt.Key.Key_Down: self.COLUMNS,
            }.get(Qt.Key(event.key()))
            if step is not None:
                index = self._order.index(watched) + step
                if 0 <= index < len(self._order):
                    self._order[index].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def selected(self) -> frozenset[Category]:
        return frozenset(c for c, box in self.boxes.items() if box.isChecked())

    def set_selected(self, categories: frozenset[Category]) -> None:
        for category, box in self.boxes.items():
            box.setChecked(category in categories)

    def text_value(self) -> str:
        return " ".join(sorted(c.value for c in self.selected()))

    def set_text_value(self, text: str) -> None:
        known = {c.value for c in Category}
        self.set_selected(frozenset(Category(v) for v in text.split() if v in known))
