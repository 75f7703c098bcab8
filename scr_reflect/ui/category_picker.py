"""Tick one or more concern categories, grouped as a DSL thinks of them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from ..domain.enums import Category


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
            grid.addWidget(box, position // self.COLUMNS, position % self.COLUMNS)
            self.boxes[category] = box

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
