"""Builders and helpers shared by the domain, storage and services tests (no Qt).

Every name, school and note here is fictional.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine

from scr_reflect.domain.enums import Category, ConcernStatus, EntryKind
from scr_reflect.domain.headlines import ChronologyLine
from scr_reflect.domain.records import (
    Child,
    ChronologyEntry,
    Concern,
    FollowUpAction,
    SchoolProfile,
)
from scr_reflect.storage import keyslots, sqlcipher
from scr_reflect.storage.repository import Repository
from tests.fictional import PASSPHRASE

__all__ = [
    "NOW",
    "PASSPHRASE",
    "PROFILE",
    "FileState",
    "Seed",
    "folder_state",
    "make_action",
    "make_child",
    "make_concern",
    "unlocked_engine",
]

NOW = datetime(2025, 3, 10, 9, 30)
PROFILE = SchoolProfile("Larkspur Vale Primary", "Ada Testperson")


def make_child(full_name: str = "Ada Testperson", **fields: object) -> Child:
    values: dict[str, object] = {"date_of_birth": date(2013, 6, 1), **fields}
    return Child(full_name=full_name, **values)  # type: ignore[arg-type]


def make_concern(child_id: int = 1, **fields: object) -> Concern:
    values: dict[str, object] = {
        "occurred_at": datetime(2025, 3, 3, 10, 0),
        "recorded_at": datetime(2025, 3, 3, 10, 0),
        "raised_by": "Mr Testington",
        "what_happened": "Arrived late and hungry again.",
        "categories": frozenset({Category.NEGLECT}),
        **fields,
    }
    return Concern(child_id=child_id, **values)  # type: ignore[arg-type]


def make_action(child_id: int = 1, **fields: object) -> FollowUpAction:
    values: dict[str, object] = {
        "description": "Check in at breakfast club",
        "owner": "Ada Testperson",
        "due_on": date(2025, 3, 14),
        **fields,
    }
    return FollowUpAction(child_id=child_id, **values)  # type: ignore[arg-type]


@dataclass
class Seed:
    """Writes fictional records straight through the repository and returns their ids."""

    repo: Repository

    def child(
        self, full_name: str = "Ada Testperson", dob: date = date(2013, 6, 1), **fields: str
    ) -> int:
        return self.repo.add_child(Child(full_name=full_name, date_of_birth=dob, **fields), NOW)

    def concern(
        self,
        child_id: int,
        occurred_at: datetime = datetime(2025, 3, 3, 10, 0),
        status: ConcernStatus = ConcernStatus.OPEN,
        **fields: object,
    ) -> int:
        concern = make_concern(
            child_id, occurred_at=occurred_at, recorded_at=occurred_at, status=status, **fields
        )
        title = "Neglect: raised by Mr Testington"
        line = ChronologyLine(EntryKind.CONCERN, occurred_at, title, concern.what_happened)
        return self.repo.add_concern(concern, [line])

    def entry(
        self,
        child_id: int,
        occurred_at: datetime,
        kind: EntryKind = EntryKind.NOTE,
        title: str = "Spoke with the class teacher",
    ) -> int:
        return self.repo.add_entry(
            ChronologyEntry(child_id=child_id, kind=kind, occurred_at=occurred_at, title=title)
        )

    def action(
        self, child_id: int, due_on: date, done_on: date | None = None, **fields: object
    ) -> int:
        return self.repo.add_action(make_action(child_id, due_on=due_on, done_on=done_on, **fields))


FileState = dict[str, tuple[str, int, int]]


def folder_state(folder: Path) -> FileState:
    """Every file under a folder: content hash, mtime (ns) and mode."""
    state: FileState = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[str(path.relative_to(folder))] = (digest, info.st_mtime_ns, info.st_mode)
    return state


def unlocked_engine(database: Path, header: Path, passphrase: str = PASSPHRASE) -> Engine:
    """An engine on a database file, opened with the data key from a header; no migration."""
    data_key = keyslots.unlock(keyslots.load_header(header), passphrase)
    engine = sqlcipher.file_engine(database, data_key)
    sqlcipher.check_key(engine)
    return engine


# A child as stores before 0011 held them, written by hand: this version's repository writes
# columns an older store does not have yet.
CHILD_AS_BEFORE = (
    "INSERT INTO children (id, full_name, preferred_name, date_of_birth, year_group,"
    " tutor_group, upn, household, version, created_at) VALUES (1, 'Ada Testperson',"
    " '', '2013-06-01', '', '', '', '', 1, '2025-01-01 08:00:00')"
)
