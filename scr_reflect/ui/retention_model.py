"""The retention review's two tables: children past their date, and children kept by a hold.

The review is read whole (a school has a handful of former pupils due at a time), so the model
holds its rows rather than loading pages as the children list does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.retention import ReviewChild, time_past

Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[ReviewChild, date], str]]
CHILD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _day(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _reason(child: ReviewChild, _today: date) -> str:
    return child.hold.reason if child.hold else ""


def _placed(child: ReviewChild, _today: date) -> str:
    hold = child.hold
    return f"{_day(hold.placed_at.date())} by {hold.placed_by}" if hold else ""


def _held_review(child: ReviewChild, today: date) -> str:
    due = child.review_date <= today
    return _day(child.review_date) if due else f"{_day(child.review_date)} (not yet)"


DUE_COLUMNS: tuple[Column, ...] = (
    ("Name", lambda child, _today: child.display_name),
    ("Date of birth", lambda child, _today: _day(child.date_of_birth)),
    ("Review date", lambda child, _today: _day(child.review_date)),
    ("Past by", lambda child, today: time_past(child.review_date, today)),
)
COL_REASON = 2  # of HELD_COLUMNS: the one column given the room a long reason needs
HELD_COLUMNS: tuple[Column, ...] = (
    ("Name", lambda child, _today: child.display_name),
    ("Review date", _held_review),
    ("Why they are kept", _reason),
    ("Hold placed", _placed),
)


class ReviewModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self._columns = tuple(columns)
        self._rows: tuple[ReviewChild, ...] = ()
        self._today = date.min

    def show(self, rows: Sequence[ReviewChild], today: date) -> None:
        self.beginResetModel()
        self._rows, self._today = tuple(rows), today
        self.endResetModel()

    def child_at(self, row: int) -> ReviewChild | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        child = self.child_at(index.row()) if index.isValid() else None
        if child is None or not 0 <= index.column() < len(self._columns):
            return None
        if role == CHILD_ID_ROLE:
            return child.child_id
        # A reason can be longer than its column: the tooltip shows it whole.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](child, self._today)
        return None
