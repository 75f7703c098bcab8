"""The children list on the left: search as you type over name, year group, UPN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..services.records import RecordService
from .children_model import COL_NAME, COL_OPEN, COL_YEAR, ChildrenModel
from .task_runner import Runner
from .widgets import record_table

SEARCH_DELAY_MS = 150


class ChildrenPane(QWidget):
    child_selected = Signal(int)

    def __init__(
        self,
        runner: Runner,
        records: RecordService,
        on_error: Callable[[Exception], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._records, self._on_error = runner, records, on_error
        self.search = QLineEdit(self, objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText("Find a child: name, year group or UPN")
        self.count = QLabel(self, objectName="count")
        self.model = ChildrenModel(runner, records.child_summaries, on_error)
        self.table = record_table(self, "children", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_OPEN, QHeaderView.ResizeMode.ResizeToContents)
        # As wide as the longest year and group, measured once: the name gets the rest.
        header.resizeSection(COL_YEAR, self.fontMetrics().horizontalAdvance("Year 13 · 13W") + 16)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count)

    def refresh(self, select_id: int | None = None) -> None:
        self._debounce.stop()
        text = self.search.text()
        keep = select_id if select_id is not None else self.selected_id()
        self._runner.run(
            lambda: self._records.search_children(text),
            lambda ids: self._show(ids, keep),
            self._on_error,
        )

    def _show(self, ids: list[int], keep: int | None) -> None:
        self.model.set_ids(ids)
        self.count.setText(f"{len(ids)} child" if len(ids) == 1 else f"{len(ids)} children")
        if keep is not None:
            self.select(keep)

    def select(self, child_id: int) -> None:
        row = self.model.row_of(child_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        child_id = self.selected_id()
        if child_id is not None:
            self.child_selected.emit(child_id)
