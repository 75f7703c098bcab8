"""The chronology lines a record writes for itself: a concern's, a referral's and its outcome's.

They are written with the record and, when it is amended, written again from it, so a line
never says what its record no longer does. Each points back to its record by record_type and
record_id.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.enums import RecordType
from ..domain.headlines import ChronologyLine
from .models import EntryRow


def write_lines(
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


def rewrite_lines(
    session: Session,
    child_id: int,
    record_type: RecordType,
    record_id: int,
    lines: Sequence[ChronologyLine],
) -> None:
    """Make the record's lines these, after an amendment.

    A line still written keeps its row (and id, so a chronology line chosen on screen is
    still there to reopen); one no longer written is deleted, a new one added."""
    query = (
        select(EntryRow)
        .where(EntryRow.record_type == record_type.value, EntryRow.record_id == record_id)
        .order_by(EntryRow.id)
    )
    old = list(session.scalars(query))
    for row, line in zip(old, lines, strict=False):
        row.kind, row.occurred_at = line.kind.value, line.occurred_at
        row.title, row.body, row.time_known = line.title, line.body, line.time_known
    for row in old[len(lines) :]:
        session.delete(row)
    write_lines(session, child_id, record_type, record_id, lines[len(old) :])
