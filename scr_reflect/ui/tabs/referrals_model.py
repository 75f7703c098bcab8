"""The child's referrals, newest first, each with a line saying what it is waiting on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain import display_dates as show
from ...domain.escalation_procedure import EscalationProcedure
from ...services.structured import ReferralCase
from ..shared.list_table_model import Index, ListTableModel
from . import referral_words as words

COL_MADE, COL_TO, COL_OUTCOME, COL_STANDING = range(4)
ATTENTION_ROLE = Qt.ItemDataRole.UserRole + 2

# The same dark red the forms use for a problem: readable, not alarming.
_ATTENTION_COLOUR = QColor("#8a1c1c")
# The roles this model answers itself; ListTableModel answers the text and tooltips.
_MARKING_ROLES = frozenset(
    {ATTENTION_ROLE, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole}
)


class CaseRow(NamedTuple):
    case: ReferralCase
    short: str  # where it stands, in a few words for the cell
    full: str  # ...and in full for the tooltip
    attention: bool


class ReferralsModel(ListTableModel[CaseRow]):
    HEADERS = ("Made", "To", "Outcome", "Where it stands")

    def __init__(self, procedure: EscalationProcedure) -> None:
        super().__init__()
        self._procedure = procedure

    def show_cases(self, cases: Sequence[ReferralCase], now: datetime) -> None:
        newest_first = sorted(cases, key=lambda c: c.referral.made_at, reverse=True)
        self.set_rows(
            [
                CaseRow(
                    case,
                    words.short_standing(case, now),
                    words.referral_standing(case, self._procedure, now),
                    words.needs_attention(case, now),
                )
                for case in newest_first
            ]
        )

    def row_id(self, item: CaseRow) -> int | None:
        return item.case.referral.id

    def cell(self, item: CaseRow, column: int) -> str:
        return self._text(item.case, item.short, column)

    def tooltip(self, item: CaseRow, column: int) -> str:
        return self._text(item.case, item.full, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _MARKING_ROLES:
            return super().data(index, role)
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == ATTENTION_ROLE:
            return item.attention
        flagged = item.attention and index.column() == COL_STANDING
        if role == Qt.ItemDataRole.FontRole and flagged:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and flagged:
            return QBrush(_ATTENTION_COLOUR)
        return super().data(index, role)

    @staticmethod
    def _text(case: ReferralCase, standing: str, column: int) -> str:
        referral = case.referral
        if column == COL_MADE:
            return show.day(referral.made_at.date())
        if column == COL_TO:
            return referral.agency.label
        if column == COL_OUTCOME:
            return referral.outcome.label
        return standing
