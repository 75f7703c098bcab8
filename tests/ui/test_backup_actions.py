"""The Safety menu, driven through the window: back up, restore, verify, second folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.records import Child
from scr_reflect.services import workspace
from scr_reflect.services.backups import Backup
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.safety.backup_actions import SECOND_FOLDER_KEY
from scr_reflect.ui.shared import prompts
from scr_reflect.ui.shared.task_runner import LaneRunner
from tests.core_fixtures import PROFILE, folder_state
from tests.fictional import PASSPHRASE
from tests.store_access import store_of

Said = list[tuple[str, str, str]]


def safety(window: MainWindow, text: str) -> QAction:
    """An action as the Safety menu holds it, so the test also proves it is in the menu."""
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Safety"]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    messages: Said = []
    monkeypatch.setattr(
        prompts, "inform", lambda _p, title, text: messages.append(("inform", title, text))
    )
    monkeypatch.setattr(
        prompts, "warn", lambda _p, title, text: messages.append(("warn", title, text))
    )
    return messages


@pytest.fixture
def choose_backup(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    def choose(path: Path, passphrase: str = PASSPHRASE, confirmed: bool = True) -> None:
        monkeypatch.setattr(prompts, "open_file_name", lambda *_a: str(path))
        monkeypatch.setattr(prompts, "ask_passphrase", lambda *_a: passphrase)
        monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: confirmed)

    return choose


def unlock_through_the_page(window: MainWindow, qtbot: Any) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_page.unlock, Qt.MouseButton.LeftButton)
    assert window.workspace is not None


def names(window: MainWindow) -> set[str]:
    records = window.workspace.records
    return {records.child(i).full_name for i in records.search_children("")}


def test_back_up_now_writes_a_backup_and_says_where(unlocked, said, tmp_path):
    safety(unlocked, "Back up now…").trigger()

    made = tmp_path / "data" / "backups" / "scr-reflect-20261120-093000.db"
    assert made.exists()
    assert said == [
        (
            "inform",
            "Backed up",
            f"Backed up to {made.name} in {made.parent}.\n\nThe same passphrase opens it.",
        )
    ]
    assert unlocked.safety.work.dialog is None  # the progress dialog has gone


def test_a_second_folder_is_remembered_and_gets_a_copy(unlocked, said, monkeypatch, tmp_path):
    stick = tmp_path / "usb stick"
    monkeypatch.setattr(prompts, "choose_folder", lambda *_a: str(stick))
    safety(unlocked, "Second backup folder…").trigger()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value(SECOND_FOLDER_KEY) == str(stick)

    safety(unlocked, "Back up now…").trigger()

    assert (stick / "scr-reflect-20261120-093000.db").exists()
    assert said[-1][2].endswith(f"A copy is in {stick}.")

    monkeypatch.setattr(prompts, "choose_folder", lambda *_a: None)
    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: True)
    safety(unlocked, "Second backup folder…").trigger()
    assert unlocked.safety.second_folder() is None


def test_restore_puts_the_backup_in_place_and_keeps_the_store_aside(
    unlocked, said, choose_backup, qtbot, tmp_path
):
    unlocked.workspace.records.add_child(Child("Ada Quillfeather", date(2013, 4, 2)))
    safety(unlocked, "Back up now…").trigger()
    made = tmp_path / "data" / "backups" / "scr-reflect-20261120-093000.db"
    unlocked.workspace.records.add_child(Child("Added Afterwards", date(2014, 5, 6)))
    choose_backup(made)

    safety(unlocked, "Restore from a backup…").trigger()

    assert unlocked.workspace is None
    assert unlocked.stack.currentWidget() is unlocked.unlock_page
    kind, title, text = said[-1]
    assert (kind, title) == ("inform", "Restored")
    assert f"kept in {tmp_path / 'data' / 'before-restore-'}" in text
    unlock_through_the_page(unlocked, qtbot)
    assert names(unlocked) == {"Ada Quillfeather"}
    # The restored store's trail ends with the restore, then this unlock.
    audit = unlocked.workspace.audit
    *_, restored, unlock = audit.entries(list(reversed(audit.seqs(AuditFilter()))))
    assert [e.action for e in (restored, unlock)] == [AuditAction.RESTORE, AuditAction.UNLOCK]
    assert restored.detail.startswith(f"from {made.name}; the store before it is kept in")


def backup_of_another_store(tmp_path: Path, clock) -> Backup:
    """A backup made in another data folder, with one fictional child in it."""
    other = workspace.set_up(tmp_path / "other", PASSPHRASE, PASSPHRASE, PROFILE, clock)
    other.records.add_child(Child("Bartholomew Quillfeather", date(2012, 9, 9)))
    backup = Backup(store_of(other), clock.now())
    for _step in backup.steps():
        pass
    other.close()
    return backup


def test_restore_onto_an_empty_data_folder_from_the_setup_page(
    make_window, said, choose_backup, qtbot, tmp_path, clock
):
    backup = backup_of_another_store(tmp_path, clock)
    window = make_window()
    assert window.stack.currentWidget() is window.setup_page
    choose_backup(backup.made)

    safety(window, "Restore from a backup…").trigger()

    assert window.stack.currentWidget() is window.unlock_page
    assert said[-1][1] == "Restored" and "kept in" not in said[-1][2]
    unlock_through_the_page(window, qtbot)
    assert names(window) == {"Bartholomew Quillfeather"}


def test_a_damaged_backup_is_refused_and_the_folder_is_untouched(
    unlocked, said, choose_backup, qtbot, tmp_path
):
    safety(unlocked, "Back up now…").trigger()
    made = tmp_path / "data" / "backups" / "scr-reflect-20261120-093000.db"
    data = bytearray(made.read_bytes())
    data[len(data) // 2] ^= 0x04
    made.write_bytes(bytes(data))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is unlocked)  # back from the dialog
    qtbot.keyClick(unlocked, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlocked.workspace is None
    before = folder_state(tmp_path / "data")
    choose_backup(made)

    safety(unlocked, "Restore from a backup…").trigger()

    kind, title, text = said[-1]
    assert (kind, title) == ("warn", "Backup refused")
    assert "was refused and nothing was changed" in text and "SHA-256" in text
    assert folder_state(tmp_path / "data") == before


def test_declining_the_restore_changes_nothing(unlocked, said, choose_backup, tmp_path):
    safety(unlocked, "Back up now…").trigger()
    choose_backup(tmp_path / "data" / "backups" / "scr-reflect-20261120-093000.db", confirmed=False)
    safety(unlocked, "Restore from a backup…").trigger()
    assert unlocked.workspace is not None  # the records stay open
    assert [title for _kind, title, _text in said] == ["Backed up"]
    assert not list((tmp_path / "data").glob("before-restore-*"))


def test_verify_the_store_lists_what_passed(unlocked, said):
    safety(unlocked, "Verify your records").trigger()
    kind, title, text = said[-1]
    assert (kind, title) == ("inform", "No problems found")
    assert "• Schema version" in text


def test_verify_a_backup_names_a_truncated_one_and_a_wrong_passphrase(
    unlocked, said, choose_backup, tmp_path
):
    safety(unlocked, "Back up now…").trigger()
    made = tmp_path / "data" / "backups" / "scr-reflect-20261120-093000.db"
    choose_backup(made, passphrase="not the passphrase at all")
    safety(unlocked, "Verify a backup…").trigger()
    assert said[-1][:2] == ("warn", "Wrong passphrase")

    made.write_bytes(made.read_bytes()[:4096])
    choose_backup(made)
    safety(unlocked, "Verify a backup…").trigger()
    kind, title, text = said[-1]
    assert (kind, title) == ("warn", "Problems found")
    assert "truncated" in text


def test_locked_only_restore_and_verify_a_backup_are_offered(unlocked, qtbot):
    qtbot.keyClick(unlocked, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    enabled = {
        text: safety(unlocked, text).isEnabled()
        for text in (
            "Back up now…",
            "Verify your records",
            "Restore from a backup…",
            "Verify a backup…",
        )
    }
    assert enabled == {
        "Back up now…": False,
        "Verify your records": False,
        "Restore from a backup…": True,
        "Verify a backup…": True,
    }


class HeldRunner:
    """Work runs when the test says; results come back only when delivered, as from the lane."""

    def __init__(self) -> None:
        self.waiting: list[
            tuple[Callable[[], Any], Callable[[Any], None], Callable[..., None]]
        ] = []
        self.finished: list[tuple[Callable[[Any], None], Any]] = []

    def run(self, work, on_done, on_error) -> None:
        self.waiting.append((work, on_done, on_error))

    def wait_until_idle(self) -> None:  # as QThreadPool.waitForDone: work done, not delivered
        while self.waiting:
            self._work_one()

    def _work_one(self) -> None:
        work, on_done, on_error = self.waiting.pop(0)
        try:
            self.finished.append((on_done, work()))
        except Exception as error:
            self.finished.append((on_error, error))

    def step(self) -> None:
        self._work_one()
        self.deliver()

    def settle(self) -> None:
        while self.waiting:
            self.step()

    def deliver(self) -> None:
        delivered, self.finished = self.finished, []
        for callback, value in delivered:
            callback(value)


def window_on(runner: Any, root: Path, tmp_path: Path, clock, qtbot) -> MainWindow:
    workspace.set_up(root, PASSPHRASE, PASSPHRASE, PROFILE, clock).close()
    window = MainWindow(
        root,
        runner,
        set_up=lambda p, r, profile: workspace.set_up(root, p, r, profile, clock),
        unlock=lambda p: workspace.unlock(root, p, clock),
        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_page.unlock, Qt.MouseButton.LeftButton)
    return window


def test_each_step_moves_the_progress_dialog_and_the_window_stays_free(
    qtbot, tmp_path, clock, said
):
    runner = HeldRunner()
    window = window_on(runner, tmp_path / "data", tmp_path, clock, qtbot)
    runner.settle()
    assert window.workspace is not None

    safety(window, "Back up now…").trigger()
    dialog = window.safety.work.dialog
    assert dialog is not None
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    seen = []
    while runner.waiting:
        runner.step()  # between steps the GUI thread is free: the test itself runs here
        if window.safety.work.dialog is not None:
            seen.append((dialog.value(), dialog.maximum()))
    assert seen == [(0, 0), (1, 4), (2, 4), (3, 4), (4, 4)]  # made; copy, check, seal, prune
    assert said[-1][1] == "Backed up"
    assert window.safety.work.dialog is None
    window.close()
    runner.wait_until_idle()


def test_locking_during_a_backup_stops_it_and_leaves_no_partial_file(qtbot, tmp_path, clock, said):
    root = tmp_path / "data"
    runner = HeldRunner()
    window = window_on(runner, root, tmp_path, clock, qtbot)
    runner.settle()
    backups = sorted((root / "backups").iterdir())  # the one made when set_up closed

    safety(window, "Back up now…").trigger()
    runner.step()  # the backup is planned
    runner.step()  # and the database copied
    window.lock()  # waits for the step under way, closes the store
    runner.deliver()

    assert said[-1][:2] == ("warn", "Stopped")
    assert sorted((root / "backups").iterdir()) == backups
    assert runner.waiting == []  # no step was queued after the lock


def test_on_the_lane_a_backup_finishes_and_reports(qtbot, tmp_path, clock, said):
    runner = LaneRunner()
    window = window_on(runner, tmp_path / "data", tmp_path, clock, qtbot)
    qtbot.waitUntil(lambda: window.workspace is not None)

    safety(window, "Back up now…").trigger()
    qtbot.waitUntil(lambda: bool(said))

    assert said[0][:2] == ("inform", "Backed up")
    assert "scr-reflect-20261120-093000-2.db" in said[0][2]  # -1 was made when set_up closed
    window.close()
    runner.wait_until_idle()
