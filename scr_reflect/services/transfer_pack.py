"""Gather one child's whole file from the store, as the pack carries it: all in memory."""

from __future__ import annotations

from datetime import datetime

from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import RecordType
from ..domain.transfer_content import FileContent, KeptRecord
from .records import RecordService
from .structured import StructuredService


def gather(
    records: RecordService,
    structured: StructuredService,
    child_id: int,
    school: str,
    sent_by: str,
    now: datetime,
) -> FileContent:
    """Every concern and line, every structured record with its earlier versions, and any
    concern or line typed on its own that was amended, with its earlier versions."""
    concerns = records.concerns_for_child(child_id)
    lines = records.entries(records.entry_ids(child_id, ChronologyFilter()))
    kept = [(RecordType.CONCERN, c.id) for c in concerns if c.version > 1]
    kept += [(RecordType.ENTRY, e.id) for e in lines if e.record_type is None and e.version > 1]
    kept += _structured(structured, child_id)
    return FileContent(
        school=school,
        sent_by=sent_by,
        sent_at=now,
        child=records.child(child_id),
        concerns=tuple(concerns),
        lines=tuple(lines),
        records=tuple(_kept(records, kind, record_id) for kind, record_id in kept if record_id),
    )


def _kept(records: RecordService, kind: RecordType, record_id: int) -> KeptRecord:
    history = records.history(kind, record_id)
    version = len(history.earlier) + 1
    return KeptRecord(kind, record_id, version, history.current, tuple(history.earlier))


def _structured(
    structured: StructuredService, child_id: int
) -> list[tuple[RecordType, int | None]]:
    """Each kind read by what it belongs to: the child, or an account or an escalation."""
    found: list[tuple[RecordType, int | None]] = []
    for kind in (RecordType.FACTOR, RecordType.MISSING, RecordType.SHARING):
        found += [(kind, r.id) for r in structured.for_parent(kind, "child_id", [child_id])]
    for kind in (RecordType.ACCOUNT, RecordType.REFERRAL):
        found += [(kind, r.id) for r in structured.for_parent(kind, "child_id", [child_id])]
    accounts = [i for k, i in found if k is RecordType.ACCOUNT and i]
    claims = structured.for_parent(RecordType.CLAIM, "account_id", accounts)
    found += [(RecordType.CLAIM, c.id) for c in claims]
    escalations = structured.for_parent(RecordType.ESCALATION, "child_id", [child_id])
    found += [(RecordType.ESCALATION, e.id) for e in escalations]
    steps = structured.for_parent(
        RecordType.ESCALATION_STEP, "escalation_id", [e.id for e in escalations]
    )
    found += [(RecordType.ESCALATION_STEP, s.id) for s in steps]
    return found
