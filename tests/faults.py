"""A full disk, a read-only folder and a locked database, made to order at the storage boundary.

`failing_sql` makes SQLite's driver raise its own error on every write to any store (and on
the write check at unlock) until the block ends; `failing_file_writes` and `full_folder` make
files the storage writes fail as the operating system would; `backup_copies_fill_up` lets
SQLite itself run out of room. These run the same everywhere, root or not. `chmod_bites` says
whether real permission tests can run here: root (os.geteuid() == 0) ignores file modes.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlcipher3 import dbapi2

from scr_reflect.storage import sqlcipher

DISK_FULL = "database or disk is full"
READ_ONLY = "attempt to write a readonly database"
LOCKED = "database is locked"

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "CREATE", "DROP", "ALTER")


@contextmanager
def failing_sql(message: str) -> Iterator[None]:
    """Every write to every store raises SQLite's error with this message, as SQLite would."""

    def fail(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(_WRITES):
            raise dbapi2.OperationalError(message)

    event.listen(Engine, "before_cursor_execute", fail)
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", fail)


def failing_file_writes(monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC) -> None:
    """Every file the storage writes whole (key file, backups, PDFs) fails at its fsync."""

    def fail(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)


def full_folder(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int = errno.ENOSPC) -> None:
    """No new file can be made in this folder (or below it): the disk there is full."""
    make = tempfile.mkstemp

    def refuse(*args: Any, **kwargs: Any) -> tuple[int, str]:
        where = Path(kwargs.get("dir") or tempfile.gettempdir())
        if where == folder or folder in where.parents:
            raise OSError(code, os.strerror(code))
        return make(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def backup_copies_fill_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite itself finds the disk full part way through copying a backup's pages."""
    make = sqlcipher.file_engine

    def small(path: Path, key: bytes) -> Engine:
        engine = make(path, key)
        if path.suffix == ".partial":  # the copy a backup is written into first

            @event.listens_for(engine, "connect")
            def _two_pages_at_most(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.execute("PRAGMA max_page_count = 2")

        return engine

    monkeypatch.setattr(sqlcipher, "file_engine", small)


def chmod_bites() -> bool:
    """Whether a read-only folder stops this process writing in it (not for root)."""
    if os.name != "posix":
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "read-only"
        probe.mkdir(mode=0o500)
        try:
            (probe / "file").touch()
        except PermissionError:
            return True
        finally:
            probe.chmod(0o700)
        return False


needs_chmod = pytest.mark.skipif(
    not chmod_bites(), reason="file modes do not stop this user (root) from writing"
)


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Folders 0o500 and files 0o400 for the block, then as they were."""
    modes = {path: path.stat().st_mode for path in paths}
    try:
        for path in paths:
            path.chmod(0o500 if path.is_dir() else 0o400)
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


class Killed(BaseException):
    """Stands for the process dying: no `except Exception` and no cleanup of ours catches it."""


@contextmanager
def restore_dies_after(moves: int) -> Iterator[None]:
    """A restore's renames stop, as if the process died, after this many; the block expects
    it. Only the journalled renames are cut: what runs after the block renames normally."""
    from scr_reflect.storage import restore_journal

    move, done = restore_journal._move, []

    def dies_part_way(source: Path, target: Path) -> None:
        if len(done) == moves:
            raise Killed
        move(source, target)
        done.append(source)

    restore_journal._move = dies_part_way  # type: ignore[assignment]
    try:
        with pytest.raises(Killed):
            yield
    finally:
        restore_journal._move = move  # type: ignore[assignment]
