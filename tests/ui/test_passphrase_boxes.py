"""Passphrase boxes: a Show toggle, a Caps Lock warning read from the keys, and a button
that says it is unlocking while the key is worked out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from scr_reflect.ui.access.change_passphrase_dialog import ChangePassphraseDialog
from scr_reflect.ui.access.unlock_page import UnlockPage
from scr_reflect.ui.shared.task_runner import SyncRunner

SHIFT = Qt.KeyboardModifier.ShiftModifier
PASSWORD = QLineEdit.EchoMode.Password


def test_capitals_without_shift_warn_of_caps_lock(qtbot, tmp_path):
    page = UnlockPage(str(tmp_path))
    qtbot.addWidget(page)
    page.show()
    warning = page.secret.caps_warning
    qtbot.keyClicks(page.passphrase, "Fi")
    assert not warning.isVisible()  # a small letter typed as one: nothing to say
    qtbot.keyClicks(page.passphrase, "R")
    assert warning.isVisible() and "Caps Lock" in warning.text()
    qtbot.keyClicks(page.passphrase, "7")
    assert warning.isVisible()  # a digit cannot tell either way
    qtbot.keyClick(page.passphrase, "e")
    assert not warning.isVisible()
    qtbot.keyClick(page.passphrase, "e", SHIFT)  # Shift with Caps Lock on types a small e
    assert warning.isVisible()


def test_show_reveals_the_passphrase_until_the_page_is_reset(qtbot, tmp_path):
    page = UnlockPage(str(tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert page.passphrase.echoMode() == PASSWORD
    qtbot.keyClick(page.secret.show, Qt.Key.Key_Space)
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    page.reset()
    assert page.passphrase.echoMode() == PASSWORD


def test_the_button_says_unlocking_while_it_works(qtbot, tmp_path):
    page = UnlockPage(str(tmp_path))
    qtbot.addWidget(page)
    page.show()
    seen: list[tuple[str, bool]] = []
    page.submitted.connect(lambda _p: seen.append((page.unlock.text(), page.unlock.isEnabled())))
    qtbot.keyClicks(page.passphrase, "correct horse")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert seen == [("Unlocking…", False)]
    page.show_error("That passphrase does not open these records.")
    assert page.unlock.text() == "Unlock" and page.unlock.isEnabled()


def test_setup_shows_both_passphrase_boxes_together(make_window, qtbot):
    page = make_window().setup_page
    qtbot.keyClick(page.secret.show, Qt.Key.Key_Space)
    assert page.passphrase.echoMode() == page.repeated.echoMode() == QLineEdit.EchoMode.Normal


def test_change_passphrase_has_the_same_help(unlocked, qtbot):
    dialog = ChangePassphraseDialog(
        unlocked, unlocked.workspace.people, SyncRunner(), "Riverside Academy"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.new.secret.show, Qt.Key.Key_Space)
    assert dialog.new.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.new.repeated.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.current.echoMode() == PASSWORD  # each box's toggle is its own
    qtbot.keyClicks(dialog.current, "ABC")
    assert dialog.current_secret.caps_warning.isVisible()
