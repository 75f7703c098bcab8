"""A table model over rows held in a list, for tables read whole rather than a page at a time.

A subclass names its HEADERS and says what each cell reads; the Qt plumbing lives here once.
A view asks a cell for about ten roles each time it paints or sizes it: only the roles used
are answered, and a row's cells are worked out once, when it is first shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt

from .table_columns import ID_ROLE, ColumnsModel, Index

R = TypeVar("R")

_ROLES = frozenset({ID_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})


class ListTableModel(ColumnsModel, Generic[R]):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []
        self._cells: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # by row: texts, tips

    # What subclasses say ------------------------------------------------------------------

    def row_id(self, item: R) -> int | None:
        return item.id  # type: ignore[attr-defined, no-any-return]

    def cell(self, item: R, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, item: R, column: int) -> str:
        # A cell can be narrower than its text: the tooltip shows it whole.
        return self.cell(item, column)

    def newest_first_by(self, item: R) -> Any:
        """What the rows are ordered by, newest first (see show_records)."""
        raise NotImplementedError

    # Our API ------------------------------------------------------------------------------

    def show_records(self, records: Sequence[R]) -> None:
        """A child's records, newest first; two at the same moment in the order they were
        made."""
        key = self.newest_first_by
        self.set_rows(sorted(records, key=lambda r: (key(r), self.row_id(r) or 0), reverse=True))

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells.clear()
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: int) -> int | None:
        for row, item in enumerate(self._rows):
            if self.row_id(item) == item_id:
                return row
        return None

    # Qt's model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:
            return None
        row = index.row()
        item = self.row_at(row) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        if role == ID_ROLE:
            return self.row_id(item)
        cells = self._cells.get(row)
        if cells is None:
            columns = range(len(self.HEADERS))
            cells = (
                tuple(self.cell(item, c) for c in columns),
                tuple(self.tooltip(item, c) for c in columns),
            )
            self._cells[row] = cells
        texts, tips = cells
        return (
            texts[index.column()] if role == Qt.ItemDataRole.DisplayRole else tips[index.column()]
        )
