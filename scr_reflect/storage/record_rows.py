"""Each kind of structured record's row, described once, and whose child a row is about.

The domain describes the kind (domain/record_kinds.py); here it is paired with its row class
and the column its records are listed by. Reading, amending, auditing and deleting a child's
records all go through these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from ..domain.enums import RecordType
from ..domain.record_kinds import RecordKind, kind_of
from .models import ChildRow
from .models_structured import (
    AccountRow,
    BodyMarkRow,
    ClaimRow,
    EducationRow,
    EscalationRow,
    EscalationStepRow,
    FactorRow,
    MissingRow,
    ReferralRow,
    SharingRow,
)

# The row classes of structured records: each has an integer id and a version. A type for the
# checker, which cannot build one from ROW_KINDS; tests/domain/test_record_kinds.py holds the
# two together.
StructuredRow = (
    FactorRow
    | MissingRow
    | EducationRow
    | AccountRow
    | ClaimRow
    | ReferralRow
    | EscalationRow
    | EscalationStepRow
    | SharingRow
    | BodyMarkRow
)


@dataclass(frozen=True, slots=True)
class RowKind:
    kind: RecordKind
    row: type[StructuredRow]
    order_by: str  # the column its records are listed by, oldest first

    @property
    def order_column(self) -> ColumnElement[Any]:
        return self.row.__table__.c[self.order_by]


ROW_KINDS: tuple[RowKind, ...] = (
    RowKind(kind_of(RecordType.FACTOR), FactorRow, "first_known"),
    RowKind(kind_of(RecordType.MISSING), MissingRow, "started_at"),
    RowKind(kind_of(RecordType.EDUCATION), EducationRow, "started_at"),
    RowKind(kind_of(RecordType.ACCOUNT), AccountRow, "given_at"),
    RowKind(kind_of(RecordType.CLAIM), ClaimRow, "id"),
    RowKind(kind_of(RecordType.REFERRAL), ReferralRow, "made_at"),
    RowKind(kind_of(RecordType.ESCALATION), EscalationRow, "started_on"),
    RowKind(kind_of(RecordType.ESCALATION_STEP), EscalationStepRow, "contacted_on"),
    RowKind(kind_of(RecordType.SHARING), SharingRow, "decided_at"),
    RowKind(kind_of(RecordType.BODY_MARK), BodyMarkRow, "seen_on"),
)
_BY_TYPE = {rows.kind.record_type: rows for rows in ROW_KINDS}
_BY_ROW: dict[type, RowKind] = {rows.row: rows for rows in ROW_KINDS}


def row_kind(record_type: RecordType) -> RowKind:
    return _BY_TYPE[record_type]


def row_kind_of(row: object) -> RowKind | None:
    """The kind of structured record a row holds; None for any other row."""
    return _BY_ROW.get(type(row))


def child_of_row(session: Session, row: Any) -> int | None:
    """The child a row is about, through the records it belongs to (a claim's account...).

    None if a record on the way is not there (a row being deleted with its owner)."""
    if row is None:
        return None
    if isinstance(row, ChildRow):
        return int(row.id)
    rows = row_kind_of(row)
    if rows is None or rows.kind.parent is None:
        return int(row.child_id)  # a concern, entry or action, or a record the child owns
    owner = row_kind(rows.kind.parent).row
    return child_of_row(session, session.get(owner, getattr(row, rows.kind.parent_key)))
