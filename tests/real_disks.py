"""Real disks for the storage tests: a small tmpfs filled up, and a folder read-only to an
account that is not root (root ignores file modes, so as root the check runs as nobody).

Nothing here patches the operating system: the kernel refuses the writes itself."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@contextmanager
def small_tmpfs(size_kib: int = 2048) -> Iterator[Path]:
    """A tmpfs of this size mounted on a new folder; skipped where mounting is not allowed."""
    where = Path(tempfile.mkdtemp(prefix="scr-reflect-tmpfs-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip("this account may not mount a tmpfs (needs root, outside a locked container)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)
        where.rmdir()


def fill_up(folder: Path) -> None:
    """Write until the disk says it is full."""
    try:
        with (folder / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
    except OSError:  # full: the last buffer may fail again as the file closes
        pass


def _account() -> list[str]:
    """The command prefix that runs a program as an account file modes apply to."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    pytest.skip("running as root with neither setpriv nor runuser to run as another account")


@contextmanager
def folder_for_another_account() -> Iterator[Path]:
    """A new folder the account of run_as_that_account can reach and own."""
    base = next(
        (p for p in (tempfile.gettempdir(), "/var/tmp", "/dev/shm") if os.stat(p).st_mode & 1),
        None,
    )
    if base is None:
        pytest.skip("no temp folder other accounts may enter")
    folder = Path(tempfile.mkdtemp(prefix="scr-reflect-ro-", dir=base))
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.chmod(0o700) if path.is_dir() else None
        folder.chmod(0o700)
        shutil.rmtree(folder)


def run_as_that_account(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO),
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": "/nonexistent",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [*_account(), sys.executable, "-c", script, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
