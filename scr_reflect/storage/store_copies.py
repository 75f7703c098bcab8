"""The other copies of the store in a data folder, which deleting a child cannot reach.

Deleting a child (retention) removes their rows from the live database. Full copies of the
store elsewhere in the data folder still hold them: backups (until pruned), a store set aside
by a restore (before-restore-*), a database set aside without its key file
(*.no-key-file-*) and a restore cut short (.restoring-*). Each opens only with a key slot
of its own day, so the records cannot be taken out of them one by one; they are named to the
DSL instead, to delete by hand if the records must go at once. A backup cut short leaves a
.partial file that no one will ever open: those are removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .backups import PARTIAL_SUFFIX, in_progress
from .storage_problems import os_problems

_SET_ASIDE = ("before-restore-*", "*.no-key-file-*", ".restoring-*")


@dataclass(frozen=True, slots=True)
class StoreCopies:
    backups: int  # backups in the data folder's backups/ folder
    set_aside: tuple[Path, ...]  # other copies of the store in the data folder


def copies_in(root: Path, backups: Path) -> StoreCopies:
    found = sorted({path for pattern in _SET_ASIDE for path in root.glob(pattern)})
    count = len(list(backups.glob("*.db"))) if backups.is_dir() else 0
    return StoreCopies(count, tuple(found))


def remove_leftover_partials(backups: Path) -> list[Path]:
    """Delete what backups cut short left behind; one being written now is kept."""
    if not backups.is_dir():
        return []
    leftovers = [p for p in backups.glob(f".*{PARTIAL_SUFFIX}") if p not in in_progress()]
    with os_problems(backups):
        for path in leftovers:
            path.unlink(missing_ok=True)
    return leftovers
