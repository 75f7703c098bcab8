"""Store the structured records and keep their chronology lines in step with them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ..domain.enums import RecordType
from ..domain.headlines import ChronologyLine
from ..domain.referrals import Escalation, EscalationStep
from .models import ChildRow, EntryRow
from .models_structured import (
    AccountRow,
    ClaimRow,
    EscalationRow,
    EscalationStepRow,
    FactorRow,
    MissingRow,
    ReferralRow,
    SharingRow,
)
from .structured_rows import (
    TABLES,
    StructuredRecord,
    column_values,
    record_from_row,
    record_type_of,
)
from .unit_of_work import UnitOfWork, get_row, replace_keeping_history

# The column each kind of record is listed by, oldest first.
_ORDER: dict[RecordType, ColumnElement[Any]] = {
    RecordType.FACTOR: FactorRow.__table__.c.first_known,
    RecordType.MISSING: MissingRow.__table__.c.started_at,
    RecordType.ACCOUNT: AccountRow.__table__.c.given_at,
    RecordType.CLAIM: ClaimRow.__table__.c.id,
    RecordType.REFERRAL: ReferralRow.__table__.c.made_at,
    RecordType.ESCALATION: EscalationRow.__table__.c.started_on,
    RecordType.ESCALATION_STEP: EscalationStepRow.__table__.c.contacted_on,
    RecordType.SHARING: SharingRow.__table__.c.decided_at,
}


class StructuredRepository(UnitOfWork):
    def add(self, record: StructuredRecord, child_id: int, lines: Sequence[ChronologyLine]) -> int:
        """Store a new record and its chronology lines in one transaction."""
        record_type = record_type_of(record)
        model = TABLES[record_type][0]
        with self._unit() as s:
            get_row(s, ChildRow, child_id)
            row = model(**column_values(record, with_parents=True), version=1)
            s.add(row)
            s.flush()
            _write_lines(s, child_id, record_type, row.id, lines)
            return int(row.id)

    def get(self, record_type: RecordType, record_id: int) -> Any:
        with self._unit() as s:
            return record_from_row(record_type, get_row(s, TABLES[record_type][0], record_id))

    def for_parent(
        self, record_type: RecordType, parent_key: str, parent_ids: Sequence[int]
    ) -> list[Any]:
        """Records whose `parent_key` (child_id, account_id, ...) is one of `parent_ids`."""
        model = TABLES[record_type][0]
        query = (
            select(model)
            .where(getattr(model, parent_key).in_(parent_ids))
            .order_by(_ORDER[record_type], model.id)
        )
        with self._unit() as s:
            return [record_from_row(record_type, row) for row in s.scalars(query)]

    def amend(
        self,
        record: StructuredRecord,
        child_id: int,
        lines: Sequence[ChronologyLine],
        by: str,
        reason: str,
        now: datetime,
    ) -> int:
        """Replace a record's fields, keeping the earlier version; rewrite its lines."""
        assert record.id is not None
        record_type = record_type_of(record)
        with self._unit() as s:
            row = get_row(s, TABLES[record_type][0], record.id)
            values = column_values(record, with_parents=False)
            version = replace_keeping_history(
                s, record_type, row, record.version, values, by, reason, now
            )
            for old in s.scalars(_lines_of(record_type, record.id)):
                s.delete(old)
            _write_lines(s, child_id, record_type, record.id, lines)
            return version

    def awaiting_feedback(self) -> list[Any]:
        """Referrals the school has not yet heard back about, oldest first."""
        query = (
            select(ReferralRow)
            .where(ReferralRow.heard_back_at.is_(None))
            .order_by(ReferralRow.made_at)
        )
        with self._unit() as s:
            return [record_from_row(RecordType.REFERRAL, row) for row in s.scalars(query)]

    def steps_due_before(self, today: date) -> list[tuple[EscalationStep, Escalation, str]]:
        """Escalation steps with no response whose deadline has passed, with the child's name."""
        query = (
            select(EscalationStepRow, EscalationRow, ChildRow.full_name)
            .join(EscalationRow, EscalationRow.id == EscalationStepRow.escalation_id)
            .join(ChildRow, ChildRow.id == EscalationRow.child_id)
            .where(
                EscalationStepRow.next_deadline < today,
                EscalationStepRow.response == "",
                EscalationRow.resolved_on.is_(None),
            )
            .order_by(EscalationStepRow.next_deadline)
        )
        with self._unit() as s:
            return [
                (
                    record_from_row(RecordType.ESCALATION_STEP, step),
                    record_from_row(RecordType.ESCALATION, escalation),
                    name,
                )
                for step, escalation, name in s.execute(query)
            ]


def _lines_of(record_type: RecordType, record_id: int) -> Any:
    return select(EntryRow).where(
        EntryRow.record_type == record_type.value, EntryRow.record_id == record_id
    )


def _write_lines(
    session: Session,
    child_id: int,
    record_type: RecordType,
    record_id: int,
    lines: Sequence[ChronologyLine],
) -> None:
    for line in lines:
        session.add(
            EntryRow(
                child_id=child_id,
                kind=line.kind.value,
                occurred_at=line.occurred_at,
                title=line.title,
                body=line.body,
                record_type=record_type.value,
                record_id=record_id,
                time_known=line.time_known,
                version=1,
            )
        )
