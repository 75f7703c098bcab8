"""Back up, restore and verify through the services, on real data folders with the demo caseload."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from scr_reflect.cli.show import show_child
from scr_reflect.demo.caseload import DEMO_PROFILE, load_demo_caseload
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.records import Child
from scr_reflect.services import workspace
from scr_reflect.services.backups import Backup, BackupRefused, Restore, Verification
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.errors import NotInitialised, WrongPassphrase
from scr_reflect.storage.store_checks import CHECKS
from tests.core_fixtures import NOW, PASSPHRASE, folder_state
from tests.store_access import store_of


def every_record(ws: workspace.Workspace) -> dict[object, object]:
    """All a DSL can read: each child with concerns, chronology, actions and structured records."""
    records = ws.records
    found: dict[object, object] = {"profile": ws.profile, "drafts": records.drafts()}
    for child_id in records.search_children(""):
        found[child_id] = (
            records.child(child_id),
            records.concerns_for_child(child_id),
            records.entries(records.entry_ids(child_id, ChronologyFilter())),
            records.actions_for_child(child_id),
            list(show_child(ws, child_id)),
        )
    return found


def run(job: Backup | Restore | Verification) -> None:
    for _step in job.steps():
        pass


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo") / "data"
    ws = workspace.set_up(root, PASSPHRASE, PASSPHRASE, DEMO_PROFILE, FixedClock(NOW))
    load_demo_caseload(ws)
    ws.close()
    return root


@pytest.fixture
def demo(demo_folder: Path, tmp_path: Path, clock: FixedClock) -> Iterator[workspace.Workspace]:
    root = tmp_path / "data"
    shutil.copytree(demo_folder, root)
    shutil.rmtree(root / "backups")  # each test starts with none
    ws = workspace.unlock(root, PASSPHRASE, clock)
    yield ws
    ws.close()


def backed_up(ws: workspace.Workspace, also_to: Path | None = None) -> Backup:
    backup = Backup(store_of(ws), ws.clock.now(), also_to)
    run(backup)
    return backup


def test_a_backup_restored_into_an_empty_data_folder_finds_every_record(demo, tmp_path, clock):
    before = every_record(demo)
    assert len([key for key in before if isinstance(key, int)]) > 20
    backup = backed_up(demo)

    empty = tmp_path / "an empty data folder"
    restore = Restore(empty, backup.made, PASSPHRASE, NOW)
    steps = list(restore.steps())

    assert steps[-1].done == steps[-1].total
    assert restore.kept_aside is None
    restored = workspace.unlock(empty, PASSPHRASE, clock)
    try:
        assert every_record(restored) == before
    finally:
        restored.close()


def test_restoring_keeps_the_current_store_aside_where_it_still_opens(demo, tmp_path, clock):
    backup = backed_up(demo)
    demo.records.add_child(Child("Added After The Backup", date(2014, 2, 3)))
    root = store_of(demo).files.root
    demo.close()

    restore = Restore(root, backup.made, PASSPHRASE, NOW)
    run(restore)

    assert restore.kept_aside == root / "before-restore-20250310-093000"
    names = {p.name for p in restore.kept_aside.iterdir()}
    assert names >= {"scr-reflect.db", "keys.json"}
    aside_copy = tmp_path / "aside"
    shutil.copytree(restore.kept_aside, aside_copy)
    for folder, has_it in ((root, False), (aside_copy, True)):
        ws = workspace.unlock(folder, PASSPHRASE, clock)
        try:
            found = [ws.records.child(i).full_name for i in ws.records.search_children("Added")]
            assert found == (["Added After The Backup"] if has_it else [])
        finally:
            ws.close()


@pytest.mark.parametrize("damage", ["flipped byte", "truncated"])
def test_a_damaged_backup_is_refused_and_nothing_changes(demo, damage):
    backup = backed_up(demo)
    root = store_of(demo).files.root
    demo.close()
    data = bytearray(backup.made.read_bytes())
    if damage == "flipped byte":
        data[len(data) // 3] ^= 0x20
    else:
        del data[len(data) // 2 :]
    backup.made.write_bytes(bytes(data))
    before = folder_state(root)

    with pytest.raises(BackupRefused) as refused:
        run(Restore(root, backup.made, PASSPHRASE, NOW))

    message = str(refused.value)
    assert message.startswith(f"The backup {backup.made.name} was refused and nothing was changed.")
    assert ("altered" if damage == "flipped byte" else "truncated") in message
    assert folder_state(root) == before


def test_a_refused_restore_leaves_no_new_folder_behind(demo, tmp_path):
    backup = backed_up(demo)
    backup.made.write_bytes(backup.made.read_bytes()[:4096])
    with pytest.raises(BackupRefused):
        run(Restore(tmp_path / "new folder", backup.made, PASSPHRASE, NOW))
    assert not (tmp_path / "new folder").exists()


def test_a_wrong_passphrase_for_the_backup_changes_nothing(demo):
    backup = backed_up(demo)
    root = store_of(demo).files.root
    demo.close()
    before = folder_state(root)
    with pytest.raises(WrongPassphrase):
        run(Restore(root, backup.made, "not the passphrase at all", NOW))
    assert folder_state(root) == before


def test_a_second_folder_gets_a_checked_copy(demo, tmp_path):
    backup = backed_up(demo, also_to=tmp_path / "usb stick")
    assert backup.copied_to == tmp_path / "usb stick" / backup.made.name
    assert backup.copied_to.read_bytes() == backup.made.read_bytes()
    assert backup.copy_problem is None
    check = Verification.of_backup(backup.copied_to, PASSPHRASE)
    run(check)
    assert check.problems == []


def test_a_second_folder_that_cannot_be_written_leaves_the_backup_made(demo, tmp_path):
    not_a_folder = tmp_path / "unplugged"
    not_a_folder.write_text("a file where the folder should be", encoding="utf-8")
    backup = backed_up(demo, also_to=not_a_folder)
    assert backup.made.exists()
    assert backup.copied_to is None
    assert backup.copy_problem is not None
    assert backup.copy_problem.startswith(f"It could not be copied to {not_a_folder}")


def test_closing_backs_up_at_most_once_a_day(demo, clock):
    root = store_of(demo).files.root
    demo.close()  # the first close of the day backs up
    workspace.unlock(root, PASSPHRASE, clock).close()  # the second does not
    assert [p.name for p in (root / "backups").glob("*.db")] == ["scr-reflect-20250310-093000.db"]

    next_day = FixedClock(NOW + timedelta(days=1))
    workspace.unlock(root, PASSPHRASE, next_day).close()
    assert len(list((root / "backups").glob("*.db"))) == 2


def test_a_failing_backup_on_close_still_closes_the_store(demo, clock):
    root = store_of(demo).files.root
    (root / "backups").write_text("not a folder", encoding="utf-8")
    demo.close()
    assert not store_of(demo).is_open
    workspace.unlock(root, PASSPHRASE, clock).close()  # and it opens again


def test_a_backup_prunes_older_ones(demo, clock):
    for days_ago in range(15, 0, -1):  # from Sunday 23 February
        clock.moment = NOW - timedelta(days=days_ago)
        backed_up(demo)
    clock.moment = NOW
    backed_up(demo)
    left = sorted(
        p.name.removeprefix("scr-reflect-")[:8] for p in store_of(demo).files.backups.glob("*.db")
    )
    # The last 7 days; the newest of the two ISO weeks before (Sundays); February's newest.
    last_seven = [f"202503{day:02d}" for day in range(4, 11)]
    assert left == sorted(["20250223", "20250228", "20250302", *last_seven])


def test_verify_the_open_store_and_its_files(demo):
    check = Verification.of_open_store(store_of(demo))
    assert [p.done for p in check.steps()] == list(range(1, len(CHECKS) + 1))
    assert check.problems == []
    root = store_of(demo).files.root
    demo.close()
    files_check = Verification.of_store_files(root, PASSPHRASE)
    run(files_check)
    assert [f.ok for f in files_check.findings] == [True] * files_check.total


def test_verify_a_folder_that_is_not_set_up(tmp_path):
    with pytest.raises(NotInitialised):
        Verification.of_store_files(tmp_path, PASSPHRASE)
