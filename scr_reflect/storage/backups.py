"""Backups: the database copied under the same key, its key file, and a manifest.

A backup is three files sharing a stem such as scr-reflect-20261120-093000:
  .db             the database, copied page by page with SQLite's online backup API
  .keys.json      the key file as it was, so the same key slots open the copy
  .manifest.json  the size and SHA-256 of both, so a truncated or altered copy is caught
                  before anything is opened or replaced
Each is written under a temp name and moved into place; the manifest goes last, so a backup
without one is incomplete. Nothing in any of them is readable without a key slot's secret.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from . import audit_head, restore_journal, sqlcipher
from .backup_manifest import Manifest, copy_private, digest_bytes, digest_file, mismatch
from .backup_retention import KEEP, Retention, to_keep
from .private_files import ensure_private_dir, write_private_atomically
from .storage_problems import os_problems

LABEL = "scr-reflect"
_STAMP = "%Y%m%d-%H%M%S"
# Regular backups only: those taken before a migration are kept until the DSL removes them.
_REGULAR = re.compile(rf"^{LABEL}-(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?\.db$")


class BackupFailed(Exception):
    """The copy just made did not check out, or could not be written; no backup was added."""


@dataclass(frozen=True, slots=True)
class BackupFiles:
    database: Path

    @classmethod
    def named(cls, folder: Path, stem: str) -> BackupFiles:
        return cls(folder / f"{stem}.db")

    @classmethod
    def of(cls, chosen: Path) -> BackupFiles:
        """Any of a backup's three files names the backup."""
        for suffix in (".keys.json", ".manifest.json"):
            if chosen.name.endswith(suffix):
                return cls(chosen.with_name(chosen.name.removesuffix(suffix) + ".db"))
        return cls(chosen)

    @property
    def stem(self) -> str:
        return self.database.name.removesuffix(".db")

    @property
    def header(self) -> Path:
        return self.database.with_name(f"{self.stem}.keys.json")

    @property
    def manifest(self) -> Path:
        return self.database.with_name(f"{self.stem}.manifest.json")

    @property
    def files(self) -> tuple[Path, Path, Path]:
        return (self.database, self.header, self.manifest)


def new_backup(folders: list[Path], now: datetime, label: str = LABEL) -> list[BackupFiles]:
    """Names for a new backup in each folder: one stem, free in all of them."""
    base, n = f"{label}-{now:{_STAMP}}", 1
    stem = base
    while any(p.exists() for f in folders for p in BackupFiles.named(f, stem).files):
        n += 1
        stem = f"{base}-{n}"
    return [BackupFiles.named(folder, stem) for folder in folders]


WRITE_STAGES = 3
PARTIAL_SUFFIX = ".partial"
_WRITING: set[Path] = set()


def write(engine: Engine, key: bytes, header: Path, target: BackupFiles) -> Iterator[str]:
    """Copy the live database into a new backup; yields after each of WRITE_STAGES stages."""
    # Read before the copy: the audit head it records can then only be behind the copied
    # trail (which verify accepts), never ahead of it (which verify reports as entries removed).
    header_bytes = header.read_bytes()
    folder = ensure_private_dir(target.database.parent)
    # A unique name: a paused backup and the one taken on close may run in turn on the lane.
    with os_problems(folder):
        handle, name = tempfile.mkstemp(
            dir=folder, prefix=f".{target.stem}.", suffix=PARTIAL_SUFFIX
        )
    os.close(handle)
    staging = Path(name)
    _WRITING.add(staging)
    try:
        sqlcipher.backup_to(engine, staging, key)
        yield "copied"
        copy = sqlcipher.file_engine(staging, key)
        try:
            problems = sqlcipher.integrity_problems(copy)
        finally:
            copy.dispose()
        if problems:
            raise BackupFailed("The copy did not pass its check: " + "; ".join(problems))
        yield "checked"
        manifest = Manifest(
            database=digest_file(staging, target.database.name),
            key_file=digest_bytes(header_bytes, target.header.name),
            audit_head=audit_head.head_in_bytes(header_bytes),
        )
        _seal(staging, header_bytes, manifest, target)
        yield "sealed"
    finally:
        _WRITING.discard(staging)
        staging.unlink(missing_ok=True)


def in_progress() -> frozenset[Path]:
    """The .partial files this process is writing now: not leftovers, even while paused."""
    return frozenset(_WRITING)


def _seal(staging: Path, header_bytes: bytes, manifest: Manifest, target: BackupFiles) -> None:
    """Move the three files into place; if the disk fills part way, none of them stays.

    A backup's names are new (new_backup picks a free stem), so removing them loses nothing,
    and a half-made backup must not count as today's."""
    try:
        write_private_atomically(target.header, header_bytes)
        with os_problems(target.database.parent):
            os.replace(staging, target.database)
        write_private_atomically(target.manifest, manifest.encode())
    except BaseException:
        for path in target.files:
            path.unlink(missing_ok=True)
        raise


def copy_backup(source: BackupFiles, folder: Path) -> BackupFiles:
    """Copy a finished backup into another folder (a USB stick, a share) and check the copy."""
    target = BackupFiles.named(folder, source.stem)
    # A folder made here is owner-only; a stick or share that is there keeps its own modes.
    ensure_private_dir(folder)
    manifest = Manifest.load(source.manifest)
    try:
        copy_private(source.database, target.database)
        # Read back what landed, so a stick that lost or garbled bytes is caught now.
        problems = mismatch(digest_file(target.database, ""), manifest.database, "The copy")
        if problems:
            raise BackupFailed(f"{folder}: {problems[0]}")
        copy_private(source.header, target.header)
        copy_private(source.manifest, target.manifest)
    except BaseException:
        # A stick that filled up part way keeps no part of the copy to be mistaken for one.
        for path in target.files:
            path.unlink(missing_ok=True)
        raise
    return target


def regular_backups(folder: Path) -> list[tuple[datetime, BackupFiles]]:
    """The regular backups in a folder with when each was made, oldest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _REGULAR.match(path.name)
        if match:
            found.append((datetime.strptime(match["stamp"], _STAMP), BackupFiles(path)))
    return sorted(found, key=lambda pair: (pair[0], pair[1].stem))


def prune(folder: Path, retention: Retention = KEEP) -> list[BackupFiles]:
    """Delete the regular backups the retention rules do not keep; returns those deleted."""
    found = regular_backups(folder)
    keep = to_keep([made for made, _backup in found], retention)
    removed = [backup for made, backup in found if made not in keep]
    for backup in removed:
        for path in backup.files:
            path.unlink(missing_ok=True)
    return removed


def put_in_place(staged: BackupFiles, database: Path, header: Path, aside: Path) -> Path | None:
    """Move the current store into `aside` (kept, never deleted), then the staged backup in.

    The key file goes last: until it is there the folder counts as not set up. The moves are
    journalled first (restore_journal.py), so a restore cut short is finished or undone. A
    database that is a link to a file elsewhere stays a link: the backup goes where it points,
    and the file there now is kept aside beside it."""
    # A second restore in the same second must not overwrite the store the first kept.
    base, n = aside, 1
    while aside.exists():
        n += 1
        aside = base.with_name(f"{base.name}-{n}")
    real = database.resolve() if database.is_symlink() else database
    beside = real.parent / aside.name if real != database else aside
    moved = [(header, aside / header.name)] if header.exists() else []
    moved = [
        (path, beside / path.name)
        for path in (real, Path(f"{real}-wal"), Path(f"{real}-shm"))
        if path.exists()
    ] + moved
    staged_database = staged.database
    if real != database:
        staged_database = real.parent / staged.database.name
        copy_private(staged.database, staged_database)
        staged.database.unlink()
    moves = restore_journal.Moves(
        real,
        header,
        staged_database,
        staged.header,
        tuple(dict.fromkeys((beside, aside))),
        tuple(moved),
    )
    restore_journal.put_in_place(moves)
    return aside if moved else None
