"""Each person's own key slot, the recovery slot, and who the store knows unlocked it."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from scr_reflect.domain.people import Person, Role
from scr_reflect.domain.records import Child
from scr_reflect.storage import keyslots, private_files, sqlcipher
from scr_reflect.storage.keyslots import WrongPassphrase
from scr_reflect.storage.sqlcipher import WrongKey
from scr_reflect.storage.storage_problems import DiskFull, StorageProblem
from scr_reflect.storage.store import (
    AccessRemoved,
    NoRecoveryCode,
    OpenStore,
    StaleKeyFile,
    StoreFiles,
    WrongRecoveryCode,
    create_store,
    open_memory_store,
    open_store,
    recover_store,
)
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.faults import READ_ONLY, failing_sql
from tests.other_program import folder_held_elsewhere
from tests.storage.test_keyslots import format_1_slot

DEPUTY_PASSPHRASE = "marmalade lighthouse quarrel tundra"
NEW_PASSPHRASE = "a brand new passphrase for the dsl"
CODE = "K7QH2M9XABCDEFGHJKMNPQRSTVWX"
V0001 = Path(__file__).parents[1] / "data" / "v0001_store"


def slot_names(files: StoreFiles) -> list[str]:
    return [slot.name for slot in keyslots.load_header(files.header)]


def test_a_new_store_has_the_dsls_slot_and_the_recovery_slot(store_files) -> None:
    create_store(store_files, PASSPHRASE, PROFILE, NOW, recovery_code=CODE).close()
    assert slot_names(store_files) == ["person-1", "recovery"]
    store = open_store(store_files, PASSPHRASE, NOW)
    try:
        assert store.person_id == 1
        assert store.keys.has_recovery_code
    finally:
        store.close()


def add_deputy(store: OpenStore) -> Person:
    """A deputy with their own slot, added as the service adds one."""
    return store.people.add(
        "Priya Deputy",
        Role.DEPUTY,
        "Sam Okafor",
        NOW,
        before_commit=lambda added: store.keys.set_passphrase(added.id, DEPUTY_PASSPHRASE),
    )


def test_a_deputy_with_their_own_slot_unlocks_as_themselves(file_store, store_files) -> None:
    deputy = add_deputy(file_store)
    file_store.close()
    assert slot_names(store_files) == ["person-1", f"person-{deputy.id}"]

    store = open_store(store_files, DEPUTY_PASSPHRASE, NOW)
    try:
        assert store.person_id == deputy.id
    finally:
        store.close()


def test_removing_a_slot_stops_that_passphrase(file_store, store_files) -> None:
    deputy = file_store.people.add("Priya Deputy", Role.DEPUTY, "Sam Okafor", NOW)
    file_store.keys.set_passphrase(deputy.id, DEPUTY_PASSPHRASE)
    file_store.keys.remove(deputy.id)
    file_store.close()
    assert slot_names(store_files) == ["person-1"]
    with pytest.raises(WrongPassphrase):
        open_store(store_files, DEPUTY_PASSPHRASE, NOW)


def test_someone_removed_is_refused_even_with_a_stale_slot(file_store, store_files) -> None:
    deputy = file_store.people.add("Priya Deputy", Role.DEPUTY, "Sam Okafor", NOW)
    file_store.keys.set_passphrase(deputy.id, DEPUTY_PASSPHRASE)
    file_store.people.remove(deputy.id, "Sam Okafor", NOW)  # the slot is left behind
    file_store.close()

    with pytest.raises(AccessRemoved):
        open_store(store_files, DEPUTY_PASSPHRASE, NOW)
    open_store(store_files, PASSPHRASE, NOW).close()


def test_a_slot_for_nobody_in_the_store_is_refused(file_store, store_files) -> None:
    # What an addition whose database commit never happened would leave.
    file_store.keys.set_passphrase(9, DEPUTY_PASSPHRASE)
    file_store.close()
    with pytest.raises(AccessRemoved):
        open_store(store_files, DEPUTY_PASSPHRASE, NOW)


def test_a_store_from_before_people_had_slots_opens_as_its_dsl(tmp_path) -> None:
    old = StoreFiles(tmp_path / "data")
    shutil.copytree(V0001, old.root)
    assert slot_names(old) == ["dsl"]

    store = open_store(old, PASSPHRASE, NOW)
    try:
        assert store.person_id == 1
        assert store.people.get(1).role is Role.DSL
        assert store.people.get(1).name == "Ada Testperson"
        assert not store.keys.has_recovery_code
        store.keys.set_passphrase(1, NEW_PASSPHRASE)
    finally:
        store.close()

    assert slot_names(old) == ["person-1"]  # the old "dsl" slot is replaced, not left behind
    with pytest.raises(WrongPassphrase):
        open_store(old, PASSPHRASE, NOW)
    open_store(old, NEW_PASSPHRASE, NOW).close()


# The recovery code -----------------------------------------------------------------------


def test_the_recovery_code_opens_the_store_as_the_dsl(store_files) -> None:
    store = create_store(store_files, PASSPHRASE, PROFILE, NOW, recovery_code=CODE)
    child_id = store.repository.add_child(Child("Ada Testperson", date(2013, 6, 1)), NOW)
    store.close()

    recovered = recover_store(store_files, CODE, NOW)
    try:
        assert recovered.person_id == 1
        assert recovered.repository.child(child_id).full_name == "Ada Testperson"
    finally:
        recovered.close()


def test_a_wrong_recovery_code_is_refused_and_changes_nothing(store_files, snapshot) -> None:
    create_store(store_files, PASSPHRASE, PROFILE, NOW, recovery_code=CODE).close()
    before = snapshot(store_files.root)
    with pytest.raises(WrongRecoveryCode):
        recover_store(store_files, CODE.replace("K", "M"), NOW)
    assert snapshot(store_files.root) == before


def test_a_store_without_a_recovery_slot_says_so(file_store, store_files) -> None:
    file_store.close()
    with pytest.raises(NoRecoveryCode, match="no recovery code"):
        recover_store(store_files, CODE, NOW)


def test_a_new_recovery_code_replaces_the_old(store_files) -> None:
    store = create_store(store_files, PASSPHRASE, PROFILE, NOW, recovery_code=CODE)
    store.keys.set_recovery_code("ZZZZ2222YYYY3333XXXX4444WWWW")
    store.close()
    assert slot_names(store_files) == ["person-1", "recovery"]
    with pytest.raises(WrongRecoveryCode):
        recover_store(store_files, CODE, NOW)
    recover_store(store_files, "ZZZZ2222YYYY3333XXXX4444WWWW", NOW).close()


# Writing the key file --------------------------------------------------------------------


def test_changing_slots_keeps_the_other_keys_of_the_header(file_store, store_files) -> None:
    body = json.loads(store_files.header.read_text(encoding="utf-8"))
    body["audit_head"] = {"seq": 7, "hash": "cd" * 32}
    store_files.header.write_text(json.dumps(body), encoding="utf-8")

    file_store.keys.set_passphrase(1, NEW_PASSPHRASE)
    file_store.keys.set_recovery_code(CODE)

    body = json.loads(store_files.header.read_text(encoding="utf-8"))
    assert body["audit_head"] == {"seq": 7, "hash": "cd" * 32}


def test_a_key_file_write_that_fails_part_way_leaves_the_old_passphrase_working(
    file_store, store_files, monkeypatch
) -> None:
    before = store_files.header.read_bytes()

    def cut_short(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(private_files.os, "replace", cut_short)
    with pytest.raises(DiskFull):
        file_store.keys.set_passphrase(1, NEW_PASSPHRASE)
    monkeypatch.undo()
    file_store.close()

    assert store_files.header.read_bytes() == before
    assert sorted(p.name for p in store_files.root.iterdir() if p.name.startswith(".")) == []
    open_store(store_files, PASSPHRASE, NOW).close()
    with pytest.raises(WrongPassphrase):
        open_store(store_files, NEW_PASSPHRASE, NOW)


def test_a_store_in_memory_keeps_its_slots_in_memory() -> None:
    store = open_memory_store(PROFILE)
    try:
        assert store.keys.slots() == [] and not store.keys.has_recovery_code
        store.keys.set_passphrase(1, PASSPHRASE)
        store.keys.set_recovery_code(CODE)
        assert store.keys.opens(1, PASSPHRASE)
        assert not store.keys.opens(1, NEW_PASSPHRASE)
        assert store.keys.whose(PASSPHRASE) == 1
        assert store.keys.has_recovery_code
    finally:
        store.close()


# Rekeying: removing someone or a new recovery code --------------------------------------


class Died(BaseException):
    """The process stopping part way: nothing after this point runs."""


def with_deputy(store_files: StoreFiles) -> tuple[int, bytes]:
    """A store with the DSL, a deputy and a recovery code; the deputy's id and the key file
    as it is now (what a backup or a USB copy would hold)."""
    store = create_store(store_files, PASSPHRASE, PROFILE, NOW, recovery_code=CODE)
    deputy = add_deputy(store)
    store.repository.add_child(Child("Ada Testperson", date(2013, 6, 1)), NOW)
    store.close()
    return deputy.id, store_files.header.read_bytes()


def remove_deputy(store_files: StoreFiles, deputy_id: int) -> None:
    store = open_store(store_files, PASSPHRASE, NOW)
    try:
        store.keys.remove(deputy_id)
        store.people.remove(deputy_id, "Sam Okafor", NOW)
    finally:
        store.close()


def test_an_old_key_file_put_back_does_not_open_the_store_after_a_removal(store_files) -> None:
    deputy_id, old_key_file = with_deputy(store_files)
    remove_deputy(store_files, deputy_id)
    assert slot_names(store_files) == ["person-1", "recovery"]

    store_files.header.write_bytes(old_key_file)  # from backups/, or a copy on a USB stick
    for secret in (DEPUTY_PASSPHRASE, PASSPHRASE):
        with pytest.raises(StaleKeyFile, match="older copy"):
            open_store(store_files, secret, NOW)
    with pytest.raises(StaleKeyFile):
        recover_store(store_files, CODE, NOW)


def test_everyone_who_stays_still_opens_after_a_removal(store_files) -> None:
    deputy_id, _old = with_deputy(store_files)
    second = open_store(store_files, PASSPHRASE, NOW)
    other = second.people.add("Tom Second", Role.DEPUTY, "Sam Okafor", NOW)
    second.keys.set_passphrase(other.id, NEW_PASSPHRASE)
    second.close()

    remove_deputy(store_files, deputy_id)

    with pytest.raises(WrongPassphrase):
        open_store(store_files, DEPUTY_PASSPHRASE, NOW)
    for secret, person in ((PASSPHRASE, 1), (NEW_PASSPHRASE, other.id)):
        store = open_store(store_files, secret, NOW)
        assert store.person_id == person
        assert store.repository.child(1).full_name == "Ada Testperson"
        store.close()
    recover_store(store_files, CODE, NOW).close()


def test_an_old_recovery_code_with_an_old_key_file_opens_nothing(store_files) -> None:
    _deputy, old_key_file = with_deputy(store_files)
    store = open_store(store_files, PASSPHRASE, NOW)
    store.keys.set_recovery_code("ZZZZ2222YYYY3333XXXX4444WWWW")
    store.close()

    store_files.header.write_bytes(old_key_file)
    with pytest.raises(StaleKeyFile):
        recover_store(store_files, CODE, NOW)


def test_a_rekey_re_encrypts_the_database(store_files) -> None:
    _deputy, _old = with_deputy(store_files)
    store = open_store(store_files, PASSPHRASE, NOW)
    old_key = store.keys.data_key
    store.keys.set_recovery_code("ZZZZ2222YYYY3333XXXX4444WWWW")
    new_key = store.keys.data_key
    # The open store goes on working under the new key, through new connections too.
    store.repository.add_child(Child("Bea Testperson", date(2014, 2, 3)), NOW)
    store.close()

    assert new_key != old_key
    with pytest.raises(WrongKey):
        sqlcipher.check_key(sqlcipher.file_engine(store_files.database, old_key))
    engine = sqlcipher.file_engine(store_files.database, new_key)
    sqlcipher.check_key(engine)
    engine.dispose()


def remove_dying_in(store_files: StoreFiles, monkeypatch, module: object, name: str) -> bytes:
    """Remove the deputy, the process stopping when module.name is called; the key file as it
    was before, what an old copy would hold."""
    deputy_id, old_key_file = with_deputy(store_files)
    store = open_store(store_files, PASSPHRASE, NOW)

    def dies(*_args: object) -> None:
        raise Died

    monkeypatch.setattr(module, name, dies)
    with pytest.raises(Died):
        store.keys.remove(deputy_id)
    monkeypatch.undo()
    store.close()
    return old_key_file


def test_a_crash_before_the_database_is_re_encrypted_leaves_it_opening(
    store_files, monkeypatch
) -> None:
    old_key_file = remove_dying_in(store_files, monkeypatch, sqlcipher, "rekey")

    # The key file holds the new key and the old; the database is still under the old.
    assert slot_names(store_files) == ["person-1", "recovery"]
    with pytest.raises(WrongPassphrase):
        open_store(store_files, DEPUTY_PASSPHRASE, NOW)
    reopened = open_store(store_files, PASSPHRASE, NOW)  # and this unlock finishes the rekey
    assert not reopened.keys.rekey_under_way
    reopened.close()
    assert all(len(slot.sealed) == 1 for slot in keyslots.load_header(store_files.header))
    store_files.header.write_bytes(old_key_file)
    with pytest.raises(StaleKeyFile):
        open_store(store_files, DEPUTY_PASSPHRASE, NOW)


def test_a_crash_after_the_database_is_re_encrypted_leaves_it_opening(
    store_files, monkeypatch
) -> None:
    # keeping_only is the last key file write, the one that drops the old key.
    old_key_file = remove_dying_in(store_files, monkeypatch, keyslots, "keeping_only")

    assert all(len(slot.sealed) == 2 for slot in keyslots.load_header(store_files.header))
    recover_store(store_files, CODE, NOW).close()  # the new key first: it opens
    assert all(len(slot.sealed) == 1 for slot in keyslots.load_header(store_files.header))
    open_store(store_files, PASSPHRASE, NOW).close()
    store_files.header.write_bytes(old_key_file)
    with pytest.raises(StaleKeyFile):
        open_store(store_files, DEPUTY_PASSPHRASE, NOW)


def test_a_rekey_keeps_the_key_files_other_keys(store_files) -> None:
    deputy_id, _old = with_deputy(store_files)
    keyslots.update_body(store_files.header, lambda body: body | {"audit_head": {"seq": 3}})
    remove_deputy(store_files, deputy_id)
    assert keyslots.read_body(store_files.header)["audit_head"] == {"seq": 3}


def test_an_old_store_becomes_format_2_at_its_dsls_next_unlock(tmp_path) -> None:
    old = StoreFiles(tmp_path / "data")
    shutil.copytree(V0001, old.root)
    assert keyslots.read_body(old.header)["format"] == 1

    open_store(old, PASSPHRASE, NOW).close()

    [slot] = keyslots.load_header(old.header)
    assert (slot.name, slot.is_legacy) == ("person-1", False)
    assert keyslots.read_body(old.header)["format"] == keyslots.HEADER_FORMAT
    store = open_store(old, PASSPHRASE, NOW)
    try:
        assert store.person_id == 1
        store.keys.set_recovery_code(CODE)  # a rekey works on it now
    finally:
        store.close()
    recover_store(old, CODE, NOW).close()


def test_a_rekey_drops_format_1_slots_it_cannot_give_the_new_key(tmp_path) -> None:
    # A deputy (or recovery code) not upgraded since: their slot holds the old data key
    # itself, and there is no public key to seal the new one to without their passphrase.
    old = StoreFiles(tmp_path / "data")
    shutil.copytree(V0001, old.root)
    store = open_store(old, PASSPHRASE, NOW)  # the DSL's own slot becomes format 2
    try:
        legacy = [
            format_1_slot(store.keys.data_key, DEPUTY_PASSPHRASE, "person-7"),
            format_1_slot(store.keys.data_key, CODE, "recovery"),
        ]
        keyslots.update_body(old.header, lambda body: body | {"slots": body["slots"] + legacy})
        assert store.keys.remove(9) == [7]
    finally:
        store.close()
    assert slot_names(old) == ["person-1"]
    open_store(old, PASSPHRASE, NOW).close()


def test_a_format_1_recovery_slot_opens_and_is_upgraded_when_used(store_files) -> None:
    store = create_store(store_files, PASSPHRASE, PROFILE, NOW, recovery_code=CODE)
    old_style = format_1_slot(store.keys.data_key, CODE, "recovery")
    store.close()
    keyslots.update_body(
        store_files.header,
        lambda body: body | {"slots": [body["slots"][0], old_style]},
    )
    before = keyslots.recovery_slot(keyslots.load_header(store_files.header))
    assert before is not None and before.is_legacy

    recover_store(store_files, CODE, NOW).close()

    upgraded = keyslots.recovery_slot(keyslots.load_header(store_files.header))
    assert upgraded is not None and not upgraded.is_legacy
    recover_store(store_files, CODE, NOW).close()


def test_a_store_that_can_only_be_read_opens_mid_rekey_and_leaves_the_rekey(
    store_files, monkeypatch
) -> None:
    remove_dying_in(store_files, monkeypatch, sqlcipher, "rekey")
    with failing_sql(READ_ONLY):
        store = open_store(store_files, PASSPHRASE, NOW, reading_only_if_need_be=True)
        try:
            assert store.read_only is not None
            assert store.keys.rekey_under_way  # left for an unlock that can write
            with pytest.raises(StorageProblem):
                store.keys.set_recovery_code("another code entirely")
        finally:
            store.close()
    reopened = open_store(store_files, PASSPHRASE, NOW)
    assert not reopened.keys.rekey_under_way
    reopened.close()


def test_a_reader_beside_the_window_leaves_an_unfinished_rekey_to_the_window(
    store_files, monkeypatch
) -> None:
    remove_dying_in(store_files, monkeypatch, sqlcipher, "rekey")
    with folder_held_elsewhere(store_files.root):
        beside = open_store(store_files, PASSPHRASE, NOW)
        try:  # the window would still be working under the old key
            assert beside.keys.rekey_under_way
        finally:
            beside.close()
    alone = open_store(store_files, PASSPHRASE, NOW)
    assert not alone.keys.rekey_under_way
    alone.close()


def test_a_rekey_whose_fold_the_disk_refuses_keeps_the_key_it_made(store_files) -> None:
    deputy_id, _old = with_deputy(store_files)
    store = open_store(store_files, PASSPHRASE, NOW)
    real_checkpoint = sqlcipher.checkpoint
    try:

        def refused(_engine: object) -> None:
            raise DiskFull(store_files.root)

        sqlcipher.checkpoint = refused  # type: ignore[assignment]
        try:
            store.keys.remove(deputy_id)
        finally:
            sqlcipher.checkpoint = real_checkpoint  # type: ignore[assignment]
        assert not store.keys.rekey_under_way  # the key it now holds is the database's
        store.repository.add_child(Child("Fictional Pupil Rowan", date(2015, 1, 2)), NOW)
    finally:
        store.close()
    open_store(store_files, PASSPHRASE, NOW).close()
