"""Window fixtures: a real data folder, the synchronous runner, a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.ui.access.recovery_code_dialog import RecoveryCodeDialog
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.shared.task_runner import SyncRunner
from tests.fictional import PASSPHRASE

NOW = datetime(2026, 11, 20, 9, 30)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def make_window(qtbot, tmp_path: Path, clock: FixedClock) -> Iterator[Callable[[], MainWindow]]:
    """Build windows on one data folder, as successive runs of the app would."""
    root = tmp_path / "data"
    windows: list[MainWindow] = []

    def build() -> MainWindow:
        window = MainWindow(
            root,
            SyncRunner(),
            set_up=lambda p, r, profile: workspace.set_up(root, p, r, profile, clock),
            unlock=lambda p: workspace.unlock(root, p, clock, reading_only_if_need_be=True),
            settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
            recover=lambda c, p, r: workspace.recover_with_code(root, c, p, r, clock),
        )
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()


@pytest.fixture
def unlocked(make_window, qtbot) -> MainWindow:
    """A window already set up through its own setup page."""
    window = make_window()
    page = window.setup_page
    qtbot.keyClicks(page.school, "Riverside Academy")
    qtbot.keyClicks(page.dsl, "Sam Okafor")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeated, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.view is not None
    put_the_recovery_code_away(window, qtbot)
    return window


def put_the_recovery_code_away(window: MainWindow, qtbot) -> None:
    """What a DSL does with the code shown after setup: confirm it is stored, and go on."""
    dialog = window.keys.dialog
    assert isinstance(dialog, RecoveryCodeDialog) and dialog.isVisible()
    dialog.stored.setChecked(True)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # A window manager gives focus back to the main window; offscreen Qt has none.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
