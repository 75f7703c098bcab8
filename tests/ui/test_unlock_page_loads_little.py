"""The unlock page shows before the records' libraries load; they load behind it.

Run in a fresh interpreter, as a cold start is: the test process has them loaded already."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from scr_reflect.domain.records import SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from tests.fictional import PASSPHRASE

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
# Nor what only a page or dialog not in view needs: the recovery code's page and dialog, the
# settings and About dialogs, the school's records, Qt's printing; nor the clipboard's digest.
BUILT_WHEN_ASKED_FOR = (
    "scr_reflect.ui.access.recover_page",
    "scr_reflect.ui.access.recovery_code_dialog",
    "scr_reflect.ui.access.new_passphrase",
    "scr_reflect.ui.settings_dialog",
    "scr_reflect.ui.about_dialog",
    "scr_reflect.domain.records",
    "PySide6.QtPrintSupport",
    "hashlib",
)
# reportlab waits for the first document, Alembic for a store to migrate, zxcvbn for a
# passphrase to be chosen (test_unlocking_loads_no_checker.py); the rest loads while the
# passphrase is typed.
LOADED_BEHIND_IT = tuple(
    name for name in NOT_BEFORE_THE_UNLOCK_PAGE if name not in ("reportlab", "alembic", "zxcvbn")
)

BUILD_THE_WINDOW = """
import sys
from scr_reflect.app import build_window
window = build_window(["--data-dir", sys.argv[1]])
assert window is not None
print(" ".join(sorted(set(sys.argv[2:]) & set(sys.modules))))
"""

# A folder already set up, as most starts find it: the window opens on its unlock page.
BUILD_THE_UNLOCK_WINDOW = BUILD_THE_WINDOW.replace(
    "assert window is not None", "assert window.stack.currentWidget() is window.unlock_page"
)

# Qt animates a main window's layout with objects of its own private classes and their timer;
# nothing in this window moves, so none is made.
SHOW_THE_WINDOW = """
import sys
from PySide6.QtCore import QPropertyAnimation
from PySide6.QtWidgets import QApplication
from scr_reflect.app import build_window
window = build_window(["--data-dir", sys.argv[1]])
window.show()
QApplication.processEvents()
print(len(window.findChildren(QPropertyAnimation)))
"""

# The load starts once the window is drawn, not before, though the event loop runs.
LOAD_ONCE_DRAWN = """
import sys, threading, time
from PySide6.QtWidgets import QApplication
from scr_reflect.app import build_window
def loading():
    return any(t.name == "load-records-libraries" for t in threading.enumerate())
window = build_window(["--data-dir", sys.argv[1]])
for _ in range(3):
    QApplication.processEvents()  # the event loop runs, but nothing is drawn yet
before = loading() or "sqlalchemy" in sys.modules
window.show()
deadline = time.monotonic() + 30
while "sqlalchemy" not in sys.modules and time.monotonic() < deadline:
    QApplication.processEvents()
print(before, "sqlalchemy" in sys.modules)
"""

LOAD_BEHIND_IT = """
import sys
from scr_reflect.ui import records_libraries
records_libraries.load_in_background().join()
print(" ".join(sorted(set(sys.argv[2:]) - set(sys.modules))))
"""

# The collector's walks leave the libraries out: their classes are not among what it tracks.
LOADED_AND_FROZEN = """
import gc
from sqlalchemy.orm import Session
from scr_reflect.ui import records_libraries
from scr_reflect.ui.workspace_view import WorkspaceView
records_libraries.load_in_background().join()
print(any(o is Session or o is WorkspaceView for o in gc.get_objects()))
"""

# A store opened before the libraries finish loading (an unlock typed very fast): what it made
# is not frozen with them, so it can go once the store is locked.
OPENED_BEFORE_LOADED = """
import gc, sys
from pathlib import Path
from scr_reflect.domain.records import SchoolProfile
from scr_reflect.ui import records_libraries
profile = SchoolProfile("Riverside Academy", "Sam Okafor")
passphrase = sys.argv[2]
records_libraries.set_up(Path(sys.argv[1]), passphrase, passphrase, profile).close()
records_libraries.load_in_background().join()
print(gc.get_freeze_count())
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


def test_the_unlock_page_loads_none_of_the_pages_it_does_not_show(tmp_path: Path) -> None:
    root = tmp_path / "data"
    profile = SchoolProfile("Riverside Academy", "Sam Okafor")
    workspace.set_up(
        root, PASSPHRASE, PASSPHRASE, profile, FixedClock(datetime(2026, 12, 1))
    ).close()
    modules = (*NOT_BEFORE_THE_UNLOCK_PAGE, *BUILT_WHEN_ASKED_FOR)
    assert _run(BUILD_THE_UNLOCK_WINDOW, root, modules) == []


def test_the_records_libraries_load_in_the_background(tmp_path: Path) -> None:
    assert _run(LOAD_BEHIND_IT, tmp_path / "data", LOADED_BEHIND_IT) == []


def test_what_the_records_libraries_load_is_left_out_of_garbage_collection(
    tmp_path: Path,
) -> None:
    assert _run(LOADED_AND_FROZEN, tmp_path / "data", ()) == ["False"]


def test_nothing_is_frozen_once_a_store_was_opened_before_the_libraries_loaded(
    tmp_path: Path,
) -> None:
    assert _run(OPENED_BEFORE_LOADED, tmp_path / "data", (PASSPHRASE,)) == ["0"]


def test_the_records_libraries_start_loading_once_the_window_is_drawn(tmp_path: Path) -> None:
    assert _run(LOAD_ONCE_DRAWN, tmp_path / "data", ()) == ["False", "True"]


def test_showing_the_window_starts_no_animation_of_its_layout(tmp_path: Path) -> None:
    assert _run(SHOW_THE_WINDOW, tmp_path / "data", ()) == ["0"]
