"""What ties the audit trail to the records and to the world outside the store.

A content hash: each create and amend entry carries a SHA-256 of the record as that entry
left it, so a record changed behind the app no longer matches the entry that made it.

An authentication code on the head: the key file's copy of the newest entry is sealed with
HMAC-SHA256 under a secret kept inside the encrypted database, so someone who can edit the
key file but cannot open the database cannot move the head. Anyone who can open the
database can recompute it.

A checkpoint: the head's seq and the start of its hash, printed on paper and kept in backup
manifests, so a store rolled back as a whole can be caught against one made later.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .audit import AuditHead

CHECKPOINT_PREFIX = 16  # hex digits of the hash a printed checkpoint shows
_CHECKPOINT = re.compile(r"^\s*(?:entry\s*)?(\d{1,12})\s*[:, ]\s*([0-9a-fA-F]{8,64})\W*$")


def content_hash(record_type: str, record_id: int, version: int, fields: Mapping[str, str]) -> str:
    """SHA-256 of one version of a record: its type, id, version and every column as text."""
    canonical = json.dumps(
        [record_type, record_id, version, sorted(fields.items())],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def head_mac(key: bytes, head: AuditHead) -> str:
    """HMAC-SHA256 of the head's seq and hash under the store's audit key."""
    message = f"scr-reflect audit head:{head.seq}:{head.hash}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def mac_matches(key: bytes, head: AuditHead, mac: str) -> bool:
    return hmac.compare_digest(head_mac(key, head), mac)


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """An entry's seq and the start of its hash: enough to tell whether a trail still holds it."""

    seq: int
    hash_prefix: str

    @classmethod
    def of(cls, head: AuditHead) -> Checkpoint:
        return cls(head.seq, head.hash[:CHECKPOINT_PREFIX])

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        """From "1234:3f9a0c1d..." or "entry 1234, 3f9a0c1d…", as printed."""
        match = _CHECKPOINT.match(text.replace("\u2026", ""))
        if match is None:
            raise ValueError(
                f"{text!r} is not a checkpoint: give the entry number and the start of its "
                "hash, as in 1234:3f9a0c1d2e4b5a69."
            )
        return cls(int(match[1]), match[2].lower())

    @property
    def label(self) -> str:
        return f"Audit trail checkpoint: entry {self.seq}, {self.hash_prefix}\u2026"

    @property
    def token(self) -> str:
        """What `verify --checkpoint` takes."""
        return f"{self.seq}:{self.hash_prefix}"

    def held_by(self, hash_at_seq: str | None) -> bool:
        return hash_at_seq is not None and hash_at_seq.startswith(self.hash_prefix)
