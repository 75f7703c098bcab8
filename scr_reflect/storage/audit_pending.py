"""Events the database cannot take when they happen, kept in a small file until it can.

A failed unlock has no key to write with, and a restore has just replaced the database; each
is noted here (the action, its time, a few words such as a backup's file name: nothing
secret, nothing about a child) and becomes an audit entry at the next successful unlock.
One JSON object a line, appended, so a line torn by a crash loses only itself.

A store opened for reading only (a full disk) notes its unlocks and views here too.

Anyone who can write the data folder can write this file, so what it says is not trusted:
only a failed unlock, a restore, or an unlock or view made while the records could only be
read is taken, by no one known, at a time between the trail's first entry and now, in words
of this module's own (a backup's file name is kept only if it is a plain file name). Any
other line is dropped, and only how many is logged.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
from datetime import datetime
from pathlib import Path

from ..domain.audit import AuditAction, NewEntry

FILE_NAME = "audit-pending.jsonl"
_TAKEN = ".taken-"  # FILE_NAME.taken-PID-RANDOM: lines an unlock is entering in the trail
NOT_KNOWN = "(not known)"  # who tried a wrong passphrase, or restored a backup
# Added to an entry that waited here because the store opened for reading only.
READ_ONLY_NOTE = "noted while the records could only be read"
_ACCEPTED = frozenset(
    {AuditAction.FAILED_UNLOCK, AuditAction.RESTORE, AuditAction.UNLOCK, AuditAction.VIEW}
)
NOTED_WHILE_READING = frozenset({AuditAction.UNLOCK, AuditAction.VIEW})
_FILE_NAME = r"[A-Za-z0-9][A-Za-z0-9 ._()+-]{0,119}"
_RESTORED = re.compile(
    rf"from (?P<backup>{_FILE_NAME}\.db)"
    r"(?:; the store before it is kept in (?P<aside>before-restore-\d{8}-\d{6}))?"
)

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


def claim(path: Path) -> list[Path]:
    """Take what was noted so far out of the way of new notes, and return every file taken
    (one left by an unlock that died before clearing it too).

    A note made from now on starts a new file, so clearing what was taken never deletes a
    line that did not reach the trail; a line may at worst be logged twice, never lost."""
    taken = path.with_name(f"{path.name}{_TAKEN}{os.getpid()}-{secrets.token_hex(4)}")
    with contextlib.suppress(FileNotFoundError):
        os.replace(path, taken)
    return sorted(path.parent.glob(f"{path.name}{_TAKEN}*"))


def waiting(files: list[Path], now: datetime, first: datetime | None) -> list[NewEntry]:
    """What the taken files say and can be believed, oldest first.

    now: the time the person unlocking sees; first: the trail's first entry's time (None for
    an empty trail)."""
    lines: list[str] = []
    for taken in files:
        with contextlib.suppress(FileNotFoundError):  # another unlock took it meanwhile
            lines += taken.read_text(encoding="utf-8", errors="replace").splitlines()
    found = [entry for line in lines if (entry := _accepted(line, now, first)) is not None]
    if len(found) < len(lines):
        log.warning("%d lines in %s were not accepted", len(lines) - len(found), FILE_NAME)
    return sorted(found, key=lambda entry: entry.at or datetime.min)


def _accepted(line: str, now: datetime, first: datetime | None) -> NewEntry | None:
    try:
        raw = json.loads(line)
        action = AuditAction(raw["action"])
        at = datetime.fromisoformat(raw["at"])
        detail = str(raw.get("detail", ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if action not in _ACCEPTED or at.tzinfo is not None or at.replace(microsecond=0) > now:
        return None
    if first is not None and at < first:
        return None
    return NewEntry(action, detail=_detail_for(action, detail), at=at, actor=NOT_KNOWN)


def _detail_for(action: AuditAction, noted: str) -> str:
    """The entry's words, always the app's own: nothing written in the file is kept as it is."""
    if action is AuditAction.RESTORE:
        return _restore_detail(noted)
    return READ_ONLY_NOTE if action in NOTED_WHILE_READING else ""


def _restore_detail(detail: str) -> str:
    """The restore's words rebuilt from what matched, so nothing else in the file gets in."""
    match = _RESTORED.fullmatch(detail)
    if match is None:
        return "from a backup whose file name is not shown"
    words = f"from {match['backup']}"
    if match["aside"]:
        words += f"; the store before it is kept in {match['aside']}"
    return words


def clear(files: list[Path]) -> None:
    """Once what they said is in the trail."""
    for taken in files:
        taken.unlink(missing_ok=True)
