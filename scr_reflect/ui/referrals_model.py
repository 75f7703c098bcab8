"""The child's referrals, newest first, each with a line saying what it is waiting on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.escalation_procedure import EscalationProcedure
from ..services.structured import ReferralCase
from . import referral_words as words

Index = QModelIndex | QPersistentModelIndex

COL_MADE, COL_TO, COL_OUTCOME, COL_STANDING = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ATTENTION_ROLE = Qt.ItemDataRole.UserRole + 2

# The same dark red the forms use for a problem: readable, not alarming.
_ATTENTION_COLOUR = QColor("#8a1c1c")


class ReferralsModel(QAbstractTableModel):
    HEADERS = ("Made", "To", "Outcome", "Where it stands")

    def __init__(self, procedure: EscalationProcedure) -> None:
        super().__init__()
        self._procedure = procedure
        # Each row: the case, its standing in short and in full, and whether it needs attention.
        self._rows: list[tuple[ReferralCase, str, str, bool]] = []

    def show_cases(self, cases: Sequence[ReferralCase], now: datetime) -> None:
        self.beginResetModel()
        newest_first = sorted(cases, key=lambda c: c.referral.made_at, reverse=True)
        self._rows = [
            (
                case,
                words.short_standing(case, now),
                words.referral_standing(case, self._procedure, now),
                words.needs_attention(case, now),
            )
            for case in newest_first
        ]
        self.endResetModel()

    def case_at(self, row: int) -> ReferralCase:
        return self._rows[row][0]

    def row_of(self, referral_id: int) -> int | None:
        for row, (case, *_rest) in enumerate(self._rows):
            if case.referral.id == referral_id:
                return row
        return None

    # Qt's model API -----------------------------------------------------------------------

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
        case, short, full, attention = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(case, short, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(case, full, index.column())
        if role == ID_ROLE:
            return case.referral.id
        if role == ATTENTION_ROLE:
            return attention
        if role == Qt.ItemDataRole.FontRole and attention and index.column() == COL_STANDING:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and attention and index.column() == COL_STANDING:
            return QBrush(_ATTENTION_COLOUR)
        return None

    @staticmethod
    def _text(case: ReferralCase, standing: str, column: int) -> str:
        referral = case.referral
        if column == COL_MADE:
            return words.day(referral.made_at.date())
        if column == COL_TO:
            return referral.agency.label
        if column == COL_OUTCOME:
            return referral.outcome.label
        return standing
