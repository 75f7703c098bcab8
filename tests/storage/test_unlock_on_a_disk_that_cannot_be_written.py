"""A full disk or a read-only folder: the records open for reading, never "wrong passphrase".

Both run on real disks: a small tmpfs filled up, and a folder made read-only for an account
that is not root (as root, the check runs as nobody), so neither is skipped in CI."""

from __future__ import annotations

from datetime import date

import pytest

from scr_reflect.domain.records import Child
from scr_reflect.storage import audit_pending
from scr_reflect.storage.storage_problems import DiskFull, StorageProblem
from scr_reflect.storage.store import StoreFiles, create_store, open_store
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.real_disks import (
    fill_up,
    folder_for_another_account,
    run_as_that_account,
    small_tmpfs,
)

PUPIL = Child("Fictional Pupil Ayo", date(2014, 2, 3))


def test_a_full_disk_opens_the_records_for_reading_only() -> None:
    with small_tmpfs() as disk:
        files = StoreFiles(disk / "data")
        store = create_store(files, PASSPHRASE, PROFILE, NOW)
        store.repository.add_child(PUPIL, NOW)
        store.close()
        fill_up(disk)

        # Not WrongKey: the passphrase was right. The window and reading commands ask for this.
        store = open_store(files, PASSPHRASE, NOW, reading_only_if_need_be=True)
        try:
            assert isinstance(store.read_only, DiskFull)
            assert len(store.repository.search_child_ids("")) == 1
            with pytest.raises(StorageProblem):
                store.repository.add_child(PUPIL, NOW)
        finally:
            store.close()


# Set up as that account, make the folder read-only to it, then unlock and try to write.
_READ_ONLY_FOLDER = """
import sys
from datetime import date
from pathlib import Path
from scr_reflect.domain.records import Child
from scr_reflect.storage.storage_problems import FolderReadOnly
from scr_reflect.storage.store import StoreFiles, create_store, open_store
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
files = StoreFiles(Path(sys.argv[1]) / "data")
store = create_store(files, PASSPHRASE, PROFILE, NOW)
store.repository.add_child(Child("Fictional Pupil Ayo", date(2014, 2, 3)), NOW)
store.close()
for path in [*files.root.iterdir(), files.root]:
    path.chmod(0o500 if path.is_dir() else 0o400)
store = open_store(files, PASSPHRASE, NOW, reading_only_if_need_be=True)
print(type(store.read_only).__name__, len(store.repository.search_child_ids("")))
try:
    store.repository.add_child(Child("Fictional Pupil Bea", date(2014, 2, 3)), NOW)
    print("written")
except FolderReadOnly:
    print("refused")
store.close()
"""


def test_a_read_only_folder_opens_the_records_for_reading_only() -> None:
    with folder_for_another_account() as folder:
        ran = run_as_that_account(_READ_ONLY_FOLDER, str(folder))
        assert ran.returncode == 0, ran.stderr[-2000:]
        assert ran.stdout.split() == ["FolderReadOnly", "1", "refused"]
        # The folder could not take even the note of the unlock.
        assert not (folder / "data" / audit_pending.FILE_NAME).exists()
