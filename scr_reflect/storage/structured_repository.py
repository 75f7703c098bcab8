"""Store the structured records and keep their chronology lines in step with them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.enums import RecordType
from ..domain.headlines import ChronologyLine
from ..domain.record_kinds import StructuredRecord
from ..domain.referrals import Escalation, EscalationStep
from .models import ChildRow
from .models_structured import EscalationRow, EscalationStepRow, ReferralRow
from .record_lines import rewrite_lines, write_lines
from .record_rows import ROW_KINDS, child_of_row, row_kind
from .structured_rows import column_values, record_from_row, record_type_of
from .unit_of_work import UnitOfWork, get_row, replace_keeping_history


class StructuredRepository(UnitOfWork):
    def add(self, record: StructuredRecord, child_id: int, lines: Sequence[ChronologyLine]) -> int:
        """Store a new record and its chronology lines in one transaction."""
        record_type = record_type_of(record)
        model = row_kind(record_type).row
        with self._unit() as s:
            get_row(s, ChildRow, child_id)
            row = model(**column_values(record, with_parents=True), version=1)
            s.add(row)
            s.flush()
            write_lines(s, child_id, record_type, row.id, lines)
            return int(row.id)

    def get(self, record_type: RecordType, record_id: int) -> Any:
        with self._unit() as s:
            return record_from_row(record_type, get_row(s, row_kind(record_type).row, record_id))

    def child_of(self, record_type: RecordType, record_id: int) -> int:
        """The child a record is about, through the records it belongs to."""
        with self._unit() as s:
            child_id = child_of_row(s, get_row(s, row_kind(record_type).row, record_id))
            assert child_id is not None  # the store's foreign keys keep every owner there
            return child_id

    def for_parent(
        self, record_type: RecordType, parent_key: str, parent_ids: Sequence[int]
    ) -> list[Any]:
        """Records whose `parent_key` (child_id, account_id, ...) is one of `parent_ids`."""
        if not parent_ids:  # no accounts, so no claims to read
            return []
        with self._unit() as s:
            return _for_parent(s, record_type, parent_key, parent_ids)

    def for_child(
        self, child_id: int, record_types: Collection[RecordType]
    ) -> dict[RecordType, list[Any]]:
        """A child's records of these kinds, read in one transaction. A kind kept under
        another record (a claim under its account) is read through that record's kind, which
        must be asked for too."""
        found: dict[RecordType, list[Any]] = {}
        with self._unit() as s:
            for rows in ROW_KINDS:  # a kind's owner comes before it
                kind = rows.kind
                if kind.record_type not in record_types:
                    continue
                owners = [child_id] if kind.parent is None else [r.id for r in found[kind.parent]]
                found[kind.record_type] = (
                    _for_parent(s, kind.record_type, kind.parent_key, owners) if owners else []
                )
        return found

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
            row = get_row(s, row_kind(record_type).row, record.id)
            values = column_values(record, with_parents=False)
            version = replace_keeping_history(
                s, record_type, row, record.version, values, by, reason, now
            )
            rewrite_lines(s, child_id, record_type, record.id, lines)
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


def _for_parent(
    session: Session, record_type: RecordType, parent_key: str, parent_ids: Sequence[int]
) -> list[Any]:
    rows = row_kind(record_type)
    model = rows.row
    # Plain rows, not ORM objects: only read, and a child's list may be long.
    query = (
        select(*model.__table__.columns)
        .where(getattr(model, parent_key).in_(parent_ids))
        .order_by(rows.order_column, model.id)
    )
    return [record_from_row(record_type, row) for row in session.execute(query)]
