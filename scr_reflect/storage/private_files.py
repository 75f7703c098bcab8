"""Owner-only files and folders, written whole or not at all.

A full disk or a folder that may not be written raises its StorageProblem, naming the folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .storage_problems import os_problems


def ensure_private_dir(path: Path) -> Path:
    """Make the folder if need be and take away any access by others.

    The owner's own access is left alone: a folder made read-only stays so, and a write
    there says so, rather than quietly undoing someone's choice."""
    with os_problems(path.parent):
        path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            # Another account's folder, or a read-only or FAT disk, keeps its modes: refusing
            # to go on would help nobody, and a write there says what is wrong.
            with contextlib.suppress(OSError):
                path.chmod(mode & 0o700)
    return path


def create_private_file(path: Path) -> Path:
    """An empty owner-only file for SQLite to open as a new database.

    SQLite gives a database's -wal and -shm files the database file's own permissions, so
    making the file first keeps those owner-only from the start."""
    with os_problems(path.parent):
        path.touch(mode=0o600)
    return path


def write_private_atomically(path: Path, data: bytes) -> None:
    """Write to a temp file beside the target, fsync, then replace: a crash leaves the old file."""
    ensure_private_dir(path.parent)
    with os_problems(path.parent):
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if os.name == "posix":
                os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
