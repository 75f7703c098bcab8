"""Gather one child's whole file from the store, as the pack carries it: all in memory.

Each record's fields travel as the DSL reads them in its history ("Physical abuse", "Yes").
Where a record belongs to or points at others (a claim's account, the decisions an escalation
challenges, the concern a body-map mark was seen under), the pack names them rather than give
their ids: the receiving school has the same records under ids of its own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from ..domain import display_dates as show
from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import RecordType
from ..domain.escalation_grounds import decision_words
from ..domain.field_words import words_for
from ..domain.headlines import ChronologyLine, dated_headline
from ..domain.record_kinds import OWNERS_FIRST, kind_of
from ..domain.records import Concern
from ..domain.structured_lines import account_lines, escalation_lines
from ..domain.transfer_content import FileContent, KeptRecord
from .records import RecordService
from .structured import StructuredService

Named = dict[str, dict[str, str]]  # a field keeping ids: the words for each id


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
    named = _ids_named(concerns, found)
    kept: list[tuple[RecordType, Any]] = [
        (RecordType.CONCERN, c) for c in concerns if c.version > 1
    ]
    kept += [(RecordType.ENTRY, e) for e in lines if e.record_type is None and e.version > 1]
    kept += [(kind, record) for kind, kind_records in found.items() for record in kind_records]
    return FileContent(
        school=school,
        sent_by=sent_by,
        sent_at=now,
        child=records.child(child_id),
        concerns=tuple(concerns),
        lines=tuple(lines),
        records=tuple(_kept(records, kind, record, named) for kind, record in kept if record.id),
    )


def _ids_named(concerns: list[Concern], found: dict[RecordType, list[Any]]) -> Named:
    """Each field that keeps the ids of other records, with those records as this school's
    DSL reads them."""
    referrals = {str(r.id): decision_words(r) for r in found[RecordType.REFERRAL]}
    return {
        "concern_id": {str(c.id): dated_headline(c) for c in concerns},
        "referral_id": referrals,
        "also_challenges": referrals,
        "account_id": {str(a.id): _first_line(account_lines(a)) for a in found[RecordType.ACCOUNT]},
        "escalation_id": {
            str(e.id): _first_line(escalation_lines(e)) for e in found[RecordType.ESCALATION]
        },
    }


def _first_line(lines: list[ChronologyLine]) -> str:
    return f"{lines[0].title} ({show.day(lines[0].occurred_at.date())})"


def _kept(records: RecordService, kind: RecordType, record: Any, named: Named) -> KeptRecord:
    """The record's history in words, led by what it belongs to and points at: the history
    leaves those links out, as the record is shown beside them where it is kept."""
    history, words = records.history(kind, record.id), words_for(kind, named)

    def worded(fields: dict[str, str]) -> dict[str, str]:
        return {name: words(name, text) for name, text in fields.items()}

    links = {key: str(getattr(record, key)) for key, owner in _links(kind) if owner is not None}
    earlier = tuple(replace(v, fields=worded(v.fields)) for v in history.earlier)
    current = worded({**links, **history.current})
    return KeptRecord(kind, record.id, len(earlier) + 1, current, earlier)


def _links(kind: RecordType) -> tuple[tuple[str, RecordType | None], ...]:
    """The links a structured record keeps to the records it belongs to (none for a concern
    or a chronology line, which belong to the child)."""
    if kind in (RecordType.CONCERN, RecordType.ENTRY):
        return ()
    return kind_of(kind).owned_by()


def _structured(structured: StructuredService, child_id: int) -> dict[RecordType, list[Any]]:
    """Every record of every kind, each kind read through what it belongs to: the child, or
    the records of its owning kind found before it (a claim through the child's accounts)."""
    found: dict[RecordType, list[Any]] = {}
    for kind in OWNERS_FIRST:
        owners = [child_id] if kind.parent is None else [r.id for r in found[kind.parent]]
        found[kind.record_type] = structured.for_parent(kind.record_type, kind.parent_key, owners)
    return found
