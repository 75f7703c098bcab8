"""kill -9 during a passphrase change, a backup, a restore and a retention deletion: after
each kill the folder holds a whole store that opens with the old or the new passphrase and
passes every check, and a restore is either done or undone. A few kills each keep the suite
quick; tests/benchmarks/soak_kill9.py runs many more."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.crash.operations import OPERATIONS, kill_during

KILLS_EACH = 3


@pytest.mark.parametrize("operation", OPERATIONS)
def test_the_store_is_whole_after_kill_9_during(operation: str, tmp_path: Path) -> None:
    seed = int(os.environ.get("SCR_REFLECT_CRASH_SEED") or random.randrange(2**32))
    found = [
        p
        for problems in kill_during(operation, tmp_path, KILLS_EACH, random.Random(seed))
        for p in problems
    ]
    assert found == [], f"SCR_REFLECT_CRASH_SEED={seed}"
