"""What the audit trail records. An entry names ids and actions, never a child's details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AuditAction(StrEnum):
    CREATE = "create"
    AMEND = "amend"
    VIEW = "view"
    EXPORT = "export"
    PRINT = "print"
    BACKUP = "backup"
    RESTORE = "restore"
    UNLOCK = "unlock"
    FAILED_UNLOCK = "failed unlock"
    RECOVERY = "recovery"
    PASSPHRASE_CHANGED = "passphrase changed"
    PERSON_ADDED = "person added"
    PERSON_REMOVED = "person removed"
    HOLD_PLACED = "hold placed"
    HOLD_LIFTED = "hold lifted"
    DELETION = "deletion"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: AuditAction
    child_id: int | None
    # What was touched, as a record type and id ("concern", 12); None for the store as a whole.
    record_type: str | None
    record_id: int | None
    detail: str
    previous_hash: str
    hash: str
