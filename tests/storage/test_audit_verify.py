"""verify checks the audit trail and names exactly what someone holding the key did to it.

Each test tampers as such an attacker would, through raw SQL: dropping the append-only
triggers first, and putting them back where that would hide more."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from scr_reflect.domain.audit import AuditAction, AuditEntry, NewEntry
from scr_reflect.domain.records import Child
from scr_reflect.storage import backups
from scr_reflect.storage.audit_log import read_chain
from scr_reflect.storage.backup_manifest import Manifest, digest_file
from scr_reflect.storage.backups import BackupFiles
from scr_reflect.storage.sqlcipher import AUDIT_APPEND_ONLY_TRIGGERS
from scr_reflect.storage.store import StoreFiles, open_store
from scr_reflect.storage.store_checks import CHECKS, check_backup, check_store_files
from tests.core_fixtures import NOW, PASSPHRASE

AUDIT = "Audit trail: hash chain, append-only triggers, newest entry"
NO_TRIGGERS = (
    "The append-only triggers are missing (audit_log_no_update, audit_log_no_delete): "
    "entries could be changed or deleted without the database refusing."
)


def audit_problems(findings) -> list[str]:
    return next(list(f.problems) for f in findings if f.check == AUDIT)


def verify(files: StoreFiles) -> list[str]:
    return audit_problems(check_store_files(files.database, files.header, PASSPHRASE))


def tamper(files: StoreFiles, open_raw, *statements: str, triggers_back: bool = True) -> None:
    engine = open_raw(files.database, files.header)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
            for statement in statements:
                conn.execute(text(statement))
            if triggers_back:
                for trigger in AUDIT_APPEND_ONLY_TRIGGERS:
                    conn.execute(text(trigger))
    finally:
        engine.dispose()


def entry(files: StoreFiles, open_raw, seq: int) -> AuditEntry:
    engine = open_raw(files.database, files.header)
    try:
        chain = read_chain(engine)
        assert chain is not None
        [found] = [e for e in chain if e.seq == seq]
        return found
    finally:
        engine.dispose()


def write_entries(store, count: int = 3) -> None:
    store.audit.act_as("Ada Testperson", lambda: NOW)
    for n in range(count):
        child_id = store.repository.add_child(Child(f"Fictional Pupil {n}", date(2013, 6, 1)), NOW)
        store.audit.append(NewEntry(AuditAction.VIEW, child_id, "child", child_id))


@pytest.fixture
def six(file_store, store_files) -> StoreFiles:
    """A closed store whose trail holds six entries, the key file recording the sixth."""
    write_entries(file_store)
    file_store.close()
    assert verify(store_files) == []
    return store_files


def test_an_edited_entry_is_a_hash_mismatch_at_its_seq(six, open_raw) -> None:
    tamper(six, open_raw, "UPDATE audit_log SET actor = 'Someone Else' WHERE seq = 4")
    assert verify(six) == ["Entry 4 was altered: what it says no longer matches its hash."]


def test_an_edited_entry_with_its_hash_recomputed_breaks_the_link_after_it(six, open_raw) -> None:
    forged = replace(entry(six, open_raw, 2), action=AuditAction.EXPORT)
    tamper(
        six,
        open_raw,
        f"UPDATE audit_log SET action = 'export', hash = '{forged.expected_hash()}' WHERE seq = 2",
    )
    assert verify(six) == [
        "Entry 3 does not follow entry 2: the link between them is broken, so an entry was "
        "rewritten or put in."
    ]


def test_a_deleted_entry_is_a_gap(six, open_raw) -> None:
    tamper(six, open_raw, "DELETE FROM audit_log WHERE seq = 3")
    assert verify(six) == ["Entry 3 is missing (the trail jumps from 2 to 4): it was deleted."]


def test_a_trimmed_tail_is_caught_by_the_key_file(six, open_raw) -> None:
    tamper(six, open_raw, "DELETE FROM audit_log WHERE seq >= 5")
    assert verify(six) == [
        "The trail ends at entry 4, but the key file records entry 6: entries at the end "
        "were removed."
    ]


def test_missing_append_only_triggers_are_named(six, open_raw) -> None:
    tamper(six, open_raw, triggers_back=False)
    assert verify(six) == [NO_TRIGGERS]


def test_every_problem_is_named_at_once(six, open_raw) -> None:
    tamper(
        six,
        open_raw,
        "UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 1",
        "DELETE FROM audit_log WHERE seq IN (3, 6)",
        triggers_back=False,
    )
    assert verify(six) == [
        NO_TRIGGERS,
        "Entry 1 was altered: what it says no longer matches its hash.",
        "Entry 3 is missing (the trail jumps from 2 to 4): it was deleted.",
        "The trail ends at entry 5, but the key file records entry 6: entries at the end "
        "were removed.",
    ]


def test_the_live_store_opens_and_keeps_working_after_a_verify(six) -> None:
    store = open_store(six, PASSPHRASE, NOW)
    try:
        assert [f.problems for f in store.verify()] == [()] * len(CHECKS)
    finally:
        store.close()


def test_a_backup_is_checked_against_its_own_copy_of_the_key_file(
    file_store, store_files, tmp_path, open_raw
) -> None:
    write_entries(file_store, 1)
    [target] = backups.new_backup([store_files.backups], NOW)
    for _stage in file_store.back_up(target):
        pass
    write_entries(file_store, 2)  # the live trail and key file move on past the backup's
    file_store.close()

    staged = BackupFiles.named(tmp_path, "copy")
    assert audit_problems(check_backup(target, PASSPHRASE, staged)) == []
    assert verify(store_files) == []

    # Trim the backup's own trail and reseal its manifest, as someone covering tracks would.
    copied = StoreFiles(tmp_path / "tampered")
    copied.root.mkdir()
    target.database.replace(copied.database)
    target.header.replace(copied.header)
    tamper(copied, open_raw, "DELETE FROM audit_log WHERE seq = 2")
    copied.database.replace(target.database)
    copied.header.replace(target.header)
    manifest = Manifest.load(target.manifest)
    target.manifest.write_bytes(
        replace(manifest, database=digest_file(target.database, target.database.name)).encode()
    )
    assert audit_problems(check_backup(target, PASSPHRASE, staged)) == [
        "The trail ends at entry 1, but the key file records entry 2: entries at the end "
        "were removed."
    ]
