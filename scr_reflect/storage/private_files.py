"""Owner-only files and folders, written whole or not at all.

Only a folder SCR Reflect makes itself (its data folder, logs, backups, a store set aside) is
made owner-only. A folder that was already there, such as /tmp, a shared drive or wherever a
PDF is saved, keeps its modes: changing them could lock others out or drop /tmp's sticky bit.
A full disk or a folder that may not be written raises its StorageProblem, naming the folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
    with _written_beside(path, data) as tmp, os_problems(path.parent):
        os.replace(tmp, path)


def write_new_private(path: Path, data: bytes) -> None:
    """A new owner-only file, whole or not at all; FileAlreadyThere if the name is taken.

    Linked into place, which never replaces anything, not even a link left under the name."""
    with _written_beside(path, data) as tmp, os_problems(path.parent):
        try:
            os.link(tmp, path, follow_symlinks=False)
        except FileExistsError as error:
            raise FileAlreadyThere(path) from error
        except OSError:  # FAT and some shares have no hard links: create it exclusively
            _create_exclusively(path, data)


@contextmanager
def _written_beside(path: Path, data: bytes) -> Iterator[Path]:
    """An owner-only temp file in the target's folder holding data, removed afterwards."""
    ensure_private_dir(path.parent)
    with os_problems(path.parent):
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os_problems(path.parent), os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def _create_exclusively(path: Path, data: bytes) -> None:
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
