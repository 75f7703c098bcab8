"""Unlocking and reading a child's records load neither the passphrase checker nor pdfium.

Both are needed only later (choosing a passphrase, a document's preview), and unlocking runs
Argon2's 64 MiB on top of whatever is loaded by then; cryptography, which the unlock needs
only once Argon2 is done, is not loaded ahead of it either. Run in a fresh interpreter: the
test process has them all loaded already."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from scr_reflect.domain.records import Child, SchoolProfile
from scr_reflect.services import workspace
from tests.fictional import PASSPHRASE

NOT_LOADED_TO_READ = ("zxcvbn", "pypdfium2")

UNLOCK_AND_READ = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from scr_reflect.ui import records_libraries
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.shared.task_runner import SyncRunner
root, settings, passphrase, child = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
window = MainWindow(
    root,
    SyncRunner(),
    set_up=lambda *_: None,
    unlock=lambda typed: records_libraries.unlock(root, typed),
    settings=QSettings(settings, QSettings.Format.IniFormat),
)
window.show()
records_libraries.load_in_background().join()  # as while the passphrase is typed
print("ahead:", "cryptography" in sys.modules)
window.unlock_page.passphrase.setText(passphrase)
window.unlock_page.unlock.click()
app.processEvents()
view = window.view
view.show_child(child)
for index in range(view.tabs.count()):
    view.tabs.setCurrentIndex(index)
    app.processEvents()
print("read", view.tabs.count(), "tabs")
print("loaded:", *sorted(set(sys.argv[5:]) & set(sys.modules)))
"""


def test_what_unlocking_and_reading_a_child_leave_unloaded(tmp_path: Path) -> None:
    root = tmp_path / "data"
    space = workspace.set_up(
        root, PASSPHRASE, PASSPHRASE, SchoolProfile("Larkspur Vale", "Sam Okafor")
    )
    child = space.records.add_child(Child("Ada Fernsby-Obi", date(2012, 3, 4))).child_id
    space.close()
    repository = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            UNLOCK_AND_READ,
            str(root),
            str(tmp_path / "settings.ini"),
            PASSPHRASE,
            str(child),
            *NOT_LOADED_TO_READ,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(repository)},
        cwd=repository,
        check=True,
    )
    ahead, read, loaded = done.stdout.splitlines()
    assert ahead == "ahead: False"  # cryptography loads once Argon2 is done
    assert read.startswith("read ") and int(read.split()[1]) > 1  # the child's tabs were shown
    assert loaded == "loaded:"


SHOW_THE_SETUP_PAGE = """
import sys, threading
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.shared.task_runner import SyncRunner
window = MainWindow(
    Path(sys.argv[1]),
    SyncRunner(),
    set_up=lambda *_: None,
    unlock=lambda _typed: None,
    settings=QSettings(sys.argv[2], QSettings.Format.IniFormat),
)
print("zxcvbn" in sys.modules)
window.show()
app.processEvents()
for thread in threading.enumerate():
    if thread.name == "load-passphrase-checker":
        thread.join()
print("zxcvbn" in sys.modules)
"""


def test_the_setup_page_loads_the_checker_behind_it_as_it_shows(tmp_path: Path) -> None:
    repository = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SHOW_THE_SETUP_PAGE, str(tmp_path / "new"), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(repository)},
        cwd=repository,
        check=True,
    )
    assert done.stdout.split() == ["False", "True"]  # not before the page, then behind it
