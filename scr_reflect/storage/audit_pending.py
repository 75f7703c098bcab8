"""Events the database cannot take when they happen, kept in a small file until it can.

A failed unlock has no key to write with, and a restore has just replaced the database; each
is noted here (the action, its time, a few words such as a backup's file name: nothing
secret, nothing about a child) and becomes an audit entry at the next successful unlock.
One JSON object a line, appended, so a line torn by a crash loses only itself.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

from ..domain.audit import AuditAction, NewEntry

FILE_NAME = "audit-pending.jsonl"
NOT_KNOWN = "(not known)"  # who tried a wrong passphrase

log = logging.getLogger(__name__)


def note(path: Path, action: AuditAction, at: datetime, detail: str = "") -> None:
    line = json.dumps({"action": action.value, "at": at.isoformat(), "detail": detail})
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(handle, f"{line}\n".encode())
        os.fsync(handle)
    finally:
        os.close(handle)


def note_quietly(path: Path, action: AuditAction, at: datetime, detail: str = "") -> None:
    """Noting must never hide what happened (a wrong passphrase, a finished restore)."""
    try:
        note(path, action, at, detail)
    except OSError as error:
        log.warning("a %s was not noted for the audit trail (%s)", action, type(error).__name__)


def waiting(path: Path) -> list[NewEntry]:
    """What was noted, oldest first; a torn or unreadable line is left out."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    found = []
    for line in lines:
        try:
            raw = json.loads(line)
            action = AuditAction(raw["action"])
            found.append(
                NewEntry(
                    action,
                    detail=str(raw.get("detail", "")),
                    at=datetime.fromisoformat(raw["at"]),
                    actor=NOT_KNOWN if action is AuditAction.FAILED_UNLOCK else None,
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda entry: entry.at or datetime.min)


def clear(path: Path) -> None:
    path.unlink(missing_ok=True)
