"""A child's information-sharing decisions, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.sharing import SharingDecision

Index = QModelIndex | QPersistentModelIndex

COL_WHEN, COL_DECISION, COL_WITH, COL_TOLD = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def decision_text(decision: SharingDecision) -> str:
    return "Shared" if decision.shared else "Not shared"


def told_text(decision: SharingDecision) -> str:
    return "Told" if decision.family_told else "Not told"


class SharingModel(QAbstractTableModel):
    HEADERS = ("Decided", "Decision", "With whom", "Family")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SharingDecision] = []

    def show_decisions(self, decisions: Sequence[SharingDecision]) -> None:
        self.beginResetModel()
        self._rows = sorted(decisions, key=lambda d: (d.decided_at, d.id or 0), reverse=True)
        self.endResetModel()

    def decision_at(self, row: int) -> SharingDecision:
        return self._rows[row]

    def row_of(self, decision_id: int) -> int | None:
        ids = [decision.id for decision in self._rows]
        return ids.index(decision_id) if decision_id in ids else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        decision = self._rows[index.row()]
        if role == ID_ROLE:
            return decision.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == COL_WHEN:
            return f"{decision.decided_at:%d/%m/%Y %H:%M}"
        if column == COL_DECISION:
            return decision_text(decision)
        if column == COL_WITH:
            return decision.with_whom
        return told_text(decision)
