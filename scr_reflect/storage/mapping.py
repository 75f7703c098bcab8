"""Rows to domain records and back. Only the repository uses this."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from typing import Any

from ..domain import display_dates as show
from ..domain.enums import Category, ConcernStatus, EntryKind, RecordType
from ..domain.legal_status import LegalStatus
from ..domain.records import Child, ChronologyEntry, Concern, FollowUpAction
from .models import ActionRow, ChildRow, ConcernRow, EntryRow

# Columns the store owns; amending a record never copies these from the caller.
STORE_OWNED = {"id", "version", "created_at", "child_id", "record_type", "record_id"}


def encode_categories(categories: frozenset[Category]) -> str:
    return " ".join(sorted(c.value for c in categories))


def decode_categories(text: str) -> frozenset[Category]:
    return frozenset(Category(v) for v in text.split())


def child_from_row(row: ChildRow) -> Child:
    return Child(
        id=row.id,
        full_name=row.full_name,
        preferred_name=row.preferred_name,
        date_of_birth=row.date_of_birth,
        year_group=row.year_group,
        tutor_group=row.tutor_group,
        upn=row.upn,
        household=row.household,
        sex=row.sex,
        legal_status=LegalStatus(row.legal_status),
        version=row.version,
    )


def concern_from_row(row: ConcernRow) -> Concern:
    return Concern(
        id=row.id,
        child_id=row.child_id,
        occurred_at=row.occurred_at,
        recorded_at=row.recorded_at,
        raised_by=row.raised_by,
        what_happened=row.what_happened,
        child_words=row.child_words,
        categories=decode_categories(row.categories),
        action_taken=row.action_taken,
        status=ConcernStatus(row.status),
        outcome=row.outcome,
        version=row.version,
    )


def entry_from_row(row: EntryRow) -> ChronologyEntry:
    return ChronologyEntry(
        id=row.id,
        child_id=row.child_id,
        kind=EntryKind(row.kind),
        occurred_at=row.occurred_at,
        title=row.title,
        body=row.body,
        record_type=RecordType(row.record_type) if row.record_type else None,
        record_id=row.record_id,
        time_known=row.time_known,
        version=row.version,
    )


def action_from_row(row: ActionRow) -> FollowUpAction:
    return FollowUpAction(
        id=row.id,
        child_id=row.child_id,
        concern_id=row.concern_id,
        description=row.description,
        owner=row.owner,
        due_on=row.due_on,
        done_on=row.done_on,
        version=row.version,
    )


def record_columns(record: Child | Concern | ChronologyEntry | FollowUpAction) -> dict[str, Any]:
    """The values a caller may set on a row, in the row's own column types."""
    values: dict[str, Any] = {}
    for name in record.__dataclass_fields__:
        if name in STORE_OWNED:
            continue
        value = getattr(record, name)
        if name == "categories":
            value = encode_categories(value)
        elif isinstance(value, Enum):
            value = value.value
        values[name] = value
    return values


def as_text(value: Any) -> str:
    """A field as it reads in a record's history."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return show.day_and_time(value)
    if isinstance(value, date):
        return show.day(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)
