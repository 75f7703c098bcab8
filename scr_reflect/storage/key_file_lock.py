"""A short wait-your-turn lock around each read-change-write of the key file.

Two programs (the window and a command, or two threads) changing keys.json at once would
each write back what they read, and the later write would undo the earlier: a passphrase
reported changed and then changed back, a new recovery slot lost. The lock is the operating
system's own, as the folder lock's is (flock on POSIX, msvcrt.locking on Windows), on an empty
file beside the key file, so a process that dies lets go of it at once. Unlike the folder
lock it waits: each change holds it for a few milliseconds.

The lock file is left in place: removing it would let a waiter lock a file no longer there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .private_files import ensure_private_dir
from .storage_problems import os_problems

if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        while True:
            try:  # LK_LOCK itself gives up after ten seconds: go on waiting
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        # flock, not fcntl's record locks: those never conflict within one process.
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(key_file: Path) -> Path:
    return key_file.with_name(f"{key_file.name}.lock")


@contextmanager
def holding(key_file: Path) -> Iterator[None]:
    """Held for the body of the with: one read-change-write of the key file at a time."""
    path = lock_path(key_file)
    ensure_private_dir(path.parent)
    with os_problems(path.parent):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
