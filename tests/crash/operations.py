"""Kill -9 during the store's other writes: a passphrase change, a backup, a restore and a
retention deletion. Each run starts a process that repeats one of them until it is killed at
a random moment; the folder is then opened as the app would open it, and checked.

    python -m tests.crash.operations OPERATION DATA_DIR     (prints "ready" once it starts)

After each kill: an interrupted restore is settled (finished or undone) as at any start, the
folder is set up, the store opens with one of the two passphrases in turn, and every check
`verify` makes passes (page HMACs, integrity_check, schema, the audit chain and its head).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from scr_reflect.domain.records import Child
from scr_reflect.services import workspace
from scr_reflect.services.backups import Backup, Restore
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.errors import WrongPassphrase
from scr_reflect.services.folder_lock import settle_interrupted_restore
from scr_reflect.services.retention import RetentionService
from scr_reflect.storage import restore_journal
from scr_reflect.storage.store import StoreFiles
from tests.crash.harness import REPO, prepare_folder
from tests.fictional import PASSPHRASE
from tests.store_access import store_of

OPERATIONS = ("passwd", "backup", "restore", "retention")
# The passphrase a change alternates with: either may be the one in place after a kill.
OTHER_PASSPHRASE = "quiet meadow lantern orbit pebble"
PASSPHRASES = (PASSPHRASE, OTHER_PASSPHRASE)
KEPT_BACKUP = "kept"  # a backup made at preparation, for the restores to put in place
REVIEWED_AT = datetime(2060, 1, 5, 9, 0)  # long after the children added are past review


def prepare(root: Path) -> None:
    """A folder as harness.prepare_folder makes it, and a backup of it to restore."""
    prepare_folder(root)
    ws = workspace.unlock(root, PASSPHRASE)
    try:
        backup = Backup(store_of(ws), ws.clock.now(), root.parent / KEPT_BACKUP)
        for _step in backup.steps():
            pass
    finally:
        ws.close()


def _kept_backup(root: Path) -> Path:
    return next((root.parent / KEPT_BACKUP).glob("*.db"))


def repeat_until_killed(operation: str, root: Path) -> None:
    if operation == "restore":
        backup = _kept_backup(root)
        print("ready", flush=True)
        while True:
            for _step in Restore(root, backup, PASSPHRASE, _now()).steps():
                pass
    ws = _unlock_with_either(root)
    # Deletion asks for a review date passed: the reviewer's clock is set long after today.
    reviewer = RetentionService(store_of(ws).retention, FixedClock(REVIEWED_AT), ws.person.name)
    print("ready", flush=True)
    while True:
        if operation == "passwd":
            current = _current(ws, root)
            new = PASSPHRASES[1 - PASSPHRASES.index(current)]
            ws.people.change_passphrase(current, new, new)
        elif operation == "backup":
            for _step in Backup(store_of(ws), ws.clock.now()).steps():
                pass
        else:  # a child whose review date has passed, deleted
            change = ws.records.add_child(Child("Fictional Pupil Long Gone", date(2012, 4, 1)))
            assert change.child_id is not None
            reviewer.delete_child(change.child_id, "DELETE")


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _unlock_with_either(root: Path) -> workspace.Workspace:
    for passphrase in PASSPHRASES:
        try:
            return workspace.unlock(root, passphrase)
        except WrongPassphrase:
            continue
    raise AssertionError("neither passphrase opens the store")


def _current(ws: workspace.Workspace, root: Path) -> str:
    return next(p for p in PASSPHRASES if store_of(ws).keys.opens(ws.person.id, p))


def check_after_kill(root: Path) -> list[str]:
    """What is wrong with the folder, opened as the app opens it after a crash."""
    settle_interrupted_restore(root)
    problems = []
    if restore_journal.journal(root).exists():
        problems.append("the restore journal was not settled")
    if not StoreFiles(root).is_initialised() or not StoreFiles(root).database.exists():
        return [*problems, "the folder no longer holds a whole store"]
    ws = _unlock_with_either(root)
    try:
        problems += [f"{f.check}: {p}" for f in store_of(ws).verify() for p in f.problems]
    finally:
        ws.close()
    return problems


def kill_during(operation: str, base: Path, runs: int, rng: random.Random) -> Iterator[list[str]]:
    """Kill a process doing `operation` `runs` times at random moments; yields each check."""
    root = base / operation / "data"
    prepare(root)
    for _run in range(runs):
        doer = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.operations", operation, str(root)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert doer.stdout is not None and doer.stdout.readline().strip() == "ready"
        # The random moment is the test's input, not a wait for something to happen.
        time.sleep(rng.uniform(0.0, 0.4))
        if doer.poll() is not None:
            raise AssertionError(f"the {operation} process stopped by itself before the kill")
        os.kill(doer.pid, signal.SIGKILL)
        doer.wait()
        yield check_after_kill(root)


if __name__ == "__main__":
    repeat_until_killed(sys.argv[1], Path(sys.argv[2]))
