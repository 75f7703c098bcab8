"""The newest audit entry's (seq, hash), kept in the key file under "audit_head".

Outside the database, so removing entries from the end of the trail is caught even by
someone who holds the key. It carries an authentication code (HMAC-SHA256 under the audit
key kept inside the encrypted database), so someone who can edit the key file but cannot open
the database cannot move it unseen. Only this key is ever changed here: the rest of the file
(its slots, its format) is read and written back as it was.

A head that is not in the trail (its entry gone or rewritten) or does not carry its code is
never replaced: the trail growing past it again must not hide that it was cut short.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.audit import AuditHead
from ..domain.audit_seal import head_mac, mac_matches
from .keyslots import HeaderError, read_body, update_body
from .storage_problems import StorageProblem

KEY = "audit_head"

log = logging.getLogger(__name__)

HashAt = Callable[[int], str | None]  # the trail's hash at a seq; None if it has no such entry


@dataclass(frozen=True, slots=True)
class SignedHead:
    head: AuditHead
    mac: str | None  # None: written by a version from before heads carried one

    def trusted(self, mac_key: bytes | None, hash_at: HashAt) -> bool:
        """Still in the trail, and its code (if it has one) is the store's own."""
        if hash_at(self.head.seq) != self.head.hash:
            return False
        return self.mac is None or (
            mac_key is not None and mac_matches(mac_key, self.head, self.mac)
        )


def read_head(header: Path) -> AuditHead | None:
    """The head the key file records; None if it records none or cannot be read."""
    signed = read_signed(header)
    return signed.head if signed else None


def read_signed(header: Path) -> SignedHead | None:
    try:
        return _signed_in(read_body(header))
    except HeaderError:
        return None


def head_in_bytes(header_bytes: bytes) -> AuditHead | None:
    """The head in a key file's bytes (as a backup copies them); None if it has none."""
    try:
        body = json.loads(header_bytes)
    except ValueError:
        return None
    signed = _signed_in(body) if isinstance(body, dict) else None
    return signed.head if signed else None


def write_head(header: Path, head: AuditHead, mac_key: bytes | None, hash_at: HashAt) -> None:
    """Change only our key, under the key file's lock (a slot change made meanwhile is kept);
    an older head never replaces a newer, and a head the trail does not hold is left for
    verify to report."""
    if not header.exists():
        read_body(header)  # says the key file is missing, rather than starting a new one

    def change(body: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(body.get("slots"), list):
            # Not a key file we know: writing would lose its slots, and with them every record.
            raise ValueError(f"{header.name} is not a key file this version can update")
        held = _signed_in(body)
        if held is not None:
            if held.head.seq >= head.seq:
                return body
            if not held.trusted(mac_key, hash_at):
                log.warning(
                    "the key file records audit entry %d, which the trail does not hold as "
                    "recorded; it was left as it is",
                    held.head.seq,
                )
                return body
        sealed: dict[str, Any] = {"seq": head.seq, "hash": head.hash}
        if mac_key is not None:
            sealed["mac"] = head_mac(mac_key, head)
        return body | {KEY: sealed}

    update_body(header, change)


def write_head_quietly(
    header: Path, head: AuditHead, mac_key: bytes | None, hash_at: HashAt
) -> None:
    """After a commit: the entry is in the database, so a failed write here loses nothing;
    the next commit writes the head again, and verify says so meanwhile."""
    try:
        write_head(header, head, mac_key, hash_at)
    except (HeaderError, StorageProblem, OSError, ValueError) as error:
        # A full disk here must not reach the caller: their record is already saved, and a
        # "not saved" message would have them save it twice.
        log.warning("the audit head was not written to the key file (%s)", type(error).__name__)


def _signed_in(body: dict[str, Any]) -> SignedHead | None:
    raw = body.get(KEY)
    if not raw:
        return None
    try:
        mac = raw.get("mac")
        return SignedHead(
            AuditHead(int(raw["seq"]), str(raw["hash"])), str(mac) if mac is not None else None
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
