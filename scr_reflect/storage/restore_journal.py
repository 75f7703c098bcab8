"""Putting a restored backup in place, journalled so a restore cut short is finished or undone.

A restore moves the current store aside, then the checked backup in, key file last. Killed
between those renames, the folder would hold no key file and say "not set up yet"; set up
again, it would get an empty store beside the real one. So before the first rename a journal
names every move, and whatever opens the folder next (the window, any command) settles it:

- the backup's database is already in place: finish (the key file follows; both were checked
  before the journal was written), so the restore the DSL asked for stands;
- it is not: undo, moving the store set aside back where it was.

Each step can be run again after a crash part way through it.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .private_files import ensure_private_dir, write_private_atomically
from .storage_problems import os_problems

FILE_NAME = "restore-journal.json"


@dataclass(frozen=True, slots=True)
class Moves:
    """One restore: the live store's files moved aside, then the staged backup's moved in.

    Paths inside the data folder are journalled by name, so a folder moved or renamed while
    a restore waited still settles; a database reached through a link is journalled whole."""

    database: Path
    header: Path
    staged_database: Path
    staged_header: Path
    aside: tuple[Path, ...]  # the folders the live store's files go into
    moved: tuple[tuple[Path, Path], ...]  # (from, to) for each of the live store's files

    def encode(self) -> bytes:
        root = self.header.parent
        names = {
            "database": _name(self.database, root),
            "header": _name(self.header, root),
            "staged_database": _name(self.staged_database, root),
            "staged_header": _name(self.staged_header, root),
            "aside": [_name(folder, root) for folder in self.aside],
            "moved": [[_name(a, root), _name(b, root)] for a, b in self.moved],
        }
        return json.dumps(names, indent=2).encode()

    @classmethod
    def decode(cls, root: Path, raw: bytes) -> Moves:
        names = json.loads(raw)
        return cls(
            root / names["database"],
            root / names["header"],
            root / names["staged_database"],
            root / names["staged_header"],
            tuple(root / folder for folder in names["aside"]),
            tuple((root / a, root / b) for a, b in names["moved"]),
        )


def _name(path: Path, root: Path) -> str:
    # An absolute path joined to root stays itself: root / "/elsewhere/x.db" is that path.
    return path.name if path.parent == root else str(path)


def journal(root: Path) -> Path:
    return root / FILE_NAME


def put_in_place(moves: Moves) -> None:
    """Journal the moves, make them, and drop the journal: all or, after a crash, settle()."""
    root = moves.header.parent
    write_private_atomically(journal(root), moves.encode())
    for folder in {target.parent for _source, target in moves.moved}:
        ensure_private_dir(folder)
    with os_problems(root):
        for source, target in moves.moved:
            _move(source, target)
        for folder in {target.parent for _source, target in moves.moved}:
            _sync(folder)
        _finish(moves)


def settle(root: Path) -> str | None:
    """Finish or undo a restore cut short; says which, or None if there was none."""
    path = journal(root)
    if not path.exists():
        return None
    with os_problems(root):
        try:
            moves = Moves.decode(root, path.read_bytes())
        except (ValueError, KeyError, TypeError):
            # Torn as it was written: no file had moved yet.
            path.unlink()
            return None
        if moves.database.exists() and not moves.staged_database.exists():
            if moves.header.exists() or moves.staged_header.exists():
                _finish(moves)
                return (
                    "A restore was interrupted after the backup's records were in place: it "
                    "has now been finished."
                )
            # Its key file is gone: the copy cannot open, and the backup itself still stands.
            _move(moves.database, moves.staged_database)
        for source, target in moves.moved:
            _move(target, source)
        for folder in moves.aside:
            with contextlib.suppress(OSError):  # empty unless something else was put there
                folder.rmdir()
        for staged in (moves.staged_database, moves.staged_header, _staged_manifest(moves)):
            staged.unlink(missing_ok=True)
        path.unlink()
        _sync(root)
    return (
        "A restore was interrupted before the backup's records were in place: it has been "
        "undone, and the records are as they were before it."
    )


def _finish(moves: Moves) -> None:
    root = moves.header.parent
    _move(moves.staged_database, moves.database)
    _sync(moves.database.parent)
    _move(moves.staged_header, moves.header)
    _sync(root)
    _staged_manifest(moves).unlink(missing_ok=True)
    journal(root).unlink(missing_ok=True)
    _sync(root)


def _staged_manifest(moves: Moves) -> Path:
    return moves.staged_header.with_name(
        moves.staged_header.name.removesuffix(".keys.json") + ".manifest.json"
    )


def _move(source: Path, target: Path) -> None:
    """A rename that has happened already is done, not an error: settle() runs steps again."""
    if source.exists():
        os.replace(source, target)


def _sync(folder: Path) -> None:
    """Make the renames in a folder durable before the next step relies on them."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
