"""A full disk, a read-only folder and a locked database become calm, plain errors in storage."""

from __future__ import annotations

import errno
import threading
from datetime import date

import pytest
from sqlalchemy import exc
from sqlcipher3 import dbapi2

from scr_reflect.domain.records import Child
from scr_reflect.storage import keyslots, sqlcipher
from scr_reflect.storage.private_files import write_private_atomically
from scr_reflect.storage.sqlcipher import WrongKey, storage_problem
from scr_reflect.storage.storage_problems import (
    DiskFull,
    FolderReadOnly,
    StoreBusy,
    from_os_error,
    os_problems,
)
from scr_reflect.storage.store import open_store
from tests.faults import (
    DISK_FULL,
    LOCKED,
    READ_ONLY,
    failing_file_writes,
    failing_sql,
    needs_chmod,
    read_only,
)

NAME = "Ada Quillfeather"


def _child() -> Child:
    return Child(NAME, date(2013, 6, 1))


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        (DISK_FULL, DiskFull),
        (READ_ONLY, FolderReadOnly),
        ("unable to open database file", FolderReadOnly),
        (LOCKED, StoreBusy),
        ("database table is locked", StoreBusy),
    ],
)
def test_sqlite_words_name_the_problem_raw_or_wrapped(tmp_path, message, kind) -> None:
    raw = dbapi2.OperationalError(message)
    wrapped = exc.OperationalError("INSERT INTO children ...", None, raw)
    for error in (raw, wrapped):
        problem = storage_problem(error, tmp_path)
        assert isinstance(problem, kind)
        assert problem.place == tmp_path and str(tmp_path) in str(problem)


def test_a_wrong_key_or_another_error_is_no_storage_problem(tmp_path) -> None:
    assert storage_problem(dbapi2.DatabaseError("file is not a database"), tmp_path) is None
    assert storage_problem(dbapi2.IntegrityError("UNIQUE constraint failed"), tmp_path) is None


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (errno.ENOSPC, DiskFull),
        (errno.EROFS, FolderReadOnly),
        (errno.EACCES, FolderReadOnly),
        (errno.EPERM, FolderReadOnly),
    ],
)
def test_operating_system_errors_name_the_problem(tmp_path, code, kind) -> None:
    assert isinstance(from_os_error(OSError(code, "x"), tmp_path), kind)
    with pytest.raises(kind) as raised, os_problems(tmp_path):
        raise OSError(code, "x")
    assert isinstance(raised.value.__cause__, OSError)


def test_other_operating_system_errors_pass_through_unchanged(tmp_path) -> None:
    with pytest.raises(FileNotFoundError), os_problems(tmp_path):
        raise FileNotFoundError(errno.ENOENT, "gone")


def test_each_message_says_what_happened_and_what_to_do(tmp_path) -> None:
    assert "full" in str(DiskFull(tmp_path)) and "Free some space" in str(DiskFull(tmp_path))
    assert "read-only" in str(FolderReadOnly(tmp_path))
    assert "IT support" in str(FolderReadOnly(tmp_path))
    assert "busy" in str(StoreBusy(tmp_path)) and "try again" in str(StoreBusy(tmp_path))
    assert "the data folder" in str(DiskFull(None))


# The store ---------------------------------------------------------------------------------


def test_a_write_on_a_full_disk_is_disk_full_and_quotes_nothing_typed(
    file_store, store_files, now
) -> None:
    with failing_sql(DISK_FULL), pytest.raises(DiskFull) as raised:
        file_store.repository.add_child(_child(), now)
    assert raised.value.place == store_files.root
    chain = [raised.value, raised.value.__cause__, raised.value.__context__]
    assert all(NAME not in str(error) for error in chain)
    assert file_store.repository.search_child_ids("") == []
    # Space freed: the same store takes the same record.
    child_id = file_store.repository.add_child(_child(), now)
    assert file_store.repository.child(child_id).full_name == NAME


def test_a_read_only_store_opens_for_reading_and_says_why_not_wrong_key(
    file_store, store_files, passphrase, now, snapshot
) -> None:
    file_store.close()
    before = snapshot(store_files.root)
    with failing_sql(READ_ONLY):
        store = open_store(store_files, passphrase, now, reading_only_if_need_be=True)
        assert isinstance(store.read_only, FolderReadOnly)
        store.close()
    assert snapshot(store_files.root) == before
    again = open_store(store_files, passphrase, now)
    assert again.read_only is None
    again.close()


@needs_chmod
def test_a_read_only_data_folder_opens_for_reading_only(
    file_store, store_files, passphrase, now, snapshot
) -> None:
    file_store.close()
    before = snapshot(store_files.root)
    with read_only(store_files.root, store_files.database, store_files.header):
        store = open_store(store_files, passphrase, now, reading_only_if_need_be=True)
        store.close()
    assert isinstance(store.read_only, FolderReadOnly)
    assert store.read_only.place == store_files.root
    assert snapshot(store_files.root) == before


@needs_chmod
def test_a_read_only_database_file_opens_for_reading_only(
    file_store, store_files, passphrase, now
) -> None:
    file_store.close()
    with read_only(store_files.database):
        store = open_store(store_files, passphrase, now, reading_only_if_need_be=True)
        store.close()
    assert isinstance(store.read_only, FolderReadOnly)


def test_a_wrong_key_is_still_a_wrong_key(file_store, store_files) -> None:
    file_store.close()
    engine = sqlcipher.file_engine(store_files.database, keyslots.new_data_key())
    with pytest.raises(WrongKey):
        sqlcipher.check_key(engine)


def test_closing_lets_go_of_the_key_even_when_the_disk_refuses(file_store, monkeypatch) -> None:
    def full(_engine) -> None:
        raise DiskFull(file_store.files.root)

    monkeypatch.setattr(sqlcipher, "checkpoint", full)
    with pytest.raises(DiskFull):
        file_store.close()
    assert not file_store.is_open


# Another program holding the write lock -----------------------------------------------------


def _hold_write_lock(store_files, passphrase):
    """A second, real connection that takes the database's write lock and keeps it."""
    key = keyslots.unlock(keyslots.load_header(store_files.header), passphrase)
    other = dbapi2.connect(str(store_files.database), check_same_thread=False)
    other.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    other.isolation_level = None
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_database_locked_by_another_program_is_store_busy_after_the_wait(
    file_store, store_files, passphrase, now, monkeypatch
) -> None:
    file_store.close()
    monkeypatch.setattr(sqlcipher, "BUSY_TIMEOUT_SECONDS", 0.2)
    store = open_store(store_files, passphrase, now)
    other = _hold_write_lock(store_files, passphrase)
    try:
        with pytest.raises(StoreBusy) as raised:
            store.repository.add_child(_child(), now)
        assert raised.value.place == store_files.root
        assert store.repository.search_child_ids("") == []  # reading still works meanwhile
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.repository.add_child(_child(), now)
    store.close()


def test_brief_contention_just_waits(file_store, store_files, passphrase, now) -> None:
    assert sqlcipher.BUSY_TIMEOUT_SECONDS >= 2
    other = _hold_write_lock(store_files, passphrase)
    # Let go well inside the busy timeout, while the write below is waiting.
    release = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        child_id = file_store.repository.add_child(_child(), now)
    finally:
        release.join()
        other.close()
    assert file_store.repository.child(child_id).full_name == NAME


# Files written whole ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"), [(errno.ENOSPC, DiskFull), (errno.EROFS, FolderReadOnly)]
)
def test_the_atomic_writer_keeps_the_old_file_on_a_full_or_read_only_disk(
    tmp_path, monkeypatch, code, kind
) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    failing_file_writes(monkeypatch, code)
    with pytest.raises(kind) as raised:
        write_private_atomically(target, b"new")
    assert raised.value.place == tmp_path
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]


def test_a_key_file_that_cannot_be_rewritten_still_opens_the_store(
    file_store, store_files, passphrase, now
) -> None:
    file_store.close()
    with pytest.MonkeyPatch.context() as full, pytest.raises(DiskFull):
        failing_file_writes(full)
        keyslots.save_header(store_files.header, [])  # would lock everyone out, if written
    open_store(store_files, passphrase, now).close()


@needs_chmod
def test_the_atomic_writer_in_a_read_only_folder(tmp_path) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    with read_only(tmp_path), pytest.raises(FolderReadOnly):
        write_private_atomically(target, b"new")
    assert target.read_bytes() == b"old"
