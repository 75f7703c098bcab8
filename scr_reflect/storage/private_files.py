"""Owner-only files and folders, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def create_private_file(path: Path) -> Path:
    """An empty owner-only file for SQLite to open as a new database.

    SQLite gives a database's -wal and -shm files the database file's own permissions, so
    making the file first keeps those owner-only from the start."""
    path.touch(mode=0o600)
    return path


def write_private_atomically(path: Path, data: bytes) -> None:
    """Write to a temp file beside the target, fsync, then replace: a crash leaves the old file."""
    ensure_private_dir(path.parent)
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
