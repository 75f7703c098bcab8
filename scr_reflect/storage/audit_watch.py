"""Which new rows are records a DSL made or amended, and the audit entry each one needs.

A flush of a session shows every row it wrote, whichever repository method wrote it; this
module reads those rows. A chronology line that another record writes for itself (a
concern's line, a referral's lines, the reflection's line) is part of that record, not one
of its own, and drafts are not records at all: neither is logged. A reflection answer is
logged when it is first saved, not at each autosave.

Each create and amend entry carries the SHA-256 of the record as it then stands (every column
as text, with its type, id and version), so verify can tell a record changed behind the app.
A reflection has none: its answers are saved again at each autosave, without versions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ..domain.accounts import CLAIM_CHECKED
from ..domain.audit import AuditAction, NewEntry
from ..domain.audit_seal import content_hash
from ..domain.enums import RecordType
from .mapping import as_text
from .models import ActionRow, ChildRow, ConcernRow, EntryRow, VersionRow
from .models_reflection import AnswerRow
from .record_rows import ROW_KINDS, StructuredRow, child_of_row

# The rows the audit trail watches: each has an integer id and a version.
RecordRow = ChildRow | ConcernRow | EntryRow | ActionRow | StructuredRow

_RECORDS: dict[type[RecordRow], RecordType] = {
    ChildRow: RecordType.CHILD,
    ConcernRow: RecordType.CONCERN,
    EntryRow: RecordType.ENTRY,
    ActionRow: RecordType.ACTION,
    **{rows.row: rows.kind.record_type for rows in ROW_KINDS},
}
MODEL_OF = {kind: model for model, kind in _RECORDS.items()}
_NOW_VERSION = re.compile(r"now version (\d+)$")
_UNHASHED = frozenset({"id", "version"})  # the id and version are hashed on their own


def _offer_before_0011(fields: dict[str, str]) -> str:
    dated = fields.get("interview_offered_on") or fields.get("interview_held_on")
    return "offered" if dated else "not_known"


def _outcome_before_0011(fields: dict[str, str]) -> str:
    return "held" if fields.get("interview_held_on") else "not_yet"


def _blank(_fields: dict[str, str]) -> str:
    return ""


# Columns added after records were first hashed, with the value each row took when added (the
# same for every row, or drawn by the migration from the row's older columns): left out of the
# hash where a row still holds it, so hashes made before still match. Nothing is lost: a value
# left out is the one the hashed columns give.
_ADDED_LATER: dict[str, Callable[[dict[str, str]], str]] = {
    "time_known": lambda _fields: "True",
    "interview_offer": _offer_before_0011,
    "interview_outcome": _outcome_before_0011,
    "interview_declined_on": _blank,
    "sex": _blank,
    "also_challenges": _blank,
    "checked_against": _blank,
    "checked_on": _blank,
    "checked_by": _blank,
}
# Columns dropped after hashes were recorded, as every hashed row held them, so those hashes
# still match: a line typed on its own never had a concern_id (0008 dropped it, a concern's
# line names its concern by record_type and record_id, and such lines are not hashed).
_DROPPED = {"chronology_entries": {"concern_id": ""}}


def is_noted(row: object) -> bool:
    """A new row that stands for a record being made or amended."""
    if isinstance(row, EntryRow):
        return row.record_type is None  # a line typed on its own
    return isinstance(row, VersionRow | AnswerRow) or type(row) in _RECORDS


def entry_for(session: Session, row: Any) -> NewEntry:
    """The audit entry for a noted row, once the session has flushed it (ids are known)."""
    if isinstance(row, VersionRow):
        kind = RecordType(row.record_type)
        amended = session.get(MODEL_OF[kind], row.record_id)
        # A check is kept as the claim's next version: the trail says it was a check.
        act = "claim checked, " if row.reason.startswith(CLAIM_CHECKED) else ""
        return NewEntry(
            AuditAction.AMEND,
            child_of_row(session, amended),
            kind.value,
            row.record_id,
            f"{act}version {row.version} kept, now version {row.version + 1}",
            content_hash=row_hash(kind, amended) if amended is not None else None,
        )
    if isinstance(row, AnswerRow):
        concern = session.get(ConcernRow, row.concern_id)
        return NewEntry(
            AuditAction.CREATE,
            concern.child_id if concern else None,
            RecordType.REFLECTION.value,
            row.concern_id,
            f"first answer to {row.key}",
        )
    detail = f"{row.kind} entry" if isinstance(row, EntryRow) else ""
    kind = _RECORDS[type(row)]
    return NewEntry(
        AuditAction.CREATE,
        child_of_row(session, row),
        kind.value,
        row.id,
        detail,
        content_hash=row_hash(kind, row),
    )


def row_fields(row: Any) -> dict[str, str]:
    """Every column but the id and version, as text: the form earlier versions are kept in."""
    return _DROPPED.get(row.__tablename__, {}) | {
        column.key: as_text(getattr(row, column.key))
        for column in row.__table__.columns
        if column.key not in _UNHASHED
    }


def row_hash(kind: RecordType, row: Any) -> str:
    return content_hash(kind.value, int(row.id), int(row.version), hashed_fields(row_fields(row)))


def hashed_fields(fields: dict[str, str]) -> dict[str, str]:
    """The fields a record's hash covers (see _ADDED_LATER)."""
    return {
        k: v for k, v in fields.items() if k not in _ADDED_LATER or _ADDED_LATER[k](fields) != v
    }


def kept_fields(fields: dict[str, str], snapshot: dict[str, str]) -> dict[str, str]:
    """The fields a kept version's hash covers: a column added since it was kept is not one."""
    return hashed_fields(
        {k: v for k, v in fields.items() if k in snapshot or k not in _ADDED_LATER}
    )


def version_recorded(action: str, detail: str) -> int | None:
    """Which version of its record a create or amend entry left: None if it cannot say."""
    if action == AuditAction.CREATE:
        return 1
    found = _NOW_VERSION.search(detail)
    return int(found[1]) if found else None
