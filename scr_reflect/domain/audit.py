"""What the audit trail records. An entry names ids and actions, never a child's details.

Each entry is sealed with a SHA-256 hash over a canonical encoding of all its fields and the
hash of the entry before it, so editing, removing or reordering entries breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

GENESIS_HASH = "0" * 64  # what the first entry names as the hash before it
DETAIL_LIMIT = 200


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
    IMPORT = "import"  # pupils from the school's MIS: counts only
    # A child protection file sent to another school came back with its receipt: counts only.
    ACKNOWLEDGED = "transfer acknowledged"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def entry_hash(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    child_id: int | None,
    record_type: str | None,
    record_id: int | None,
    detail: str,
    previous_hash: str,
    content_hash: str | None = None,
) -> str:
    """SHA-256 of a JSON array of every field in a fixed order: one encoding, whatever stores it.

    An entry without a content hash (any made before entries carried one) hashes as it did."""
    fields: list[object] = [
        seq,
        at.isoformat(timespec="microseconds"),
        actor,
        str(action),
        child_id,
        record_type,
        record_id,
        detail,
        previous_hash,
    ]
    if content_hash is not None:
        fields.append(content_hash)
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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
    # SHA-256 of the record as a create or amend left it (audit_seal.content_hash).
    content_hash: str | None = None

    def expected_hash(self) -> str:
        return entry_hash(
            self.seq,
            self.at,
            self.actor,
            self.action,
            self.child_id,
            self.record_type,
            self.record_id,
            self.detail,
            self.previous_hash,
            self.content_hash,
        )

    @property
    def record(self) -> str:
        """As "concern 12"; empty for an entry about the store as a whole."""
        if self.record_type is None:
            return ""
        return (
            self.record_type if self.record_id is None else f"{self.record_type} {self.record_id}"
        )


@dataclass(frozen=True, slots=True)
class NewEntry:
    """What a caller asks to record; the trail gives it a seq, the time, the actor and its hash.

    detail is a few words of our own (a document's title, a backup's file name): never a
    child's name and never anything a DSL typed."""

    action: AuditAction
    child_id: int | None = None
    record_type: str | None = None
    record_id: int | None = None
    detail: str = ""
    at: datetime | None = None  # None: now; a failed unlock brings its own time
    actor: str | None = None  # None: whoever is working
    content_hash: str | None = None  # a create or amend: the record as it now stands

    def sealed(self, seq: int, at: datetime, actor: str, previous_hash: str) -> AuditEntry:
        detail = self.detail[:DETAIL_LIMIT]
        when, who = self.at or at, self.actor if self.actor is not None else actor
        return AuditEntry(
            seq,
            when,
            who,
            self.action,
            self.child_id,
            self.record_type,
            self.record_id,
            detail,
            previous_hash,
            entry_hash(
                seq,
                when,
                who,
                self.action,
                self.child_id,
                self.record_type,
                self.record_id,
                detail,
                previous_hash,
                self.content_hash,
            ),
            self.content_hash,
        )


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The newest entry's seq and hash, also kept in the key file outside the database."""

    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which entries to read: any of a child, a person, an action and a date range."""

    child_id: int | None = None
    actor: str | None = None
    action: AuditAction | None = None
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("The 'from' date is after the 'to' date.")
