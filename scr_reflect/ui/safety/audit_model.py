"""The audit trail as a lazy table: newest first, a page of entries loaded at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ...domain import display_dates as show
from ...services.audit import AuditLine
from ..shared.lazy_table_model import LazyTableModel

COL_SEQ, COL_WHEN, COL_WHO, COL_ACTION, COL_CHILD, COL_RECORD, COL_DETAIL = range(7)
ACTION_ROLE = Qt.ItemDataRole.UserRole + 2


class AuditModel(LazyTableModel[AuditLine]):
    HEADERS = ("#", "When", "Who", "What", "Child", "Record", "Detail")
    ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            ACTION_ROLE,
        }
    )

    def row_id(self, row: AuditLine) -> int:
        return row.entry.seq

    def cell(self, row: AuditLine, column: int, role: int) -> Any:
        if role == ACTION_ROLE:
            return row.entry.action
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_SEQ:
            return f"Sealed with SHA-256 {row.entry.hash}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(row: AuditLine, column: int) -> str:
    entry = row.entry
    if column == COL_SEQ:
        return str(entry.seq)
    if column == COL_WHEN:
        return show.day_and_time_to_the_second(entry.at)
    if column == COL_WHO:
        return entry.actor
    if column == COL_ACTION:
        return str(entry.action).capitalize()  # as stored, even a value this version lacks
    if column == COL_CHILD:
        return child_text(entry.child_id, row.child_name)
    if column == COL_RECORD:
        return entry.record
    return row.detail


def child_text(child_id: int | None, name: str) -> str:
    if child_id is None:
        return ""
    return name or f"Child {child_id} (no longer in the records)"
