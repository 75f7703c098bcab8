"""Creating, unlocking and closing the encrypted store in a data folder."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import date

import pytest

from scr_reflect.domain.records import Child
from scr_reflect.storage import schema
from scr_reflect.storage.keyslots import HeaderError, WrongPassphrase
from scr_reflect.storage.sqlcipher import StoreClosed, WrongKey
from scr_reflect.storage.store import (
    NotInitialised,
    StoreExists,
    StoreFiles,
    create_store,
    open_memory_store,
    open_store,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def test_create_then_open_round_trip(store_files, passphrase, profile, now) -> None:
    store = create_store(store_files, passphrase, profile, now)
    child_id = store.repository.add_child(Child("Ada Testperson", date(2013, 6, 1)), now)
    store.close()

    reopened = open_store(store_files, passphrase, now)
    try:
        assert reopened.repository.profile() == profile
        assert reopened.repository.child(child_id).full_name == "Ada Testperson"
    finally:
        reopened.close()


def test_a_closed_store_refuses_to_reconnect(store_files, passphrase, profile, now) -> None:
    """Repositories outlive a lock; nothing they do afterwards may reopen the database."""
    store = create_store(store_files, passphrase, profile, now)
    repository = store.repository
    store.close()
    with pytest.raises(StoreClosed):
        repository.profile()


def test_a_new_store_is_at_the_newest_schema(file_store, store_files, open_raw) -> None:
    file_store.close()
    engine = open_raw(store_files.database, store_files.header)
    try:
        assert schema.current_revision(engine) == schema.head_revision()
    finally:
        engine.dispose()


def test_a_new_store_has_no_integrity_problems(file_store) -> None:
    assert file_store.integrity_problems() == []


def test_a_memory_store_has_no_integrity_problems(profile) -> None:
    store = open_memory_store(profile)
    try:
        assert store.integrity_problems() == []
        assert store.repository.profile() == profile
    finally:
        store.close()


def test_closing_twice_is_harmless(file_store) -> None:
    file_store.close()
    file_store.close()


def test_wrong_passphrase_raises_and_changes_no_file_but_the_note_of_it(
    file_store, store_files, profile, now, snapshot
) -> None:
    file_store.repository.add_child(Child("Ada Testperson", date(2013, 6, 1)), now)
    file_store.close()
    before = snapshot(store_files.root)
    assert "scr-reflect.db" in before
    assert "keys.json" in before

    for _attempt in range(2):
        with pytest.raises(WrongPassphrase):
            open_store(store_files, "correct horse battery staple violeT", now)

    after = snapshot(store_files.root)
    noted = after.pop(store_files.audit_pending.name)
    assert after == before
    if os.name == "posix":
        assert stat.S_IMODE(noted[2]) == 0o600
    attempts = store_files.audit_pending.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in attempts] == [
        {"action": "failed unlock", "at": now.isoformat(), "detail": ""}
    ] * 2


def test_open_a_folder_that_was_never_set_up(tmp_path, passphrase, now) -> None:
    files = StoreFiles(tmp_path / "empty")
    with pytest.raises(NotInitialised, match="Run setup first"):
        open_store(files, passphrase, now)
    assert not files.root.exists()


def test_open_with_the_database_file_missing_creates_nothing(
    file_store, store_files, passphrase, now
) -> None:
    # An empty store quietly made in its place would look like every record had gone.
    file_store.close()
    store_files.database.unlink()
    with pytest.raises(NotInitialised, match=r"scr-reflect\.db is missing"):
        open_store(store_files, passphrase, now)
    assert not store_files.database.exists()


def test_open_with_a_damaged_header_is_a_header_error(
    file_store, store_files, passphrase, now
) -> None:
    file_store.close()
    store_files.header.write_text(json.dumps({"format": 99}), encoding="utf-8")
    with pytest.raises(HeaderError):
        open_store(store_files, passphrase, now)


def test_create_over_an_existing_store_is_refused(
    file_store, store_files, passphrase, profile, now, snapshot
) -> None:
    file_store.close()
    before = snapshot(store_files.root)
    with pytest.raises(StoreExists):
        create_store(store_files, passphrase, profile, now)
    assert snapshot(store_files.root) == before


def test_create_sets_aside_a_database_that_has_no_header(
    store_files, passphrase, profile, now
) -> None:
    """An interrupted setup leaves a database nothing can open; setting up again keeps it aside."""
    store_files.root.mkdir()
    store_files.database.write_bytes(b"an earlier half-made store")
    create_store(store_files, passphrase, profile, now).close()
    kept = store_files.root / f"scr-reflect.db.no-key-file-{now:%Y%m%d-%H%M%S}"
    assert kept.read_bytes() == b"an earlier half-made store"
    open_store(store_files, passphrase, now).close()


def test_header_names_no_one(file_store, store_files, passphrase, profile) -> None:
    raw = store_files.header.read_bytes()
    for secret in (passphrase, profile.school_name, profile.dsl_name):
        assert secret.encode() not in raw


@posix_only
def test_data_folder_and_files_are_owner_only(file_store, store_files, now) -> None:
    # Write something so the WAL and its index exist while the store is open.
    file_store.repository.add_child(Child("Ada Testperson", date(2013, 6, 1)), now)
    assert stat.S_IMODE(store_files.root.stat().st_mode) == 0o700
    files = [p for p in store_files.root.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"keys.json", "scr-reflect.db", "scr-reflect.db-wal"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_header_from_another_store_raises_wrong_key_and_changes_nothing(
    tmp_path, store_files, passphrase, profile, now, snapshot
) -> None:
    create_store(store_files, passphrase, profile, now).close()
    other = StoreFiles(tmp_path / "other")
    create_store(other, passphrase, profile, now).close()
    shutil.copy2(other.header, store_files.header)
    before = snapshot(store_files.root)

    with pytest.raises(WrongKey):
        open_store(store_files, passphrase, now)

    assert snapshot(store_files.root) == before


def test_integrity_check_names_a_damaged_page(store_files, passphrase, profile, now) -> None:
    store = create_store(store_files, passphrase, profile, now)
    for n in range(200):
        child = Child(f"Fictional Pupil {n:03d}", date(2013, 6, 1), household="Lives nearby. " * 30)
        store.repository.add_child(child, now)
    store.close()
    damaged = bytearray(store_files.database.read_bytes())
    damaged[-4096 + 200] ^= 0xFF  # a byte inside the last page
    store_files.database.write_bytes(bytes(damaged))

    reopened = open_store(store_files, passphrase, now)
    try:
        problems = reopened.integrity_problems()
    finally:
        reopened.close()
    assert any("HMAC" in problem for problem in problems)
