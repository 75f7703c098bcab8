"""One running window per data folder.

Two windows on one store would each keep their own drafts and open forms and overwrite each
other's work. A lock file in the data folder says a window has it; a second run finds it held,
says so and exits before it writes anything (not even a log line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QWidget

from .. import APP_NAME
from . import prompts

LOCK_FILE = "scr-reflect.lock"


def claim(root: Path) -> QLockFile | None:
    """Take the data folder for this run, or None if another run holds it.

    Keep the returned lock for the whole run: the folder is free again once it is unlocked or
    destroyed, or once the process that held it has died (Qt checks the process id)."""
    if not root.exists():
        root.mkdir(mode=0o700, parents=True)  # a new folder: nobody else can hold it
    lock = QLockFile(str(root / LOCK_FILE))
    # Qt's default calls a lock older than 30 s stale even while its process runs.
    lock.setStaleLockTime(0)
    if lock.tryLock(0) or lock.error() != QLockFile.LockError.LockFailedError:
        # A folder that cannot be written cannot be locked either; the store will say so.
        return lock
    return None


def claim_or_explain(root: Path, parent: QWidget | None = None) -> QLockFile | None:
    lock = claim(root)
    if lock is None:
        prompts.warn(
            parent,
            f"{APP_NAME} is already open",
            f"{APP_NAME} is already open on this data folder:\n{root}\n\n"
            "Switch to that window. This one will close without changing anything.",
        )
    return lock
