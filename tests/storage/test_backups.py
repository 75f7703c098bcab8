"""Backups on disk: what a backup is made of, how it is checked, which ones pruning keeps."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from scr_reflect.domain.records import Child
from scr_reflect.storage import backups, schema
from scr_reflect.storage.backup_retention import Retention, to_keep
from scr_reflect.storage.backups import BackupFiles
from scr_reflect.storage.keyslots import WrongPassphrase
from scr_reflect.storage.store import OpenStore, StoreFiles, open_store
from scr_reflect.storage.store_checks import (
    DATABASE_FILE,
    KEY_FILE,
    MANIFEST,
    check_backup,
    check_store_files,
)

V0001 = Path(__file__).parents[1] / "data" / "v0001_store"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def back_up(store: OpenStore, now: datetime) -> BackupFiles:
    assert store.files is not None
    [target] = backups.new_backup([store.files.backups], now)
    for _stage in store.back_up(target):
        pass
    return target


def problems(findings) -> dict[str, tuple[str, ...]]:
    return {f.check: f.problems for f in findings if f.problems}


@pytest.fixture
def backup(file_store, now) -> BackupFiles:
    file_store.repository.add_child(Child("Ada Testperson", date(2013, 6, 1)), now)
    return back_up(file_store, now)


# Writing ----------------------------------------------------------------------------------


def test_a_backup_is_a_database_its_key_file_and_a_manifest(backup, store_files) -> None:
    assert sorted(p.name for p in store_files.backups.iterdir()) == [
        "scr-reflect-20250310-093000.db",
        "scr-reflect-20250310-093000.keys.json",
        "scr-reflect-20250310-093000.manifest.json",
    ]
    assert backup.header.read_bytes() == store_files.header.read_bytes()
    manifest = json.loads(backup.manifest.read_text(encoding="utf-8"))
    database = manifest["database"]
    assert database["size"] == backup.database.stat().st_size
    assert len(database["sha256"]) == 64
    # Nothing about a child: the audit head is an entry's number and hash.
    assert set(manifest) == {"format", "database", "key_file", "audit_head"}
    head = json.loads(backup.header.read_bytes())["audit_head"]
    assert manifest["audit_head"] == {"seq": head["seq"], "hash": head["hash"]}


@posix_only
def test_backup_files_are_owner_only(backup, store_files) -> None:
    assert stat.S_IMODE(store_files.backups.stat().st_mode) == 0o700
    for path in backup.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_the_backup_opens_with_the_same_passphrase(backup, passphrase, open_raw) -> None:
    engine = open_raw(backup.database, backup.header, passphrase)
    try:
        with engine.connect() as conn:
            names = conn.execute(text("SELECT full_name FROM children")).scalars().all()
    finally:
        engine.dispose()
    assert names == ["Ada Testperson"]


def test_a_second_backup_in_the_same_second_gets_its_own_name(file_store, backup, now) -> None:
    again = back_up(file_store, now)
    assert again.stem == f"{backup.stem}-2"
    assert backup.database.exists() and again.database.exists()


def test_any_of_the_three_files_names_the_backup(backup) -> None:
    for path in backup.files:
        assert BackupFiles.of(path) == backup


def test_a_copy_to_a_second_folder_is_read_back_and_checked(backup, tmp_path) -> None:
    copied = backups.copy_backup(backup, tmp_path / "usb stick")
    for original, copy in zip(backup.files, copied.files, strict=True):
        assert copy.read_bytes() == original.read_bytes()


# Checking a backup ------------------------------------------------------------------------


def test_a_good_backup_passes_every_check(backup, passphrase, tmp_path) -> None:
    before = [p.read_bytes() for p in backup.files]
    findings = list(check_backup(backup, passphrase, BackupFiles.named(tmp_path, "copy")))
    assert problems(findings) == {}
    assert [f.check for f in findings][:3] == [MANIFEST, DATABASE_FILE, KEY_FILE]
    assert [p.read_bytes() for p in backup.files] == before  # the backup is only read


def test_one_flipped_byte_is_caught_before_the_database_is_opened(
    backup, passphrase, tmp_path
) -> None:
    damaged = bytearray(backup.database.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    backup.database.write_bytes(bytes(damaged))

    findings = list(check_backup(backup, passphrase, BackupFiles.named(tmp_path, "copy")))

    assert findings[-1].check == DATABASE_FILE  # stopped there
    [problem] = findings[-1].problems
    assert "SHA-256 differs" in problem and "altered" in problem


def test_a_truncated_backup_is_named_as_truncated(backup, passphrase, tmp_path) -> None:
    whole = backup.database.read_bytes()
    backup.database.write_bytes(whole[: len(whole) - 4096])

    findings = list(check_backup(backup, passphrase, BackupFiles.named(tmp_path, "copy")))

    assert problems(findings) == {
        DATABASE_FILE: (
            f"The database is {len(whole) - 4096:,} bytes where its manifest says "
            f"{len(whole):,}, so it is truncated or incomplete.",
        )
    }


def test_a_changed_key_file_and_a_missing_manifest_are_named(backup, passphrase, tmp_path) -> None:
    backup.header.write_text(backup.header.read_text(encoding="utf-8") + " ", encoding="utf-8")
    staged = BackupFiles.named(tmp_path, "copy")
    assert KEY_FILE in problems(check_backup(backup, passphrase, staged))

    backup.manifest.unlink()
    [finding] = check_backup(backup, passphrase, staged)
    assert finding.check == MANIFEST and "no manifest" in finding.problems[0]


def test_a_wrong_passphrase_for_a_backup_raises(backup, tmp_path) -> None:
    with pytest.raises(WrongPassphrase):
        list(check_backup(backup, "not the passphrase at all", BackupFiles.named(tmp_path, "c")))


# Checking the live store ------------------------------------------------------------------


def test_verify_names_a_damaged_page_of_the_store(file_store, store_files, passphrase, now) -> None:
    for n in range(100):
        child = Child(f"Fictional Pupil {n:03d}", date(2013, 6, 1), household="Nearby. " * 40)
        file_store.repository.add_child(child, now)
    file_store.close()
    assert problems(check_store_files(store_files.database, store_files.header, passphrase)) == {}

    damaged = bytearray(store_files.database.read_bytes())
    damaged[-4096 + 300] ^= 0xFF  # inside the last page
    store_files.database.write_bytes(bytes(damaged))

    found = problems(check_store_files(store_files.database, store_files.header, passphrase))
    # Checks that read the records after it cannot run; this one names the page.
    named = found["Pages, their authentication codes and the database structure"]
    last_page = len(damaged) // 4096
    assert named == (
        f"HMAC verification failed for page {last_page}",
        "database disk image is malformed",
    )


def test_verify_names_a_store_that_is_not_at_the_current_schema(tmp_path, passphrase) -> None:
    files = StoreFiles(tmp_path / "old")
    shutil.copytree(V0001, files.root)
    found = problems(check_store_files(files.database, files.header, passphrase))
    assert found == {
        "Schema version": (
            f"It is at schema 0001, not {schema.head_revision()}: open it with SCR Reflect "
            "to bring it up to date.",
        )
    }


def test_verify_names_a_schema_from_a_newer_version(file_store, store_files, passphrase, open_raw):
    file_store.close()
    engine = open_raw(store_files.database, store_files.header)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    found = problems(check_store_files(store_files.database, store_files.header, passphrase))
    assert found == {
        "Schema version": ("It is at schema 0999, made by a newer version of SCR Reflect.",)
    }


def test_a_backup_taken_before_a_migration_is_checked_and_passes(tmp_path, passphrase) -> None:
    files = StoreFiles(tmp_path / "old")
    shutil.copytree(V0001, files.root)
    open_store(files, passphrase, datetime(2025, 4, 2, 16, 45, 7)).close()
    assert backups.regular_backups(files.backups) == []  # and so never pruned
    [before] = [BackupFiles(p) for p in files.backups.glob("before-migration-*.db")]
    staged = BackupFiles.named(tmp_path, "copy")
    assert problems(check_backup(before, passphrase, staged)) == {}  # older schema is fine


# Putting a backup in place ----------------------------------------------------------------


def test_put_in_place_keeps_the_current_store_aside_under_a_free_name(tmp_path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "before-restore-x").mkdir()
    (root / "scr-reflect.db").write_bytes(b"current database")
    (root / "keys.json").write_bytes(b"current keys")
    staged = BackupFiles.named(root, ".restoring")
    staged.database.write_bytes(b"backup database")
    staged.header.write_bytes(b"backup keys")

    aside = backups.put_in_place(
        staged, root / "scr-reflect.db", root / "keys.json", root / "before-restore-x"
    )

    assert aside == root / "before-restore-x-2"
    assert (aside / "scr-reflect.db").read_bytes() == b"current database"
    assert (aside / "keys.json").read_bytes() == b"current keys"
    assert (root / "scr-reflect.db").read_bytes() == b"backup database"
    assert (root / "keys.json").read_bytes() == b"backup keys"


# Pruning ----------------------------------------------------------------------------------


def daily(first: date, days: int, hour: int = 18) -> list[datetime]:
    return [
        datetime(first.year, first.month, first.day, hour) + timedelta(days=n) for n in range(days)
    ]


def test_prune_keeps_7_daily_4_weekly_12_monthly() -> None:
    made = daily(date(2025, 1, 1), 500)  # one every evening up to Friday 15 May 2026
    last_seven = [datetime(2026, 5, day, 18) for day in range(9, 16)]
    # ISO weeks to 17, 10 (both already kept), 3 May and 26 April.
    weekly = [datetime(2026, 5, 3, 18), datetime(2026, 4, 26, 18)]
    month_ends = [(2025, 6, 30), (2025, 7, 31), (2025, 8, 31), (2025, 9, 30), (2025, 10, 31)]
    month_ends += [(2025, 11, 30), (2025, 12, 31), (2026, 1, 31), (2026, 2, 28), (2026, 3, 31)]
    month_ends += [(2026, 4, 30)]  # May's newest is 15 May, already kept
    monthly = [datetime(y, m, d, 18) for y, m, d in month_ends]

    assert to_keep(made) == {*last_seven, *weekly, *monthly}
    assert len(to_keep(made)) == 7 + 2 + 11


def test_prune_keeps_the_newest_of_each_day_only() -> None:
    morning, evening = datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 17)
    older = datetime(2026, 3, 1, 17)
    assert to_keep([morning, evening, older]) == {evening, older}


def test_weeks_are_iso_weeks_across_the_new_year() -> None:
    # Tuesday 30 Dec 2025 and Friday 2 Jan 2026 are both in ISO week 1 of 2026.
    tuesday, friday = datetime(2025, 12, 30, 9), datetime(2026, 1, 2, 9)
    assert to_keep([tuesday, friday], Retention(daily=0, weekly=4, monthly=0)) == {friday}
    assert to_keep([tuesday, friday], Retention(daily=0, weekly=0, monthly=4)) == {tuesday, friday}


def test_the_newest_backup_is_kept_whatever_the_rules() -> None:
    newest = datetime(2026, 3, 2, 8)
    assert to_keep([newest, datetime(2026, 3, 1)], Retention(0, 0, 0)) == {newest}
    assert to_keep([]) == set()


def test_prune_deletes_all_three_files_and_leaves_other_backups(tmp_path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    made = daily(date(2026, 3, 1), 10)
    for moment in made:
        for path in BackupFiles.named(folder, f"scr-reflect-{moment:%Y%m%d-%H%M%S}").files:
            path.write_bytes(b"x")
    kept_by_hand = BackupFiles.named(folder, "before-migration-from-0001-20260101-120000")
    kept_by_hand.database.write_bytes(b"x")

    removed = backups.prune(folder)

    # 2-10 March are the last 7 days; 1 March is the newest of its ISO week (Sunday).
    assert [b.stem for b in removed] == [
        "scr-reflect-20260302-180000",
        "scr-reflect-20260303-180000",
    ]
    left = {p.name for p in folder.iterdir()}
    assert not any("20260302" in name or "20260303" in name for name in left)
    assert len(left) == 8 * 3 + 1
