"""kill -9 soak (not part of the test run): 1,000 writers killed at random moments.

    .venv/bin/python -m tests.benchmarks.soak_kill9 [--runs N] [--seed S]

The same rig and checks as tests/crash/test_kill_during_writes.py, five times over. After each
kill the store must open, pass integrity_check and cipher_integrity_check, hold every
acknowledged write and nothing that was never written, and keep the newest acknowledged draft.
Prints the figures for the README: runs, failures, time, writes acknowledged, and how old the
stored draft was at the moment of the kill (the typing a crash can lose).

Then --operation-runs kills (default 50) during each of a passphrase change, a backup, a
restore and a retention deletion (tests/crash/operations.py), each followed by the same
check as at any start: a restore cut short settled, the store whole and verified.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.crash.harness import RunResult, kill_runs
from tests.crash.operations import OPERATIONS, kill_during

RIGS = 2


def soak(folder: Path, runs: int, seed: int) -> list[RunResult]:
    return list(kill_runs(folder, runs, random.Random(seed)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=random.randrange(2**32))
    parser.add_argument("--operation-runs", type=int, default=50)
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(RIGS) as pool:
        rigs = [
            pool.submit(soak, Path(scratch) / f"rig-{i}", args.runs // RIGS, args.seed + i)
            for i in range(RIGS)
        ]
        results = [result for rig in rigs for result in rig.result()]
    took = time.perf_counter() - start
    failed = [r for r in results if r.check.problems]
    ages = [r.killed_at - r.check.draft_typed_at for r in results if r.check.draft_typed_at]
    print(f"kill -9 soak, seed {args.seed}")
    print(f"runs                    {len(results)}")
    print(f"failures                {len(failed)}")
    print(f"time                    {took:.0f} s")
    print(f"writes acknowledged     {sum(r.acknowledged for r in results)}")
    print(f"draft age at kill       median {statistics.median(ages):.2f} s, max {max(ages):.2f} s")
    for result in failed[:5]:
        print(f"run {result.run}: {'; '.join(result.check.problems[:3])}")
    with tempfile.TemporaryDirectory() as scratch:
        rng = random.Random(args.seed)
        for operation in OPERATIONS:
            checks = list(kill_during(operation, Path(scratch), args.operation_runs, rng))
            bad = [problems for problems in checks if problems]
            print(f"kills during {operation:<11} {len(checks)}, failures {len(bad)}")
            for problems in bad[:3]:
                print(f"  {'; '.join(problems[:3])}")


if __name__ == "__main__":
    main()
