"""The newest audit entry's (seq, hash), kept in the key file under "audit_head".

Outside the database, so removing entries from the end of the trail is caught even by
someone who holds the key. Only this key is ever changed here: the rest of the file (its
slots, its format) is read and written back as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..domain.audit import AuditHead
from .keyslots import HeaderError, read_body, update_body
from .storage_problems import StorageProblem

KEY = "audit_head"

log = logging.getLogger(__name__)


def read_head(header: Path) -> AuditHead | None:
    """The head the key file records; None if it records none or cannot be read."""
    try:
        return _head_in(read_body(header))
    except HeaderError:
        return None


def write_head(header: Path, head: AuditHead) -> None:
    """Read, change only our key, write atomically, under the key file's lock (a slot change
    made meanwhile is kept); an older head never replaces a newer."""
    if not header.exists():
        read_body(header)  # says the key file is missing, rather than starting a new one

    def change(body: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(body.get("slots"), list):
            # Not a key file we know: writing would lose its slots, and with them every record.
            raise ValueError(f"{header.name} is not a key file this version can update")
        held = _head_in(body)
        if held is not None and held.seq >= head.seq:
            return body
        return body | {KEY: {"seq": head.seq, "hash": head.hash}}

    update_body(header, change)


def write_head_quietly(header: Path, head: AuditHead) -> None:
    """After a commit: the entry is in the database, so a failed write here loses nothing;
    the next commit writes the head again, and verify says so meanwhile."""
    try:
        write_head(header, head)
    except (HeaderError, StorageProblem, OSError, ValueError) as error:
        # A full disk here must not reach the caller: their record is already saved, and a
        # "not saved" message would have them save it twice.
        log.warning("the audit head was not written to the key file (%s)", type(error).__name__)


def _head_in(body: dict[str, Any]) -> AuditHead | None:
    raw = body.get(KEY)
    if not raw:
        return None
    try:
        return AuditHead(int(raw["seq"]), str(raw["hash"]))
    except (KeyError, TypeError, ValueError):
        return None
