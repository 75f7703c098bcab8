"""Kill writing processes with SIGKILL at random moments and check the store after each.

Shared by tests/crash/test_kill_during_writes.py and tests/benchmarks/soak_kill9.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scr_reflect.domain.records import Child
from scr_reflect.services import workspace
from scr_reflect.storage import keyslots
from scr_reflect.storage.store import StoreFiles
from tests.core_fixtures import PROFILE
from tests.crash.checks import Acknowledged, StoreCheck, check_store
from tests.fictional import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
# Crash safety does not rest on the cost of Argon2id, and two unlocks a run at 64 MiB would
# make the test nearly twice as long: the folders' slot uses cheap parameters the header allows.
FAST_KDF_MEMORY_KIB, FAST_KDF_TIME = 8 * 1024, 1
# A fresh folder now and then keeps the check after each kill quick (it reads every record);
# each folder still grows to a thousand records or more.
RUNS_PER_FOLDER = 50
# Alembic keeps its migration context in module globals, so a process opens one store at a
# time (as the app does, on its one lane); rigs running in threads take turns to check.
_OPENING = threading.Lock()


@dataclass(frozen=True)
class RunResult:
    run: int
    killed_at: float  # time.time()
    acknowledged: int  # writes (records and drafts) acknowledged by this run's writer
    check: StoreCheck


def kill_runs(
    base: Path, runs: int, rng: random.Random, delay_s: tuple[float, float] = (0.02, 0.2)
) -> Iterator[RunResult]:
    """Start a writer, kill it a random `delay_s` after it unlocked, check the store; repeat."""
    rig = KillRig()
    try:
        for run in range(1, runs + 1):
            if (run - 1) % RUNS_PER_FOLDER == 0:
                root, acked = base / f"data-{run}", Acknowledged()
                with _OPENING:
                    prepare_folder(root)
            killed_at, count = rig.kill_one(root, run, acked, rng.uniform(*delay_s))
            with _OPENING:
                check = check_store(root, acked)
            yield RunResult(run, killed_at, count, check)
    finally:
        rig.close()


def prepare_folder(root: Path) -> None:
    """A data folder set up as the app does, with one fictional child to write about."""
    ws = workspace.set_up(root, PASSPHRASE, PASSPHRASE, PROFILE)
    ws.records.add_child(Child("Casey Crashworth", date(2014, 5, 1)))
    ws.close()
    header = StoreFiles(root).header
    slots = keyslots.load_header(header)
    data_key = keyslots.unlock(slots, PASSPHRASE)
    kdf = keyslots.KdfParams(
        salt=slots[0].kdf.salt, time_cost=FAST_KDF_TIME, memory_cost_kib=FAST_KDF_MEMORY_KIB
    )
    dsl_slot = keyslots.person_slot_name(1)
    fast = keyslots.wrap(data_key, PASSPHRASE, dsl_slot, kdf)
    keyslots.save_header(header, [fast if s.name == dsl_slot else s for s in slots])


class KillRig:
    """One parent process that forks a writer per run (tests/crash/writer.py)."""

    def __init__(self) -> None:
        self._parent = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.writer"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            start_new_session=True,  # its own process group, writers included: see close()
        )

    def kill_one(
        self, root: Path, run: int, acked: Acknowledged, delay_s: float
    ) -> tuple[float, int]:
        """Returns when the writer was killed and how many writes it acknowledged."""
        assert self._parent.stdin is not None
        self._parent.stdin.write(f"run {run} {root}\n")
        self._parent.stdin.flush()
        lines = self._read_until(run, "pid", "ready")
        # The random moment is the test's input, not a wait for something to happen.
        time.sleep(delay_s)
        killed_at = time.time()
        os.kill(_number(lines, "pid"), signal.SIGKILL)
        lines += self._read_until(run, "exited")
        status = _number(lines, "exited")
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"run {run}: the writer stopped by itself (status {status}) before the kill"
        )
        writes = [line for line in lines if line.split()[0] in ("draft", "concern", "entry")]
        for line in writes:
            acked.take(line)
        return killed_at, len(writes)

    def close(self) -> None:
        assert self._parent.stdin is not None
        self._parent.stdin.close()
        try:
            self._parent.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a run stopped short and left its writer writing
            os.killpg(self._parent.pid, signal.SIGKILL)
            self._parent.wait()

    def _read_until(self, run: int, *wanted: str) -> list[str]:
        """Lines until one of each wanted kind has come, in whatever order they come."""
        assert self._parent.stdout is not None
        lines: list[str] = []
        missing = set(wanted)
        while missing:
            line = self._parent.stdout.readline()
            if not line:
                raise RuntimeError(f"run {run}: the writers' parent process ended")
            kind = line.split()[0]
            if kind == "exited" and kind not in wanted:
                raise AssertionError(f"run {run}: the writer failed before it was ready")
            missing.discard(kind)
            lines.append(line)
        return lines


def _number(lines: list[str], kind: str) -> int:
    """The last word of the line of that kind ("pid RUN PID", "exited RUN STATUS")."""
    return int(next(line for line in lines if line.startswith(f"{kind} ")).split()[-1])
