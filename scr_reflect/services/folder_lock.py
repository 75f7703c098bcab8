"""The data folder's lock, re-exported so the window takes the one the command line takes,
and the folder's quick checks; all light, so the command line can refuse early with them and
the window can show its unlock page before the store's libraries load."""

from pathlib import Path

from ..storage import restore_journal
from ..storage.file_names import is_set_up
from ..storage.folder_lock import FolderInUse, FolderLock, claim, upkeep_allowed
from ..storage.private_files import check_is_folder

__all__ = [
    "FolderInUse",
    "FolderLock",
    "check_is_folder",
    "claim",
    "is_set_up",
    "settle_interrupted_restore",
    "upkeep_allowed",
]


def settle_interrupted_restore(root: Path) -> str | None:
    """Finish or undo a restore that was cut short, before anything else opens the folder;
    returns what was done, to tell the DSL. Left to the folder's holder if another has it."""
    if not restore_journal.journal(root).exists():
        return None
    with upkeep_allowed(root) as ours:
        return restore_journal.settle(root) if ours else None
