"""A DSL's supervision session, saved back into the chronology of each child discussed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .enums import EntryKind
from .headlines import ChronologyLine
from .validation import Problem


@dataclass(frozen=True, slots=True)
class SupervisionRecord:
    held_at: datetime
    supervisor: str
    discussed: str
    agreed: str
    child_ids: tuple[int, ...]


def supervision_problems(record: SupervisionRecord, now: datetime) -> list[Problem]:
    problems = []
    if not record.supervisor.strip():
        problems.append(Problem("supervisor", "Say who gave the supervision."))
    if not record.discussed.strip():
        problems.append(Problem("discussed", "Record what was discussed."))
    if not record.child_ids:
        problems.append(Problem("children", "Choose at least one child who was discussed."))
    if record.held_at > now:
        problems.append(Problem("held_at", "The session cannot be in the future."))
    return problems


def supervision_line(record: SupervisionRecord) -> ChronologyLine:
    agreed = f"\nAgreed: {record.agreed.strip()}" if record.agreed.strip() else ""
    return ChronologyLine(
        EntryKind.SUPERVISION,
        record.held_at,
        f"Supervision with {record.supervisor.strip()}",
        f"Discussed: {record.discussed.strip()}{agreed}",
    )
