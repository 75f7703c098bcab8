"""One program at a time in a data folder: the window, or a command that changes the folder.

Two windows on one store would overwrite each other's drafts, and a restore under an open
window would pull the database out from under it. The window and the command line share one
lock: the operating system's own (flock on POSIX, msvcrt.locking on Windows) on an empty file
in the data folder. It needs no Qt, so the command line can take it too, and a process that
dies, even by kill -9, lets go of it at once: there is no stale lock to judge by age or by
process id, as Qt's QLockFile must.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

LOCK_FILE = "scr-reflect.lock"

# The folders this process holds: its own upkeep goes ahead without claiming them again.
_HELD: set[Path] = set()

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        # flock, not fcntl's record locks: those never conflict within one process.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class FolderInUse(Exception):
    def __init__(self, root: Path) -> None:
        self.root = root
        super().__init__(
            f"SCR Reflect is open on {root}, or a scr-reflect command is working on it. "
            "Close that window, or let the command finish, then try again. Nothing was changed."
        )


class FolderLock:
    """Held from claim() until release(). A folder this account cannot write to is not locked:
    nothing can change it, and the store says why as soon as anything tries."""

    def __init__(self, path: Path, fd: int | None, made_folder: bool) -> None:
        self._path, self._fd, self._made_folder = path, fd, made_folder
        if fd is not None:
            _HELD.add(_key(path.parent))

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _HELD.discard(_key(self._path.parent))
        # Removed while still held, so nobody can lock this file between close and unlink;
        # claim() checks it locked the file that is still there.
        if os.name == "posix":
            with contextlib.suppress(OSError):
                self._path.unlink()
        os.close(fd)
        if os.name != "posix":  # Windows refuses to remove a file that is open elsewhere
            with contextlib.suppress(OSError):
                self._path.unlink()
        if self._made_folder:  # a command that changed nothing leaves no folder behind
            with contextlib.suppress(OSError):
                self._path.parent.rmdir()


def claim(root: Path) -> FolderLock:
    """Take the data folder for this run, or raise FolderInUse if another run holds it."""
    made_folder = False
    if not root.exists():
        try:
            root.mkdir(mode=0o700, parents=True)  # a new folder: nobody else can hold it
            made_folder = True
        except OSError:
            return FolderLock(root / LOCK_FILE, None, False)
    path = root / LOCK_FILE
    while True:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o600)
        except OSError:
            return FolderLock(path, None, made_folder)
        if not _try_lock(fd):
            os.close(fd)
            raise FolderInUse(root)
        if _still_there(fd, path):
            return FolderLock(path, fd, made_folder)
        os.close(fd)  # its holder removed it as we opened it: lock the one there now


@contextlib.contextmanager
def upkeep_allowed(root: Path) -> Iterator[bool]:
    """Whether this process may tidy the folder (the daily backup, pruning old ones) now.

    A command that only reads runs beside the window without the lock; the window's own
    upkeep would race with it, so a reader does upkeep only when nobody holds the folder, and
    holds it while it does. A folder nobody can lock (read-only) is left to fail plainly."""
    if _key(root) in _HELD:
        yield True
        return
    try:
        lock = claim(root)
    except FolderInUse:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def _key(root: Path) -> Path:
    return Path(os.path.realpath(root))


def _still_there(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except OSError:
        return False
