"""The whole app as a DSL meets it, in this process: the command line's demo caseload, then the
window as app.build_window makes it (log file, crash hook, core dumps off, the lane thread,
the settings file, the one-instance lock). All data is the fictional demo caseload.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from scr_reflect import app
from scr_reflect.cli import commands as cli
from scr_reflect.domain.enums import Category
from scr_reflect.ui.main_window import MainWindow
from tests.fictional import PASSPHRASE

LEFT = Qt.MouseButton.LeftButton


@contextmanager
def process_state_kept() -> Iterator[None]:
    """build_window sets logging, the crash hook and the umask for the whole process: undo them.

    The core dump limit it lowers stays lowered: harmless, and only root could raise it."""
    logger = logging.getLogger()
    handlers, level, hook = list(logger.handlers), logger.level, sys.excepthook
    mask = os.umask(0o022)
    os.umask(mask)
    try:
        yield
    finally:
        os.umask(mask)
        for handler in logger.handlers:
            if handler not in handlers:
                handler.close()
        logger.handlers[:] = handlers
        logger.setLevel(level)
        sys.excepthook = hook


def run_cli(*argv: str) -> None:
    assert cli.main(list(argv)) == cli.EXIT_OK, argv


def load_demo(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Set a data folder up and load the demo caseload, as `scr-reflect demo --init` does."""
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    run_cli("demo", "--init", "--data-dir", str(root))


def open_window(qtbot, root: Path) -> MainWindow:
    """The window the launcher opens, unlocked through its unlock page."""
    window = app.build_window(["--data-dir", str(root)])
    assert window is not None, "another run holds the data folder"
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_page.unlock, LEFT)
    qtbot.waitUntil(
        lambda: window.view is not None and window.view.children_pane.model.rowCount() > 0
    )
    return window


def record_concern(qtbot, window: MainWindow, what_happened: str) -> None:
    """Ctrl+N for the selected child, typed in and saved; waits for its chronology line."""
    view = window.view
    assert view is not None
    before = view.chronology.model.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = view.forms[-1]
    qtbot.keyClicks(form.findChild(QWidget, "raised_by"), "Mx Quillon, form tutor")
    qtbot.keyClicks(form.findChild(QWidget, "what_happened"), what_happened)
    form.findChild(QWidget, "categories").boxes[Category.NEGLECT].click()  # may be scrolled off
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    qtbot.waitUntil(lambda: view.chronology.model.rowCount() == before + 1)
