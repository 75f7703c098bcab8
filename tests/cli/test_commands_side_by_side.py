"""Commands that only read run side by side, and beside the window: each one's writes (its
unlock entry in the audit trail, the daily backup) wait their turn, and the trail stays whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from scr_reflect.cli import commands as cli
from tests.fictional import PASSPHRASE
from tests.other_program import REPO, folder_held_elsewhere

ROUNDS, AT_ONCE = 3, 4


def _start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, cli.PASSPHRASE_ENV: PASSPHRASE, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "scr_reflect.cli.commands", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_at_once(*args: str) -> list[tuple[int, str]]:
    running = [_start(*args) for _ in range(AT_ONCE)]
    return [(p.wait(), p.communicate()[1]) for p in running]


def test_four_listings_at_once_never_fork_the_trail(demo_dir: Path) -> None:
    for _round in range(ROUNDS):
        results = _run_at_once("children", "--data-dir", str(demo_dir))
        assert results == [(0, "")] * AT_ONCE
    verify = _start("verify", "--data-dir", str(demo_dir))
    out, _err = verify.communicate()
    assert verify.returncode == 0, out


def test_listings_beside_the_window_leave_its_backups_alone(demo_dir: Path) -> None:
    backups = demo_dir / "backups"
    shutil.rmtree(backups, ignore_errors=True)  # so today's backup is due
    with folder_held_elsewhere(demo_dir):
        assert _run_at_once("children", "--data-dir", str(demo_dir)) == [(0, "")] * AT_ONCE
    assert not backups.exists() or list(backups.iterdir()) == []
