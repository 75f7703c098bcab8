"""A table's chosen record, kept by its id while the table's rows are reloaded.

Each record table reloads whole when what it shows changes; a row number means nothing across
a reload, so the record chosen is remembered by id and chosen again. After a form saves, the
record saved is chosen instead, so the DSL sees what they have just recorded.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from ...domain.changes import ChangeSet
from .table_columns import ID_ROLE

_CHOOSE_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


class RowsById(Protocol):
    def row_of(self, record_id: int) -> int | None: ...


class KeptSelection:
    def __init__(self, table: QTableView, rows: RowsById) -> None:
        self._table, self._rows = table, rows
        self._saved: int | None = None

    def chosen_id(self) -> int | None:
        rows = self._table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def choose_saved(self, changes: ChangeSet) -> None:
        """Connected to a form's saved signal ahead of the reload the save brings about."""
        self._saved = changes.record_id

    def id_to_keep(self) -> int | None:
        """Asked before the rows are reloaded: the record just saved, or else the one chosen."""
        keep = self._saved if self._saved is not None else self.chosen_id()
        self._saved = None
        return keep

    def choose(self, record_id: int | None, otherwise_row: int | None = None) -> None:
        """Choose the record's row once the rows are reloaded; if it has gone, the row given."""
        row = self._rows.row_of(record_id) if record_id is not None else None
        if row is None:
            row = otherwise_row
        if row is None:
            return
        index = self._table.model().index(row, 0)
        self._table.selectionModel().setCurrentIndex(index, _CHOOSE_ROW)
        self._table.scrollTo(index)
