"""A record's history: every kept version side by side, in words, with what changed marked.

Rows start at the top and are at most a few lines tall (the whole text is on hover), so a
long account does not push the field that changed out of sight; each row is labelled, and a
row with a change is highlighted in its label and in the version that changed it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import display_dates as show
from ...domain.enums import RecordType
from ...domain.field_words import Words, caption, words_for
from ...domain.records import RecordHistory
from ...services.records import RecordService
from ..shared.task_runner import Runner
from ..shared.window_size import fit_to_screen

CHANGED_ROLE = Qt.ItemDataRole.UserRole + 1  # True on a changed cell and its row's label
MAX_LINES = 6
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_CHANGED_BACKGROUND = QBrush(QColor("#fff1b8"))  # the bold type says it without colour too


class HistoryDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, title: str, history: RecordHistory, words: Words
    ) -> None:
        """words: each kept field's text as the DSL reads it (field_words.words_for)."""
        super().__init__(parent)
        self.setWindowTitle(f"History: {title}")
        fit_to_screen(self, QSize(900, 520))
        versions = [v.fields for v in history.earlier] + [history.current]
        fields = list(history.current)
        self.table = QTableWidget(len(fields), len(versions), self, objectName="history")
        self.table.setHorizontalHeaderLabels(
            [f"Version {v.version}" for v in history.earlier] + ["Now"]
        )
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultAlignment(_TOP_LEFT)
        for row, field in enumerate(fields):
            label = QTableWidgetItem(caption(field))
            self.table.setVerticalHeaderItem(row, label)
            for column, values in enumerate(versions):
                text = words(field, values.get(field, ""))
                item = QTableWidgetItem(text)
                item.setTextAlignment(_TOP_LEFT)
                item.setToolTip(text)
                if column and values.get(field) != versions[column - 1].get(field):
                    _mark(item, f"Changed in this version:\n{text}")
                    _mark(label, "Changed in a later version")
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        lines = [
            f"Version {v.version} replaced {show.day_and_time(v.replaced_at)} by {v.replaced_by}: "
            f"{v.reason}"
            for v in history.earlier
        ]
        summary = QLabel(
            "\n".join(lines) or "This record has not been amended.", self, objectName="summary"
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)  # reasons are typed text, never markup
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def changed_fields(self) -> list[str]:
        """The labels of the rows marked as changed, top to bottom."""
        labels = (self.table.verticalHeaderItem(r) for r in range(self.table.rowCount()))
        return [label.text() for label in labels if label.data(CHANGED_ROLE)]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()  # only once shown are the columns their real width

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()
        cap = self.table.fontMetrics().lineSpacing() * MAX_LINES + 8
        for row in range(self.table.rowCount()):
            self.table.setRowHeight(row, min(self.table.rowHeight(row), cap))


def _mark(item: QTableWidgetItem, tip: str) -> None:
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    item.setBackground(_CHANGED_BACKGROUND)
    item.setData(CHANGED_ROLE, True)
    item.setToolTip(tip)


def open_history(
    parent: QWidget,
    runner: Runner,
    records: RecordService,
    report: Callable[[Exception], None],
    title: str,
    record_type: RecordType,
    record_id: int,
    words: Words | None = None,
) -> None:
    """Load a record's versions off the GUI thread, then show them under `title`, each field
    in words (words_for the record's type, unless words that also name ids are given)."""
    read_as = words or words_for(record_type)
    runner.run(
        lambda: records.history(record_type, record_id),
        lambda history: HistoryDialog(parent, title, history, read_as).open(),
        report,
    )
