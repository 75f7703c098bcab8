"""kill -9 soak (not part of the test run): 1,000 writers killed at random moments.

    .venv/bin/python -m tests.benchmarks.soak_kill9 [--runs N] [--seed S]

The same rig and checks as tests/crash/test_kill_during_writes.py, five times over. After each
kill the store must open, pass integrity_check and cipher_integrity_check, hold every
acknowledged write and nothing that was never written, and keep the newest acknowledged draft.
Prints the figures for the README: runs, failures, time, writes acknowledged, and how old the
stored draft was at the moment of the kill (the typing a crash can lose).
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

RIGS = 2


def soak(folder: Path, runs: int, seed: int) -> list[RunResult]:
    return list(kill_runs(folder, runs, random.Random(seed)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=random.randrange(2**32))
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


if __name__ == "__main__":
    main()
