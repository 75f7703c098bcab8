"""Plain rows written straight into tables, for the generated large demo caseload only.

Nothing here maps, validates or logs each record: a fictional caseload of thousands of
children loads in seconds, and the demo loader writes one audit entry saying what it wrote.
Real records always go through Repository and the services.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from .models import ActionRow, ChildRow, ConcernRow, EntryRow
from .models_structured import MissingRow, ReferralRow
from .unit_of_work import UnitOfWork

_TABLES: dict[str, Any] = {
    "children": ChildRow,
    "concerns": ConcernRow,
    "missing_episodes": MissingRow,
    "referrals": ReferralRow,
    "chronology_entries": EntryRow,
    "actions": ActionRow,
}


class DemoBulkRows(UnitOfWork):
    def insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert many plain rows in one transaction."""
        model = _TABLES[table]
        with self._unit() as s:
            s.execute(model.__table__.insert(), rows)

    def max_id(self, table: str) -> int:
        model = _TABLES[table]
        with self._unit() as s:
            return s.scalar(select(func.max(model.id))) or 0
