"""Who may open the store: name, role, when added, and when removed (for those removed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.people import Person

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_ROLE, COL_ADDED, COL_REMOVED = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PeopleModel(QAbstractTableModel):
    HEADERS = ("Name", "Role", "Added", "Removed")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Person] = []

    def show_people(self, people: Sequence[Person]) -> None:
        self.beginResetModel()
        self._rows = list(people)
        self.endResetModel()

    def person_at(self, row: int) -> Person:
        return self._rows[row]

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
        person = self._rows[index.row()]
        if role == ID_ROLE:
            return person.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == COL_NAME:
            return person.name
        if column == COL_ROLE:
            return person.role.label
        if column == COL_ADDED:
            return f"{person.added_at:%d/%m/%Y}"
        return f"{person.removed_at:%d/%m/%Y}" if person.removed_at else ""
