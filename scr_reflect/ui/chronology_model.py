"""A child's chronology: when, what kind, and a one-line title; newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ..domain import display_dates as show
from ..domain.records import ChronologyEntry
from .shared.lazy_table_model import LazyTableModel

COL_WHEN, COL_KIND, COL_TITLE = range(3)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class ChronologyModel(LazyTableModel[ChronologyEntry]):
    HEADERS = ("When", "Type", "What")
    ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, KIND_ROLE})

    def cell(self, row: ChronologyEntry, column: int, role: int) -> Any:
        if role == KIND_ROLE:
            return row.kind
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_WHEN:
                return show.moment(row.occurred_at, row.time_known)
            if column == COL_KIND:
                return row.kind.label
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return _tooltip(row)
        return None


def _tooltip(row: ChronologyEntry) -> str:
    """The whole title, which the column may cut, and the start of what was written."""
    body = row.body[:400]
    return f"{row.title}\n\n{body}" if body and body != row.title else row.title
