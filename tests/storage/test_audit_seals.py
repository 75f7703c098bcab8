"""What verify catches beyond the chain itself, each done as an attacker would: a record changed
behind the app, a trimmed tail grown back over, a key file edited by someone without the
database's key, and a store rolled back to an older backup as a whole."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from scr_reflect.domain.audit import AuditAction, AuditHead, NewEntry
from scr_reflect.domain.audit_seal import Checkpoint, content_hash, head_mac
from scr_reflect.domain.enums import RecordType
from scr_reflect.storage import audit_head, backups
from scr_reflect.storage.audit_log import read_chain, read_mac_key
from scr_reflect.storage.audit_watch import row_fields, row_hash
from scr_reflect.storage.models import ConcernRow, EntryRow
from scr_reflect.storage.store import StoreFiles, open_store
from scr_reflect.storage.store_checks import Expected, backup_checkpoints, check_store_files
from tests.core_fixtures import NOW, PASSPHRASE, Seed, unlocked_engine
from tests.storage.test_audit_verify import tamper, verify, write_entries

CONTENT = "Records: each matches the audit entry that made or amended it"
CHECKPOINTS = "Audit trail: checkpoints printed or kept in backups"


def findings(files: StoreFiles, checkpoints: tuple[Expected, ...] = ()) -> dict[str, tuple]:
    found = check_store_files(files.database, files.header, PASSPHRASE, checkpoints)
    return {f.check: f.problems for f in found if f.problems}


@pytest.fixture
def amended(file_store, store_files) -> StoreFiles:
    """A closed store with child 1 and concern 1, the concern amended once (version 2)."""
    file_store.audit.act_as("Ada Testperson", lambda: NOW)
    seed = Seed(file_store.repository)
    concern_id = seed.concern(seed.child("Fictional Pupil"))
    concern = file_store.repository.concern(concern_id)
    file_store.repository.amend(
        RecordType.CONCERN,
        replace(concern, what_happened="Arrived without a coat, second time this week."),
        "Ada Testperson",
        "Added what was seen",
        NOW,
    )
    file_store.close()
    assert findings(store_files) == {}
    return store_files


def test_a_concern_changed_behind_the_app_is_named(amended, open_raw) -> None:
    tamper(amended, open_raw, "UPDATE concerns SET what_happened = 'Nothing seen.' WHERE id = 1")
    assert findings(amended) == {
        CONTENT: ("Concern 1 was changed outside the app since entry 3 recorded it.",)
    }


def test_an_earlier_version_changed_behind_the_app_is_named(amended, open_raw) -> None:
    fields = json.dumps({"what_happened": "Nothing seen."})
    tamper(amended, open_raw, f"UPDATE record_versions SET fields_json = '{fields}'")
    assert findings(amended) == {
        CONTENT: (
            "Version 1 of concern 1, kept when it was amended, was changed outside the app "
            "since entry 2 recorded it.",
        )
    }


def test_records_without_a_hash_are_counted_not_checked(file_store, store_files) -> None:
    """As the demo caseload is loaded, in bulk with no entry for each record; a trail from
    before entries carried hashes is the same to verify."""
    row = {"full_name": "Bulk Pupil", "date_of_birth": NOW.date(), "created_at": NOW}
    file_store.demo_bulk.insert("children", [row | {"version": 1}])
    file_store.close()
    [content] = [
        f
        for f in check_store_files(store_files.database, store_files.header, PASSPHRASE)
        if f.check == CONTENT
    ]
    assert content.ok
    assert content.notes == (
        "1 record has no content hash in the trail (made before entries carried one, or "
        "loaded in bulk), so their content was not checked.",
    )


def test_a_record_deleted_behind_the_app_is_named_and_one_deleted_by_retention_is_not(
    file_store, store_files, open_raw
) -> None:
    file_store.audit.act_as("Ada Testperson", lambda: NOW)
    seed = Seed(file_store.repository)
    kept, deleted = seed.child("Fictional Pupil"), seed.child("Fictional Leaver")
    seed.concern(kept)
    file_store.retention.delete_child(deleted, NewEntry(AuditAction.DELETION, deleted))
    file_store.close()
    assert findings(store_files) == {}

    tamper(store_files, open_raw, "DELETE FROM concerns WHERE id = 1")
    assert findings(store_files) == {
        CONTENT: (
            "Concern 1 is gone from the store, though no deletion entry names its child "
            "after entry 3 recorded it.",
        )
    }


def test_a_rewrite_by_someone_holding_the_key_is_caught_by_an_earlier_checkpoint(
    amended, open_raw
) -> None:
    """With the key, the text, its hash, the chain after it and the head's code can all be
    recomputed: only a checkpoint kept outside the store, from before, shows it."""
    printed = Checkpoint.of(audit_head.read_head(amended.header))
    engine = open_raw(amended.database, amended.header)
    try:
        chain, key = list(read_chain(engine) or ()), read_mac_key(engine)
        with Session(engine) as s:
            row = s.get(ConcernRow, 1)
            changed = row_fields(row) | {"what_happened": "Nothing seen."}
            new_hash = content_hash("concern", 1, row.version, changed)
    finally:
        engine.dispose()
    assert key is not None
    statements = ["UPDATE concerns SET what_happened = 'Nothing seen.' WHERE id = 1"]
    previous = chain[1].hash
    for entry in chain[2:]:
        forged = replace(entry, previous_hash=previous)
        if entry.seq == 3:
            forged = replace(forged, content_hash=new_hash)
        forged = replace(forged, hash=forged.expected_hash())
        statements.append(
            f"UPDATE audit_log SET previous_hash = '{forged.previous_hash}', hash = "
            f"'{forged.hash}', content_hash = {_sql(forged.content_hash)} WHERE seq = {entry.seq}"
        )
        previous = forged.hash
    tamper(amended, open_raw, *statements)
    head = AuditHead(chain[-1].seq, previous)
    body = json.loads(amended.header.read_text(encoding="utf-8"))
    body["audit_head"] = {"seq": head.seq, "hash": head.hash, "mac": head_mac(key, head)}
    amended.header.write_text(json.dumps(body), encoding="utf-8")

    assert findings(amended) == {}  # what someone with the key can do, and SECURITY.md says so
    assert findings(amended, (Expected("the printed checkpoint", printed),)) == {
        CHECKPOINTS: (
            f"The trail does not hold entry {printed.seq} as the printed checkpoint records it "
            f"({printed.hash_prefix}\u2026): the store was rolled back or rewritten since. "
            "(After restoring a backup, unlock once so the restore enters the trail.)",
        )
    }


def _sql(value: str | None) -> str:
    return "NULL" if value is None else f"'{value}'"


def test_a_trimmed_tail_stays_named_after_the_trail_grows_past_it(
    file_store, store_files, open_raw, caplog
) -> None:
    """The key file records entry 6; 5 and 6 are cut; three unlocks append a new 5, 6 and 7.
    The head must not move on to 7, or the cut would heal itself."""
    write_entries(file_store)
    file_store.close()
    tamper(store_files, open_raw, "DELETE FROM audit_log WHERE seq >= 5")
    for _unlock in range(3):
        store = open_store(store_files, PASSPHRASE, NOW)
        store.audit.append(NewEntry(AuditAction.UNLOCK))
        store.close()
    assert audit_head.read_head(store_files.header).seq == 6
    assert verify(store_files) == [
        "Entry 6 is not the one the key file records: the trail was rewritten."
    ]
    assert "the key file records audit entry 6, which the trail does not hold" in caplog.text


def test_a_key_file_head_moved_without_the_database_key_is_named(file_store, store_files) -> None:
    write_entries(file_store)
    file_store.close()
    body = json.loads(store_files.header.read_text(encoding="utf-8"))
    # Entry 5 is in the trail as recorded: without its code, this would hide a trimmed entry 6.
    fifth = _entry_hash(store_files, 5)
    body["audit_head"] |= {"seq": 5, "hash": fifth}
    store_files.header.write_text(json.dumps(body), encoding="utf-8")
    assert verify(store_files) == [
        "The key file's record of the newest entry (entry 5) does not carry this store's "
        "authentication code: the key file was edited outside SCR Reflect."
    ]
    del body["audit_head"]["mac"]
    store_files.header.write_text(json.dumps(body), encoding="utf-8")
    assert verify(store_files) == [
        "The key file's record of the newest entry (entry 5) carries no authentication "
        "code: it was written by hand, or by a version from before codes."
    ]


def test_a_store_rolled_back_behind_its_newest_backup_is_named(
    file_store, store_files, tmp_path
) -> None:
    """The database and key file put back together from an older backup agree with each
    other; the newer backup's manifest still records an entry the rolled-back trail lacks."""
    write_entries(file_store, 1)
    older = _back_up(file_store, store_files, NOW)
    write_entries(file_store, 2)
    newer = _back_up(file_store, store_files, NOW + timedelta(days=1))
    file_store.close()
    shutil.copyfile(older.database, store_files.database)
    shutil.copyfile(older.header, store_files.header)

    kept = backup_checkpoints(store_files.backups)
    head = audit_head.read_head(newer.header)
    assert findings(store_files) == {}  # without the checkpoint, nothing looks wrong
    assert findings(store_files, kept) == {
        CHECKPOINTS: (
            f"The trail does not hold entry {head.seq} as the newest backup "
            f"({newer.database.name}) records it ({head.hash[:16]}\u2026): the store was "
            "rolled back or rewritten since. (After restoring a backup, unlock once so the "
            "restore enters the trail.)",
        )
    }


def _back_up(store, files: StoreFiles, when) -> backups.BackupFiles:
    [target] = backups.new_backup([files.backups], when)
    for _stage in store.back_up(target):
        pass
    return target


def _entry_hash(files: StoreFiles, seq: int) -> str:
    engine = unlocked_engine(files.database, files.header)
    try:
        return next(e.hash for e in read_chain(engine) or () if e.seq == seq)
    finally:
        engine.dispose()


def test_lines_hashed_before_time_known_existed_still_match_and_a_change_to_it_is_named(
    file_store, store_files, open_raw
) -> None:
    file_store.audit.act_as("Ada Testperson", lambda: NOW)
    seed = Seed(file_store.repository)
    entry_id = seed.entry(seed.child("Fictional Pupil"), NOW - timedelta(days=1))
    entry = file_store.repository.entry(entry_id)
    file_store.repository.amend(
        RecordType.ENTRY, replace(entry, title="Spoke with the head of year"), "Ada", "Who", NOW
    )
    file_store.close()
    engine = open_raw(store_files.database, store_files.header)
    with Session(engine) as s:
        row = s.get(EntryRow, entry_id)
        assert row is not None
        before_the_column = {k: v for k, v in row_fields(row).items() if k != "time_known"}
        assert row_hash(RecordType.ENTRY, row) == content_hash(
            "entry", entry_id, row.version, before_the_column
        )
    engine.dispose()
    assert findings(store_files) == {}

    tamper(store_files, open_raw, "UPDATE chronology_entries SET time_known = 0")
    assert findings(store_files) == {
        CONTENT: ("Entry 1 was changed outside the app since entry 3 recorded it.",)
    }
