"""The daily backup and pruning are upkeep: done by whoever holds the data folder, never by a
program that only reads beside the window (both would write and prune the same backups)."""

from __future__ import annotations

from pathlib import Path

from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.storage.backups import regular_backups
from scr_reflect.storage.folder_lock import claim
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.other_program import folder_held_elsewhere
from tests.store_access import store_of


def _set_up(root: Path) -> None:
    store_of(workspace.set_up(root, PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW))).close()


def test_a_reader_beside_the_holder_leaves_the_daily_backup_to_it(data_root: Path) -> None:
    _set_up(data_root)
    with folder_held_elsewhere(data_root):
        workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW)).close()
    assert regular_backups(data_root / "backups") == []


def test_with_nobody_else_on_the_folder_the_backup_is_taken(data_root: Path) -> None:
    _set_up(data_root)
    workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW)).close()
    assert len(regular_backups(data_root / "backups")) == 1


def test_the_holder_itself_takes_the_backup(data_root: Path) -> None:
    _set_up(data_root)
    lock = claim(data_root)
    try:
        workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW)).close()
    finally:
        lock.release()
    assert len(regular_backups(data_root / "backups")) == 1
