"""A record's history: every kept version side by side, changed fields marked."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import RecordHistory
from .window_size import fit_to_screen


def _caption(field: str) -> str:
    return field.replace("_", " ").capitalize()


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, history: RecordHistory) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History: {title}")
        fit_to_screen(self, QSize(900, 520))
        versions = [v.fields for v in history.earlier] + [history.current]
        fields = list(history.current)
        self.table = QTableWidget(len(fields), len(versions), self, objectName="history")
        self.table.setVerticalHeaderLabels([_caption(f) for f in fields])
        self.table.setHorizontalHeaderLabels(
            [f"Version {v.version}" for v in history.earlier] + ["Now"]
        )
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column, values in enumerate(versions):
            for row, field in enumerate(fields):
                item = QTableWidgetItem(values.get(field, ""))
                if column and values.get(field) != versions[column - 1].get(field):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip("Changed in this version")
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        lines = [
            f"Version {v.version} replaced {v.replaced_at:%d/%m/%Y %H:%M} by {v.replaced_by}: "
            f"{v.reason}"
            for v in history.earlier
        ]
        summary = QLabel(
            "\n".join(lines) or "This record has not been amended.", self, objectName="summary"
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)  # reasons are typed text, never markup
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
