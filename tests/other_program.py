"""Another program on the same data folder: a second process holding its lock, or running a
command, so tests see what two processes at once do (one process cannot stand in for two:
the lock is the operating system's, held per open file)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Takes the folder, says so, and waits until its stdin closes or it is killed.
_HOLD = """
import sys
from pathlib import Path
from scr_reflect.storage.folder_lock import claim
lock = claim(Path(sys.argv[1]))
print("held" if lock.held else "not held", flush=True)
sys.stdin.read()
"""


@contextmanager
def folder_held_elsewhere(root: Path) -> Iterator[subprocess.Popen[str]]:
    """The folder's lock held by another process for the length of the block."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()
