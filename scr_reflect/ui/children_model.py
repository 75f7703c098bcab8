"""The children list: name, year and tutor group, UPN, open concerns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ..domain.records import ChildSummary
from .shared.lazy_table_model import LazyTableModel

COL_NAME, COL_YEAR, COL_OPEN = range(3)


class ChildrenModel(LazyTableModel[ChildSummary]):
    HEADERS = ("Name", "Year / group", "Open")
    ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        }
    )

    def cell(self, row: ChildSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_OPEN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _display(row: ChildSummary, column: int) -> str:
    if column == COL_NAME:
        return row.display_name
    if column == COL_YEAR:
        return " · ".join(g for g in (row.year_group, row.tutor_group) if g)
    return str(row.open_concerns) if row.open_concerns else ""


def _tooltip(row: ChildSummary) -> str:
    lines = [row.display_name]
    if row.upn:
        lines.append(f"UPN {row.upn}")
    lines.append(f"{row.open_concerns} concern(s) not closed")
    return "\n".join(lines)
