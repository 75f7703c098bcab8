"""Retention: children due for review, holds on their records, and deleting every row about one.

Deletion finds each row about the child first, then removes them all in one transaction, and
then folds the write-ahead log back into the database and empties it. With secure_delete on,
the deleted text is then gone from the files (backups aside: they age out as they are pruned).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.orm import Session

from ..domain.audit import NewEntry
from ..domain.draft_key import DraftKey
from ..domain.enums import RecordType
from ..domain.headlines import ChronologyLine
from ..domain.kept import Kept
from ..domain.record_kinds import OWNERS_FIRST, RECORD_KINDS, kind_of
from ..domain.retention import ChildRecords, RetentionHold, ReviewChild
from . import sqlcipher
from .audit_log import note
from .models import ActionRow, ChildRow, ConcernRow, DraftRow, EntryRow, VersionRow
from .models_reflection import AnswerRow
from .models_transfer import TransferRow
from .models_trust import RetentionHoldRow
from .record_rows import row_kind
from .unit_of_work import UnitOfWork, Watch, get_row

# Rows are deleted in this order, those that point at others first.
_ROWS: tuple[tuple[Kept, Any], ...] = (
    (Kept.ANSWER, AnswerRow),
    *((kind.kept, row_kind(kind.record_type).row) for kind in reversed(OWNERS_FIRST)),
    (Kept.ACTION, ActionRow),
    (Kept.ENTRY, EntryRow),
    (Kept.CONCERN, ConcernRow),
    (Kept.HOLD, RetentionHoldRow),
    (Kept.VERSION, VersionRow),
)
# Which kept versions belong to which records: record_versions has no foreign key.
_VERSIONED: dict[RecordType, Kept] = {
    RecordType.CONCERN: Kept.CONCERN,
    RecordType.ENTRY: Kept.ENTRY,
    RecordType.ACTION: Kept.ACTION,
    **{kind.record_type: kind.kept for kind in RECORD_KINDS},
    RecordType.REFLECTION: Kept.CONCERN,  # a reflection is kept by the concern's id
}
_CHUNK = 500  # ids per statement, well inside SQLite's limit on bound parameters


def _hold(row: RetentionHoldRow) -> RetentionHold:
    return RetentionHold(row.child_id, row.reason, row.placed_at, row.placed_by)


class RetentionRepository(UnitOfWork):
    """Holds and deletions each take their audit entry, written in the same transaction."""

    def __init__(self, engine: Engine, watch: Watch | None = None) -> None:
        super().__init__(engine, watch)
        self._engine = engine

    # Review -------------------------------------------------------------------------------

    def review_children(self, born_on_or_before: date) -> list[ReviewChild]:
        """Children born on or before the date, and every child whose records are on hold."""
        query = (
            select(ChildRow, RetentionHoldRow)
            .outerjoin(RetentionHoldRow, RetentionHoldRow.child_id == ChildRow.id)
            .where(
                or_(ChildRow.date_of_birth <= born_on_or_before, RetentionHoldRow.id.is_not(None))
            )
        )
        with self._unit() as s:
            return [_review_child(child, hold) for child, hold in s.execute(query)]

    def review_child(self, child_id: int) -> ReviewChild:
        with self._unit() as s:
            child = get_row(s, ChildRow, child_id)
            return _review_child(child, _hold_row(s, child_id))

    # Holds --------------------------------------------------------------------------------

    def hold(self, child_id: int) -> RetentionHold | None:
        with self._unit() as s:
            row = _hold_row(s, child_id)
            return None if row is None else _hold(row)

    def place_hold(self, hold: RetentionHold, line: ChronologyLine, audit: NewEntry) -> None:
        """Store the hold and its line in the child's chronology, in one transaction."""
        with self._unit() as s:
            note(s, audit)
            get_row(s, ChildRow, hold.child_id)
            s.add(
                RetentionHoldRow(
                    child_id=hold.child_id,
                    reason=hold.reason,
                    placed_at=hold.placed_at,
                    placed_by=hold.placed_by,
                )
            )
            _add_line(s, hold.child_id, line)

    def lift_hold(self, child_id: int, line: ChronologyLine, audit: NewEntry) -> None:
        """Remove the hold; the line says in the chronology who lifted it, when, and why it was."""
        with self._unit() as s:
            note(s, audit)
            s.execute(delete(RetentionHoldRow).where(RetentionHoldRow.child_id == child_id))
            _add_line(s, child_id, line)

    # Deletion -----------------------------------------------------------------------------

    def records_of(self, child_id: int) -> ChildRecords:
        """How many rows of each kind deleting the child would remove."""
        with self._unit() as s:
            get_row(s, ChildRow, child_id)
            found = _rows_about(s, child_id)
        return _counted(found)

    def delete_child(self, child_id: int, audit: NewEntry) -> ChildRecords:
        """Delete the child and every row about them; returns what was removed.

        The audit entry (ids and the rule only) commits with the deletion or not at all."""
        with self._unit() as s:
            note(s, audit)
            get_row(s, ChildRow, child_id)
            found = _rows_about(s, child_id)
            s.execute(delete(DraftRow).where(DraftRow.key.in_(found[Kept.DRAFT])))
            for kind, model in _ROWS:
                for ids in _chunks(found[kind]):
                    s.execute(delete(model).where(model.id.in_(ids)))
            # Which files about the child went to or came from other schools: ids and hashes.
            s.execute(delete(TransferRow).where(TransferRow.child_id == child_id))
            s.execute(delete(ChildRow).where(ChildRow.id == child_id))
        # After the commit: the WAL still holds the pages as they were until it is emptied.
        sqlcipher.checkpoint(self._engine)
        return _counted(found)


def _review_child(child: ChildRow, hold: RetentionHoldRow | None) -> ReviewChild:
    return ReviewChild(
        child.id,
        child.full_name,
        child.preferred_name,
        child.date_of_birth,
        None if hold is None else _hold(hold),
    )


def _hold_row(session: Session, child_id: int) -> RetentionHoldRow | None:
    return session.scalars(
        select(RetentionHoldRow).where(RetentionHoldRow.child_id == child_id)
    ).first()


def _add_line(session: Session, child_id: int, line: ChronologyLine) -> None:
    session.add(
        EntryRow(
            child_id=child_id,
            kind=line.kind.value,
            occurred_at=line.occurred_at,
            title=line.title,
            body=line.body,
            version=1,
        )
    )


def _ids(session: Session, column: Any, *where: Any) -> list[Any]:
    return list(session.scalars(select(column).where(or_(*where))))


def _rows_about(session: Session, child_id: int) -> dict[Kept, list[Any]]:
    """The ids of every row about the child, by kind, found through every link to them."""
    s, child = session, child_id
    found: dict[Kept, list[Any]] = {}
    found[Kept.CONCERN] = concerns = _ids(s, ConcernRow.id, ConcernRow.child_id == child)
    found[Kept.ENTRY] = _ids(s, EntryRow.id, EntryRow.child_id == child)
    found[Kept.ACTION] = _ids(
        s, ActionRow.id, ActionRow.child_id == child, _among(ActionRow.concern_id, concerns)
    )
    found[Kept.ANSWER] = _ids(s, AnswerRow.id, _among(AnswerRow.concern_id, concerns))
    for kind in OWNERS_FIRST:  # a claim after the accounts it belongs to are found
        model = row_kind(kind.record_type).row
        links = (
            getattr(model, key) == child
            if owner is None
            else _among(getattr(model, key), found[kind_of(owner).kept])
            for key, owner in kind.owned_by()
        )
        found[kind.kept] = _ids(s, model.id, *links)
    found[Kept.HOLD] = _ids(s, RetentionHoldRow.id, RetentionHoldRow.child_id == child)
    found[Kept.VERSION] = _version_ids(s, child, found)
    found[Kept.DRAFT] = _draft_keys(s, child, found)
    return found


def _counted(found: dict[Kept, list[Any]]) -> ChildRecords:
    return ChildRecords({kind: len(found[kind]) for kind in Kept})


def _among(column: Any, ids: list[int]) -> Any:
    """column IN ids, chunked so a long list stays within SQLite's parameter limit."""
    return or_(False, *(column.in_(chunk) for chunk in _chunks(ids)))


def _version_ids(session: Session, child_id: int, found: dict[Kept, list[Any]]) -> list[int]:
    owners = [(RecordType.CHILD, [child_id])] + [
        (record_type, found[kind]) for record_type, kind in _VERSIONED.items()
    ]
    return _ids(
        session,
        VersionRow.id,
        *(
            (VersionRow.record_type == record_type.value) & _among(VersionRow.record_id, ids)
            for record_type, ids in owners
            if ids
        ),
    )


def _draft_keys(session: Session, child_id: int, found: dict[Kept, list[Any]]) -> list[str]:
    """Drafts naming the child, or amending one of their records."""
    theirs = {RecordType.CHILD.value: {child_id}} | {
        record_type.value: set(found[kind])
        for record_type, kind in _VERSIONED.items()
        if record_type is not RecordType.REFLECTION
    }
    keys = []
    for key in session.scalars(select(DraftRow.key)):
        try:
            draft = DraftKey.parse(key)
        except ValueError:
            continue  # not a form this version knows: it cannot name the child either
        amends_theirs = draft.record_id in theirs.get(draft.form.value, set())
        if draft.child_id == child_id or amends_theirs:
            keys.append(key)
    return keys


def _chunks(ids: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]
