"""The unlock page shows before the records' libraries load; they load behind it.

Run in a fresh interpreter, as a cold start is: the test process has them loaded already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# What the unlock page must not wait for: the store, its key derivation, documents, the
# passphrase checker's word lists, the guidance files' reader.
NOT_BEFORE_THE_UNLOCK_PAGE = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "alembic",
    "reportlab",
    "argon2",
    "zxcvbn",
    "tomllib",
    "scr_reflect.services.workspace",
    "scr_reflect.ui.workspace_view",
)
# reportlab waits for the first document, zxcvbn for a passphrase to be chosen
# (test_unlocking_loads_no_checker.py); the rest loads while the passphrase is typed.
LOADED_BEHIND_IT = tuple(
    name for name in NOT_BEFORE_THE_UNLOCK_PAGE if name not in ("reportlab", "zxcvbn")
)

BUILD_THE_WINDOW = """
import sys
from scr_reflect.app import build_window
window = build_window(["--data-dir", sys.argv[1]])
assert window is not None
print(" ".join(sorted(set(sys.argv[2:]) & set(sys.modules))))
"""

LOAD_BEHIND_IT = """
import sys
from scr_reflect.ui import records_libraries
records_libraries.load_in_background().join()
print(" ".join(sorted(set(sys.argv[2:]) - set(sys.modules))))
"""


def _run(script: str, data_dir: Path, modules: tuple[str, ...]) -> list[str]:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_dir), *modules],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=True,
    )
    return done.stdout.split()


def test_the_unlock_page_loads_none_of_the_records_libraries(tmp_path: Path) -> None:
    assert _run(BUILD_THE_WINDOW, tmp_path / "data", NOT_BEFORE_THE_UNLOCK_PAGE) == []


def test_the_records_libraries_load_in_the_background(tmp_path: Path) -> None:
    assert _run(LOAD_BEHIND_IT, tmp_path / "data", LOADED_BEHIND_IT) == []
