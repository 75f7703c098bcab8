"""One running window per data folder.

Two windows on one store would each keep their own drafts and open forms and overwrite each
other's work. The window holds the data folder's lock for its whole run, the same lock the
command line takes before it changes anything; a second run finds it held, says so and exits
before it writes anything (not even a log line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ... import APP_NAME
from ...services.folder_lock import FolderInUse, FolderLock
from ...services.folder_lock import claim as claim_folder
from ..shared import prompts


def claim(root: Path) -> FolderLock | None:
    """Take the data folder for this run, or None if another run holds it.

    Keep the returned lock for the whole run: the folder is free again once it is released,
    or once the process that held it has ended, however it ended."""
    try:
        return claim_folder(root)
    except FolderInUse:
        return None


def claim_or_explain(root: Path, parent: QWidget | None = None) -> FolderLock | None:
    lock = claim(root)
    if lock is None:
        prompts.warn(
            parent,
            f"{APP_NAME} is already open",
            f"{APP_NAME} is already open on this data folder, or a scr-reflect command is "
            f"working on it:\n{root}\n\n"
            "Switch to that window, or let the command finish. This one will close without "
            "changing anything.",
        )
    return lock
