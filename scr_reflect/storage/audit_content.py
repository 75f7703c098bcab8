"""For verify: does each record, and each earlier version of it, still match its entry?

Each create and amend entry carries the hash of the record as it left it. The current row
is hashed as it is; an earlier version is rebuilt from the row and the fields each later
amendment kept (an amendment keeps exactly the fields it replaced), then hashed. The first
mismatch walking back is named; anything older was rebuilt from it and says no more.

A record whose entries carry no hash (made before entries did, or loaded in bulk) is counted,
not checked. A record gone from the store is fine when a later deletion entry names its
child (retention deletes every row about a child and records that it did).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import Engine, ScalarResult, inspect, select
from sqlalchemy.orm import Session

from ..domain.audit import AuditAction
from ..domain.audit_seal import content_hash
from ..domain.enums import RecordType
from .audit_watch import (
    MODEL_OF,
    RecordRow,
    kept_fields,
    row_fields,
    row_hash,
    version_recorded,
)
from .models import VersionRow
from .models_trust import AuditRow

Key = tuple[str, int]  # (record type, record id)


@dataclass
class _Recorded:
    """What the trail says about records: the entry (seq, hash) that left each version."""

    versions: dict[Key, dict[int, tuple[int, str | None]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    child_of: dict[Key, int | None] = field(default_factory=dict)
    deleted_at: dict[int, int] = field(default_factory=dict)  # child id -> last deletion seq


@dataclass
class ContentReport:
    problems: list[str] = field(default_factory=list)
    unhashed: int = 0  # records and earlier versions (each counted) no entry carries a hash for


def content_report(engine: Engine) -> ContentReport | None:
    """None for a database whose trail cannot carry content hashes (an older schema)."""
    found = inspect(engine)
    if not found.has_table(AuditRow.__tablename__):
        return None
    if "content_hash" not in {c["name"] for c in found.get_columns(AuditRow.__tablename__)}:
        return None
    report = ContentReport()
    with Session(engine) as s:
        recorded = _recorded(s)
        seen: set[Key] = set()
        for kind, model in MODEL_OF.items():
            kept = _earlier_versions(s, kind)
            query = select(model).execution_options(yield_per=500)
            # A select over a union of row classes is typed as their Base, which has no id.
            for row in cast("ScalarResult[RecordRow]", s.scalars(query)):
                key = (kind.value, int(row.id))
                seen.add(key)
                _check_record(report, recorded, kind, row, kept.get(row.id, []))
                s.expunge(row)  # a large caseload is read once, not held
    report.problems += list(_gone(recorded, seen))
    return report


def _recorded(session: Session) -> _Recorded:
    recorded = _Recorded()
    query = select(
        AuditRow.seq,
        AuditRow.action,
        AuditRow.child_id,
        AuditRow.record_type,
        AuditRow.record_id,
        AuditRow.detail,
        AuditRow.content_hash,
    ).where(AuditRow.action.in_([AuditAction.CREATE, AuditAction.AMEND, AuditAction.DELETION]))
    for seq, action, child_id, record_type, record_id, detail, hashed in session.execute(
        query.order_by(AuditRow.seq)
    ):
        if action == AuditAction.DELETION:
            if child_id is not None:
                recorded.deleted_at[child_id] = seq
            continue
        version = version_recorded(action, detail)
        if record_type is None or record_id is None or version is None:
            continue
        key = (record_type, record_id)
        recorded.versions[key][version] = (seq, hashed)
        recorded.child_of[key] = child_id
    return recorded


def _earlier_versions(session: Session, kind: RecordType) -> dict[int, list[VersionRow]]:
    """Each record's kept versions, newest first."""
    found: dict[int, list[VersionRow]] = defaultdict(list)
    query = select(VersionRow).where(VersionRow.record_type == kind.value)
    for row in session.scalars(query.order_by(VersionRow.version.desc())):
        found[row.record_id].append(row)
    return found


def _check_record(
    report: ContentReport,
    recorded: _Recorded,
    kind: RecordType,
    row: object,
    kept: list[VersionRow],
) -> None:
    record_id, version = int(row.id), int(row.version)  # type: ignore[attr-defined]
    versions = recorded.versions.get((kind.value, record_id), {})
    name = _name(kind.value, record_id)
    newest = max(versions, default=0)
    if newest > version:
        seq = versions[newest][0]
        report.problems.append(
            f"{name.capitalize()} is at version {version}, but entry {seq} recorded version "
            f"{newest}: it was put back to an earlier state outside the app."
        )
        return
    found = versions.get(version)
    if found is None or found[1] is None:
        report.unhashed += 1
    elif row_hash(kind, row) != found[1]:
        report.problems.append(
            f"{name.capitalize()} was changed outside the app since entry {found[0]} recorded it."
        )
        return
    fields = row_fields(row)
    for earlier in kept:
        snapshot = json.loads(earlier.fields_json)
        fields = {**fields, **snapshot}
        found = versions.get(earlier.version)
        if found is None or found[1] is None:
            report.unhashed += 1
            continue
        digest = content_hash(kind.value, record_id, earlier.version, kept_fields(fields, snapshot))
        if digest != found[1]:
            report.problems.append(
                f"Version {earlier.version} of {name}, kept when it was amended, was changed "
                f"outside the app since entry {found[0]} recorded it."
            )
            return


def _gone(recorded: _Recorded, seen: set[Key]) -> Iterator[str]:
    for key, versions in recorded.versions.items():
        hashed = [seq for seq, digest in versions.values() if digest is not None]
        if key in seen or not hashed:
            continue
        child_id = recorded.child_of.get(key)
        if child_id is not None and recorded.deleted_at.get(child_id, 0) > max(hashed):
            continue
        yield (
            f"{_name(*key).capitalize()} is gone from the store, though "
            f"no deletion entry names its child after entry {max(hashed)} recorded it."
        )


def _name(kind: str, record_id: int) -> str:
    return f"{kind.replace('_', ' ')} {record_id}"
