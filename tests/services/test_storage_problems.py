"""Setting up, backing up, restoring and closing on a full disk or a read-only folder."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from scr_reflect.domain.records import Child, SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.backups import Backup, Restore
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.errors import DiskFull, FolderReadOnly
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import NOW, PASSPHRASE, folder_state
from tests.faults import (
    backup_copies_fill_up,
    failing_file_writes,
    full_folder,
    needs_chmod,
    read_only,
)
from tests.store_access import store_of

PROFILE = SchoolProfile("Larkspur Vale Primary", "Ada Testperson")


def run(job: Backup | Restore) -> None:
    for _step in job.steps():
        pass


@pytest.fixture
def ws(data_root: Path, clock: FixedClock) -> Iterator[Workspace]:
    space = workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock)
    space.records.add_child(Child("Ada Quillfeather", date(2013, 6, 1)))
    yield space
    space.close()


def _children(ws: Workspace) -> list[str]:
    return [c.full_name for c in ws.records.child_summaries(ws.records.search_children(""))]


@pytest.mark.parametrize("where", ["copying pages", "writing the key file"])
def test_a_backup_onto_a_full_disk_says_so_and_leaves_no_part_of_itself(ws, where):
    backups = store_of(ws).files.backups
    with pytest.MonkeyPatch.context() as full:
        if where == "copying pages":
            backup_copies_fill_up(full)
        else:
            failing_file_writes(full)
        with pytest.raises(DiskFull) as raised:
            run(Backup(store_of(ws), NOW))
    assert raised.value.place == backups
    assert list(backups.iterdir()) == []  # a half-made backup must not pass for today's
    ws.records.add_child(Child("Bram Oakhollow", date(2014, 2, 3)))  # the store goes on
    run(Backup(store_of(ws), NOW))
    assert len(list(backups.glob("*.manifest.json"))) == 1


def test_a_full_second_backup_folder_leaves_the_backup_made_and_says_why(ws, tmp_path, monkeypatch):
    usb = tmp_path / "usb stick"
    full_folder(monkeypatch, usb)
    backup = Backup(store_of(ws), NOW, usb)
    run(backup)
    assert backup.made.exists()
    assert backup.copied_to is None
    assert backup.copy_problem is not None
    assert backup.copy_problem.startswith(f"It could not be copied to {usb}. The disk that holds")
    assert "Free some space" in backup.copy_problem
    assert list(usb.iterdir()) == []


@needs_chmod
def test_a_read_only_backup_folder_says_so(ws):
    backups = store_of(ws).files.backups
    backups.mkdir(exist_ok=True)
    with read_only(backups), pytest.raises(FolderReadOnly) as raised:
        run(Backup(store_of(ws), NOW))
    assert raised.value.place == backups


def test_a_backup_folder_this_account_may_not_write_says_so(ws, monkeypatch):
    full_folder(monkeypatch, store_of(ws).files.backups, errno.EACCES)
    with pytest.raises(FolderReadOnly):
        run(Backup(store_of(ws), NOW))


def test_closing_on_a_full_disk_still_closes_and_keeps_every_record(ws, data_root):
    with pytest.MonkeyPatch.context() as full:
        failing_file_writes(full)  # the daily backup on close cannot be written
        ws.close()
    assert not store_of(ws).is_open
    again = workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW))
    try:
        assert _children(again) == ["Ada Quillfeather"]
    finally:
        again.close()


def test_restore_into_a_folder_that_cannot_be_written_changes_nothing(ws, data_root, monkeypatch):
    backup = Backup(store_of(ws), NOW)
    run(backup)
    ws.close()
    before = folder_state(data_root)
    full_folder(monkeypatch, data_root, errno.EROFS)
    with pytest.raises(FolderReadOnly):
        run(Restore(data_root, backup.made, PASSPHRASE, NOW))
    assert folder_state(data_root) == before


def test_set_up_on_a_full_disk_says_so_and_can_be_done_again_once_freed(data_root, clock):
    with pytest.MonkeyPatch.context() as full:
        failing_file_writes(full)  # the key file, written last, does not land
        with pytest.raises(DiskFull):
            workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock)
    assert not workspace.data_folder_is_set_up(data_root)
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock).close()
    workspace.unlock(data_root, PASSPHRASE, clock).close()


@needs_chmod
def test_set_up_where_no_folder_may_be_made_says_so(tmp_path, clock):
    parent = tmp_path / "shared drive"
    parent.mkdir()
    with read_only(parent), pytest.raises(FolderReadOnly) as raised:
        workspace.set_up(parent / "data", PASSPHRASE, PASSPHRASE, PROFILE, clock)
    assert raised.value.place == parent
