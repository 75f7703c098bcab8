"""Gather one child's whole file from the store, as the pack carries it: all in memory.

Each record's fields travel as the DSL reads them in its history ("Physical abuse", "Yes"),
and a field that keeps another record's id names that record instead: the receiving school
has the same records under ids of its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import RecordType
from ..domain.escalation_grounds import decision_words
from ..domain.field_words import words_for
from ..domain.headlines import dated_headline
from ..domain.record_kinds import OWNERS_FIRST
from ..domain.records import Concern
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
    found = _structured(structured, child_id)
    named = _ids_named(concerns, found[RecordType.REFERRAL])
    kept = [(RecordType.CONCERN, c.id) for c in concerns if c.version > 1]
    kept += [(RecordType.ENTRY, e.id) for e in lines if e.record_type is None and e.version > 1]
    kept += [(kind, record.id) for kind, kind_records in found.items() for record in kind_records]
    return FileContent(
        school=school,
        sent_by=sent_by,
        sent_at=now,
        child=records.child(child_id),
        concerns=tuple(concerns),
        lines=tuple(lines),
        records=tuple(
            _kept(records, kind, record_id, named) for kind, record_id in kept if record_id
        ),
    )


def _ids_named(concerns: list[Concern], referrals: list[Any]) -> dict[str, dict[str, str]]:
    """The records that fields keep the ids of, as this school's DSL reads them: the concern a
    body-map mark was seen under, the further decisions an escalation challenges."""
    return {
        "concern_id": {str(c.id): dated_headline(c) for c in concerns},
        "also_challenges": {str(r.id): decision_words(r) for r in referrals},
    }


def _kept(
    records: RecordService, kind: RecordType, record_id: int, named: dict[str, dict[str, str]]
) -> KeptRecord:
    history, words = records.history(kind, record_id), words_for(kind, named)

    def worded(fields: dict[str, str]) -> dict[str, str]:
        return {name: words(name, text) for name, text in fields.items()}

    earlier = tuple(replace(v, fields=worded(v.fields)) for v in history.earlier)
    return KeptRecord(kind, record_id, len(earlier) + 1, worded(history.current), earlier)


def _structured(structured: StructuredService, child_id: int) -> dict[RecordType, list[Any]]:
    """Every record of every kind, each kind read through what it belongs to: the child, or
    the records of its owning kind found before it (a claim through the child's accounts)."""
    found: dict[RecordType, list[Any]] = {}
    for kind in OWNERS_FIRST:
        owners = [child_id] if kind.parent is None else [r.id for r in found[kind.parent]]
        found[kind.record_type] = structured.for_parent(kind.record_type, kind.parent_key, owners)
    return found
