"""kill -9 during writes: after each of 200 kills at random moments, the store opens, passes
integrity_check and cipher_integrity_check, holds every write that was acknowledged (and
nothing that was not written), and keeps the newest acknowledged draft.

A writer (tests/crash/writer.py) unlocks a real data folder through the services, records
concerns and chronology notes in a loop, saves a draft every half second, and prints each
record's id once its commit has returned. The 1,000-run soak is tests/benchmarks/soak_kill9.py.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.crash.harness import kill_runs

RUNS = 200
# Two rigs on two data folders at once: each spends half its time waiting for the moment to
# kill, so together they take little longer than one.
RIGS = 2


def _kill_and_check(folder: Path, runs: int, seed: int) -> tuple[list[str], int]:
    """The first run's problems, if any run had one; and how many writes were acknowledged."""
    acknowledged = 0
    for result in kill_runs(folder, runs, random.Random(seed)):
        acknowledged += result.acknowledged
        if result.check.problems:
            return [f"run {result.run}: {p}" for p in result.check.problems], acknowledged
    return [], acknowledged


def test_every_acknowledged_write_survives_kill_9_at_random_moments(tmp_path: Path) -> None:
    # A new seed each time explores new moments; a failure names the seed to replay it.
    seed = int(os.environ.get("SCR_REFLECT_CRASH_SEED") or random.randrange(2**32))
    with ThreadPoolExecutor(RIGS) as pool:
        rigs = [
            pool.submit(_kill_and_check, tmp_path / f"rig-{i}", RUNS // RIGS, seed + i)
            for i in range(RIGS)
        ]
        outcomes = [rig.result() for rig in rigs]
    assert [p for problems, _ in outcomes for p in problems] == [], f"SCR_REFLECT_CRASH_SEED={seed}"
    # The kills fell among writes, not before the first: most runs acknowledge several.
    assert sum(count for _, count in outcomes) > RUNS
