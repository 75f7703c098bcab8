"""The CSV step of importing pupils: which column holds which of a pupil's details.

Each detail has a box listing the file's columns, set to the guess (last time's choice, or
the usual names). Nothing is read until the needed details each have a column.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.csv_columns import FIELDS, ColumnMapping, mapping_problems

NO_COLUMN = "(not in this file)"


class ColumnMappingPage(QWidget):
    chosen = Signal(object)  # the ColumnMapping, once it has every needed column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self.intro = QLabel(self, objectName="intro", wordWrap=True)
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in FIELDS:
            box = QComboBox(self, objectName=f"column_{field.key}")
            box.setAccessibleName(f"Column for {field.label}")
            box.currentIndexChanged.connect(self._show_problems)
            self.boxes[field.key] = box
            form.addRow(f"{field.label}{' (needed)' if field.required else ''}", box)
        self.problems = QLabel(self, objectName="problems", wordWrap=True)
        self.problems.setStyleSheet("color: palette(highlight);")
        self.next_button = QPushButton("Show what would change", self, objectName="next")
        self.next_button.clicked.connect(self._next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        layout.addWidget(self.next_button)

    def show_columns(self, headers: Sequence[str], guess: ColumnMapping, encoding: str) -> None:
        self._headers = tuple(headers)
        self.intro.setText(
            f"This CSV file ({encoding}) has {len(headers)} columns. Choose the column that "
            "holds each of a pupil's details; your choice is remembered for this school's "
            "next file."
        )
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(NO_COLUMN, "")
            for header in headers:
                box.addItem(header, header)
            box.setCurrentIndex(max(0, box.findData(guess.get(key, ""))))
            box.blockSignals(False)
        self._show_problems()

    def mapping(self) -> ColumnMapping:
        return {key: box.currentData() for key, box in self.boxes.items() if box.currentData()}

    def _show_problems(self) -> None:
        problems = mapping_problems(self.mapping(), self._headers)
        self.problems.setText(" ".join(problems))
        self.next_button.setEnabled(not problems)

    def _next(self) -> None:
        if not mapping_problems(self.mapping(), self._headers):
            self.chosen.emit(self.mapping())
