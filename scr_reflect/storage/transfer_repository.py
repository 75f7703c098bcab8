"""Child protection files sent and received: each one written in one transaction, or not at all.

Sending keeps a row for the pack (and a document line and an audit entry); receiving adds the
child if need be, every received concern and line, the row for the pack and one audit entry
with counts, together. The school's signing key lives in the encrypted settings table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.audit import NewEntry
from ..domain.enums import RecordType
from ..domain.headlines import concern_lines
from ..domain.records import Child, ChronologyEntry, Concern
from ..domain.transfer import Direction, Transfer
from . import mapping
from .audit_log import note
from .models import ChildRow, ConcernRow, EntryRow, SettingRow
from .models_transfer import TransferRow
from .record_lines import write_lines
from .unit_of_work import UnitOfWork, get_row

_SIGNING_KEY = "transfer.signing_key"


class AlreadyRecorded(Exception):
    """The pack was already received, or its receipt already recorded: nothing changed."""

    def __init__(self, transfer: Transfer) -> None:
        super().__init__(transfer.pack_id)
        self.transfer = transfer


@dataclass(frozen=True, slots=True)
class Received:
    """What one received pack adds: the child (new, or an id), concerns and lines."""

    child: Child | int
    concerns: Sequence[Concern]
    lines: Sequence[ChronologyEntry]


class TransferRepository(UnitOfWork):
    def signing_key(self) -> str | None:
        with self._unit() as s:
            row = s.get(SettingRow, _SIGNING_KEY)
            return None if row is None else row.value

    def keep_signing_key(self, key_hex: str) -> str:
        """Keep the key unless one was kept meanwhile; returns the one kept."""
        with self._unit() as s:
            row = s.get(SettingRow, _SIGNING_KEY)
            if row is not None:
                return row.value
            s.add(SettingRow(key=_SIGNING_KEY, value=key_hex))
            return key_hex

    def record_sent(self, transfer: Transfer, line: ChronologyEntry, audit: NewEntry) -> None:
        with self._unit() as s:
            get_row(s, ChildRow, transfer.child_id)
            note(s, audit)
            s.add(_row(transfer))
            s.add(EntryRow(**mapping.record_columns(line), child_id=line.child_id, version=1))

    def receive(
        self, transfer: Transfer, received: Received, audit: NewEntry, now: datetime
    ) -> int:
        """Add everything a pack brings; returns the child's id. A pack received before
        raises AlreadyRecorded and adds nothing."""
        with self._unit() as s:
            _refuse_if_there(s, Direction.RECEIVED, transfer.pack_id)
            if isinstance(received.child, Child):
                values = mapping.record_columns(received.child)
                child_row = ChildRow(**values, version=1, created_at=now)
                s.add(child_row)
                s.flush()
                child_id = child_row.id
            else:
                child_id = get_row(s, ChildRow, received.child).id
            for concern in received.concerns:
                row = ConcernRow(**mapping.record_columns(concern), child_id=child_id, version=1)
                s.add(row)
                s.flush()
                write_lines(s, child_id, RecordType.CONCERN, row.id, concern_lines(concern))
            for line in received.lines:
                s.add(EntryRow(**mapping.record_columns(line), child_id=child_id, version=1))
            s.add(_row(replace(transfer, child_id=child_id)))
            note(s, NewEntry(audit.action, child_id, audit.record_type, None, audit.detail))
            return child_id

    def sent(self, pack_id: str) -> Transfer | None:
        with self._unit() as s:
            row = _find(s, Direction.SENT, pack_id)
            return None if row is None else _transfer(row)

    def acknowledge(self, pack_id: str, fingerprint: str, at: datetime, audit: NewEntry) -> None:
        """Mark a sent pack's receipt as come back; a second time raises AlreadyRecorded."""
        with self._unit() as s:
            row = _find(s, Direction.SENT, pack_id)
            assert row is not None, "checked against the pack before"
            if row.acknowledged_at is not None:
                raise AlreadyRecorded(_transfer(row))
            row.acknowledged_at, row.fingerprint = at, fingerprint
            note(s, audit)

    def transfers(self, direction: Direction | None = None) -> list[Transfer]:
        query = select(TransferRow).order_by(TransferRow.at, TransferRow.id)
        if direction is not None:
            query = query.where(TransferRow.direction == direction.value)
        with self._unit() as s:
            return [_transfer(r) for r in s.scalars(query)]


def _refuse_if_there(s: Session, direction: Direction, pack_id: str) -> None:
    row = _find(s, direction, pack_id)
    if row is not None:
        raise AlreadyRecorded(_transfer(row))


def _find(s: Session, direction: Direction, pack_id: str) -> TransferRow | None:
    query = select(TransferRow).where(
        TransferRow.direction == direction.value, TransferRow.pack_id == pack_id
    )
    return s.scalars(query).first()


def _fields(transfer: Transfer) -> dict[str, object]:
    return {name: getattr(transfer, name) for name in transfer.__dataclass_fields__}


def _row(transfer: Transfer) -> TransferRow:
    values = _fields(transfer)
    values["direction"] = transfer.direction.value
    del values["id"]
    return TransferRow(**values)


def _transfer(row: TransferRow) -> Transfer:
    return Transfer(
        id=row.id,
        direction=Direction(row.direction),
        pack_id=row.pack_id,
        child_id=row.child_id,
        school=row.school,
        fingerprint=row.fingerprint,
        pack_sha256=row.pack_sha256,
        receipt_key=row.receipt_key,
        records=row.records,
        at=row.at,
        due_on=row.due_on,
        acknowledged_at=row.acknowledged_at,
    )
