"""A restore cut short at any of its renames is finished or undone at the next start: the
folder never says "not set up yet" over a store that is there, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_reflect.storage import backups, restore_journal
from scr_reflect.storage.backups import BackupFiles
from scr_reflect.storage.store import StoreExists, StoreFiles, create_store
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.faults import restore_dies_after

CURRENT = {
    "scr-reflect.db": b"current database",
    "scr-reflect.db-wal": b"current log",
    "keys.json": b"current keys",
}
RESTORED = {"scr-reflect.db": b"backup database", "keys.json": b"backup keys"}


def _folder(tmp_path: Path) -> tuple[Path, BackupFiles]:
    root = tmp_path / "data"
    root.mkdir()
    for name, data in CURRENT.items():
        (root / name).write_bytes(data)
    staged = BackupFiles.named(root, ".restoring-x")
    staged.database.write_bytes(RESTORED["scr-reflect.db"])
    staged.header.write_bytes(RESTORED["keys.json"])
    return root, staged


def _restore_killed_after(moves: int, root: Path, staged: BackupFiles) -> None:
    with restore_dies_after(moves):
        backups.put_in_place(staged, root / "scr-reflect.db", root / "keys.json", root / "aside")


def _store_files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}


# Three files of the current store go aside, then the backup's two come in.
@pytest.mark.parametrize("moves", range(5))
def test_a_restore_cut_short_is_finished_or_undone_whole(tmp_path, moves) -> None:
    root, staged = _folder(tmp_path)
    _restore_killed_after(moves, root, staged)
    assert restore_journal.journal(root).exists()

    said = restore_journal.settle(root)

    assert not restore_journal.journal(root).exists()
    if moves >= 4:  # the backup's database was in place: the restore stands
        assert "finished" in said
        assert _store_files(root) == RESTORED
        assert {p.name: p.read_bytes() for p in (root / "aside").iterdir()} == CURRENT
    else:
        assert "undone" in said
        assert _store_files(root) == CURRENT
        assert not (root / "aside").exists()
    assert restore_journal.settle(root) is None


def test_setting_up_is_refused_while_a_restore_waits_to_be_settled(tmp_path):
    root, staged = _folder(tmp_path)
    _restore_killed_after(2, root, staged)  # no key file in the folder now
    with pytest.raises(StoreExists):
        create_store(StoreFiles(root), PASSPHRASE, PROFILE, NOW)
