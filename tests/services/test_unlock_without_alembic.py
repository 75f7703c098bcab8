"""Unlocking a store already at the newest schema leaves Alembic unimported; an older one
still migrates (after a backup), which needs it.

Run in a fresh interpreter: the test process has Alembic loaded already."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.storage import schema
from scr_reflect.storage.store import StoreFiles
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE, unlocked_engine

V0001 = Path(__file__).parents[1] / "data" / "v0001_store"

UNLOCK = """
import sys
from pathlib import Path
from scr_reflect.services import workspace
ws = workspace.unlock(Path(sys.argv[1]), sys.argv[2])
children = len(ws.records.search_children(""))
ws.close()
print(children, "alembic" in sys.modules)
"""


def _unlock_in_a_fresh_process(root: Path) -> tuple[int, bool]:
    repository = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repository)}
    done = subprocess.run(
        [sys.executable, "-c", UNLOCK, str(root), PASSPHRASE],
        capture_output=True,
        text=True,
        env=env,
        cwd=repository,
        check=True,
    )
    children, alembic_loaded = done.stdout.split()
    return int(children), alembic_loaded == "True"


def _revision(database: Path, header: Path) -> str | None:
    engine = unlocked_engine(database, header)
    try:
        return schema.current_revision(engine)
    finally:
        engine.dispose()


def test_unlocking_a_current_store_does_not_import_alembic(data_root: Path) -> None:
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW)).close()

    assert _unlock_in_a_fresh_process(data_root) == (0, False)
    assert list(StoreFiles(data_root).backups.glob("before-migration-*")) == []


def test_unlocking_an_older_store_backs_it_up_and_migrates_it(tmp_path: Path) -> None:
    files = StoreFiles(tmp_path / "data")
    shutil.copytree(V0001, files.root)

    assert _unlock_in_a_fresh_process(files.root) == (2, True)
    assert _revision(files.database, files.header) == schema.HEAD
    [backup] = files.backups.glob("before-migration-from-0001-*.db")
    assert _revision(backup, backup.with_suffix(".keys.json")) == "0001"
