"""A child's information-sharing decisions, newest first."""

from __future__ import annotations

from datetime import datetime

from ...domain import display_dates as show
from ...domain.sharing import SharingDecision
from ..shared.list_table_model import ListTableModel

COL_WHEN, COL_DECISION, COL_WITH, COL_TOLD = range(4)


def decision_text(decision: SharingDecision) -> str:
    return "Shared" if decision.shared else "Not shared"


def told_text(decision: SharingDecision) -> str:
    return "Told" if decision.family_told else "Not told"


class SharingModel(ListTableModel[SharingDecision]):
    HEADERS = ("Decided", "Decision", "With whom", "Family")

    def newest_first_by(self, item: SharingDecision) -> datetime:
        return item.decided_at

    def cell(self, item: SharingDecision, column: int) -> str:
        if column == COL_WHEN:
            return show.day_and_time(item.decided_at)
        if column == COL_DECISION:
            return decision_text(item)
        if column == COL_WITH:
            return item.with_whom
        return told_text(item)
