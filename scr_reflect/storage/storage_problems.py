"""A full disk, a folder that cannot be written and records held by another program.

Storage turns the operating system's and the database's errors into these few types, so
services and the window never read an OS or SQLite message. Each message says what happened
and what to do next; it names a folder at most, never anything written about a child. The
SQLite messages are matched in sqlcipher.py; the operating system's errors here.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StorageProblem(Exception):
    """SCR Reflect could not write where it needed to; nothing already saved was lost."""

    text = ""  # each kind's message; {where} names the folder

    def __init__(self, place: Path | None) -> None:
        self.place = place
        where = f"the folder {place}" if place else "the data folder"
        super().__init__(self.text.format(where=where))


class DiskFull(StorageProblem):
    text = (
        "The disk that holds {where} is full, so nothing more could be written to it. "
        "Nothing already saved was lost. Free some space on that disk (or ask IT support to), "
        "then try again."
    )


class FolderReadOnly(StorageProblem):
    text = (
        "SCR Reflect may not write in {where}: the folder or a file in it is read-only, or "
        "this account lacks permission to change them. Nothing already saved was lost. Ask "
        "IT support to make the folder writable for your account, then try again."
    )


class DiskTrouble(StorageProblem):
    text = (
        "The disk that holds {where} could not be read or written (it may have been removed, "
        "or be failing). Nothing already saved was lost. Check the disk is connected (or ask "
        "IT support to check it), then try again."
    )


class StoreBusy(StorageProblem):
    text = (
        "The records in {where} are busy: another program is writing to them. Nothing already "
        "saved was lost. Wait a moment and try again; if this keeps happening, close any other "
        "program using that folder."
    )


_BY_ERRNO: dict[int, type[StorageProblem]] = {
    errno.ENOSPC: DiskFull,
    # Over the account's quota on a school file server (not every platform names it).
    getattr(errno, "EDQUOT", errno.ENOSPC): DiskFull,
    errno.EROFS: FolderReadOnly,
    errno.EACCES: FolderReadOnly,
    errno.EPERM: FolderReadOnly,
}


def from_os_error(error: OSError, place: Path | None) -> StorageProblem | None:
    """The plain problem an OSError stands for, or None if it is none of these."""
    kind = _BY_ERRNO.get(error.errno) if error.errno is not None else None
    return kind(place) if kind else None


@contextmanager
def os_problems(place: Path | None) -> Iterator[None]:
    """Raise a full disk or an unwritable folder met inside as its StorageProblem."""
    try:
        yield
    except OSError as error:
        problem = from_os_error(error, place)
        if problem is None:
            raise
        raise problem from error
