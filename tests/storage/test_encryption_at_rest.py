"""Nothing a DSL writes can be read from the files on disk, open or closed."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from scr_reflect.domain.enums import Category, EntryKind
from scr_reflect.domain.headlines import ChronologyLine
from scr_reflect.domain.records import Child, ChronologyEntry, Concern, Draft, FollowUpAction
from scr_reflect.storage.store import StoreFiles, open_store

CHILD_NAME = "Zoë Łukasiewicz-Nguyễn"
PREFERRED = "Zuzanka"
HOUSEHOLD = "Lives with Grandmother Perpetua Ottoline"
RAISED_BY = "Mr Fenwick Testington"
WHAT_HAPPENED = "Bruise shaped like a crescent on the left forearm; said the ladder fell"
CHILD_WORDS = "Mamusia był zły"
ENTRY_TITLE = "Telefonował do Marmaduke Społeczny"
ENTRY_BODY = "Discussed the quinceañera weekend plans"
ACTION_TEXT = "Arrange a meeting with Mrs Ffion Wąsowicz"
DRAFT_TEXT = "Half-typed note about Brunhilde Xylophone"

SECRETS = [
    CHILD_NAME,
    PREFERRED,
    HOUSEHOLD,
    RAISED_BY,
    WHAT_HAPPENED,
    CHILD_WORDS,
    ENTRY_TITLE,
    ENTRY_BODY,
    ACTION_TEXT,
    DRAFT_TEXT,
    "Larkspur Vale Primary",
    "Ada Testperson",
    "Łukasiewicz",
    "Nguyễn",
]


def encodings(text: str) -> list[bytes]:
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def readable_in(blob: bytes) -> list[str]:
    return [s for s in SECRETS if any(form in blob for form in encodings(s))]


def database_files(files: StoreFiles) -> list[Path]:
    base = files.database
    return [p for p in (base, Path(f"{base}-wal"), Path(f"{base}-shm")) if p.exists()]


def write_everything(repo, now: datetime) -> int:
    child_id = repo.add_child(
        Child(
            CHILD_NAME,
            date(2012, 2, 29),
            preferred_name=PREFERRED,
            year_group="Year 8",
            tutor_group="8QX",
            household=HOUSEHOLD,
        ),
        now,
    )
    concern = Concern(
        child_id=child_id,
        occurred_at=datetime(2025, 3, 7, 8, 50),
        recorded_at=datetime(2025, 3, 7, 9, 10),
        raised_by=RAISED_BY,
        what_happened=WHAT_HAPPENED,
        categories=frozenset({Category.PHYSICAL}),
        child_words=CHILD_WORDS,
    )
    title = f"Physical abuse: raised by {RAISED_BY}"
    line = ChronologyLine(EntryKind.CONCERN, concern.occurred_at, title, WHAT_HAPPENED)
    repo.add_concern(concern, [line])
    repo.add_entry(
        ChronologyEntry(
            child_id=child_id,
            kind=EntryKind.CONTACT,
            occurred_at=datetime(2025, 3, 7, 11, 0),
            title=ENTRY_TITLE,
            body=ENTRY_BODY,
        )
    )
    repo.add_action(
        FollowUpAction(
            child_id=child_id,
            description=ACTION_TEXT,
            owner="Ada Testperson",
            due_on=date(2025, 3, 14),
        )
    )
    repo.save_draft(Draft("concern:new", "New concern", {"what_happened": DRAFT_TEXT}), now)
    return child_id


def test_the_detector_finds_plain_text(tmp_path: Path) -> None:
    # The check below must be able to fail: an unencrypted SQLite file gives every string away.
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (a TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(s,) for s in SECRETS])
    conn.close()
    assert readable_in(plain.read_bytes()) == SECRETS

    utf16 = tmp_path / "utf16.db"
    with sqlite3.connect(utf16) as conn:
        conn.execute("PRAGMA encoding = 'UTF-16le'")
        conn.execute("CREATE TABLE t (a TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(s,) for s in SECRETS])
    conn.close()
    assert readable_in(utf16.read_bytes()) == SECRETS


def test_nothing_readable_in_the_files_while_open_or_after_closing(
    file_store, store_files, passphrase, now
) -> None:
    child_id = write_everything(file_store.repository, now)

    # Still open: the connection is alive, so the new pages sit in the write-ahead log.
    wal = Path(f"{store_files.database}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    open_files = database_files(store_files)
    for path in open_files:
        assert readable_in(path.read_bytes()) == [], path.name
    assert not store_files.database.read_bytes().startswith(b"SQLite format 3")

    file_store.close()

    closed_files = database_files(store_files)
    assert store_files.database in closed_files
    for path in closed_files:
        assert readable_in(path.read_bytes()) == [], path.name
    assert not store_files.database.read_bytes().startswith(b"SQLite format 3")
    assert readable_in(store_files.header.read_bytes()) == []

    # And the files do hold the records: they come back with the passphrase.
    reopened = open_store(store_files, passphrase, now)
    try:
        assert reopened.repository.child(child_id).full_name == CHILD_NAME
        assert reopened.repository.drafts()[0].fields == {"what_happened": DRAFT_TEXT}
    finally:
        reopened.close()
