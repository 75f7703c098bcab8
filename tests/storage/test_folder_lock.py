"""The data folder's lock: one holder at a time, freed when the holder ends however it ends."""

from __future__ import annotations

import pytest

from scr_reflect.storage.folder_lock import LOCK_FILE, FolderInUse, claim
from tests.faults import needs_chmod, read_only
from tests.other_program import folder_held_elsewhere


def test_one_holder_at_a_time_and_free_again_once_released(tmp_path) -> None:
    root = tmp_path / "data"
    first = claim(root)
    assert first.held
    with pytest.raises(FolderInUse) as refused:
        claim(root)
    assert str(root) in str(refused.value) and "Nothing was changed" in str(refused.value)
    other = claim(tmp_path / "another folder")
    assert other.held
    other.release()
    first.release()
    again = claim(root)
    assert again.held
    again.release()


def test_a_killed_holder_frees_the_folder_at_once(tmp_path) -> None:
    root = tmp_path / "data"
    with folder_held_elsewhere(root), pytest.raises(FolderInUse):
        claim(root)
    after = claim(root)  # no stale lock file to judge: the process is gone, so is its lock
    assert after.held
    after.release()


def test_releasing_leaves_the_folder_as_it_was(tmp_path) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    claim(existing).release()
    assert list(existing.iterdir()) == []
    made = tmp_path / "new" / "data"
    claim(made).release()
    assert not made.exists()  # a command refused before it wrote leaves no empty folder


def test_a_folder_made_by_the_holder_stays_once_something_is_in_it(tmp_path) -> None:
    made = tmp_path / "data"
    lock = claim(made)
    (made / "keys.json").write_text("{}", encoding="utf-8")
    lock.release()
    assert [p.name for p in made.iterdir()] == ["keys.json"]


def test_a_lock_file_left_by_an_earlier_version_is_taken_over(tmp_path) -> None:
    (tmp_path / LOCK_FILE).write_text("4242\nscr-reflect\nhost\n", encoding="utf-8")
    lock = claim(tmp_path)
    assert lock.held
    lock.release()


@needs_chmod
def test_a_folder_that_cannot_be_written_is_not_locked_and_not_changed(tmp_path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    with read_only(root):
        lock = claim(root)
        assert not lock.held
        lock.release()
    assert list(root.iterdir()) == []
