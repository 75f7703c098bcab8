"""Owner-only files and folders, written whole or not at all.

Only a folder SCR Reflect makes itself (its data folder, logs, backups, a store set aside) is
made owner-only. A folder that was already there, such as /tmp, a shared drive or wherever a
PDF is saved, keeps its modes: changing them could lock others out or drop /tmp's sticky bit.
A full disk or a folder that may not be written raises its StorageProblem, naming the folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .storage_problems import StorageProblem, os_problems

_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


class NotAFolder(StorageProblem):
    """A folder SCR Reflect needs is a file (a --data-dir naming a file, say)."""

    def __init__(self, place: Path) -> None:
        self.place = place
        Exception.__init__(
            self,
            f"{place} is a file, not a folder (or a folder above it is a file). Nothing was "
            "changed. Choose a folder, or a name where a new folder may be made.",
        )


class FileAlreadyThere(StorageProblem):
    """A document would land on a file that exists; nothing was written over it."""

    def __init__(self, place: Path) -> None:
        self.place = place
        Exception.__init__(self, f"{place} already exists. Nothing was written over it.")


def check_is_folder(path: Path) -> None:
    """Raise NotAFolder if something other than a folder has the name; a new name will do."""
    if path.exists() and not path.is_dir():
        raise NotAFolder(path)


def ensure_private_dir(path: Path) -> Path:
    """Make the folder owner-only if it is not there; an existing folder is left as it is."""
    with os_problems(path.parent):
        try:
            path.mkdir(mode=0o700, parents=True)  # the umask can only take more away
        except FileExistsError as error:
            if not path.is_dir():
                raise NotAFolder(path) from error
        except NotADirectoryError as error:
            raise NotAFolder(path) from error
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


def write_new_private(path: Path, data: bytes) -> None:
    """A new owner-only file; refused (FileAlreadyThere) if anything has that name, a link too."""
    ensure_private_dir(path.parent)
    with os_problems(path.parent):
        try:
            fd = os.open(path, _NEW_FILE, 0o600)
        except FileExistsError as error:
            raise FileAlreadyThere(path) from error
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            path.unlink(missing_ok=True)  # ours: made a moment ago with O_EXCL
            raise


def save_document(path: Path, data: bytes, *, replace: bool) -> None:
    """A document the DSL saves: a new file, or, when they said so, one put over the old."""
    if replace:
        write_private_atomically(path, data)
    else:
        write_new_private(path, data)
