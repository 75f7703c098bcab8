"""First run, lock, wrong passphrase, unlock: driven through the window's own widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QWidget

from scr_reflect.domain.records import Child
from tests.fictional import PASSPHRASE


def visible_text(root: QWidget) -> str:
    """Everything a person could read in the window right now."""
    parts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        readable_line = (
            isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal
        )
        if isinstance(widget, (QLabel, QAbstractButton)) or readable_line:
            parts.append(widget.text())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    parts.append(str(model.index(row, column).data() or ""))
    return "\n".join(parts)


def test_first_run_shows_setup_and_refuses_a_weak_passphrase(make_window, qtbot):
    window = make_window()
    page = window.setup_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.school, "Riverside Academy")
    qtbot.keyClicks(page.dsl, "Sam Okafor")
    qtbot.keyClicks(page.passphrase, "password1")
    qtbot.keyClicks(page.repeated, "password1")
    assert not page.create_button.isEnabled()
    assert "at least 12 characters" in page.strength.text()


def test_setup_opens_the_records_and_mismatch_is_named(make_window, qtbot):
    window = make_window()
    page = window.setup_page
    qtbot.keyClicks(page.school, "Riverside Academy")
    qtbot.keyClicks(page.dsl, "Sam Okafor")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeated, PASSPHRASE + "x")
    assert "not the same" in page.strength.text()
    qtbot.keyClick(page.repeated, Qt.Key.Key_Backspace)
    assert page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.view is not None
    assert window.stack.currentWidget() is window.view
    assert "Riverside Academy" in window.windowTitle()


def test_lock_hides_every_record_and_wrong_passphrase_is_refused(unlocked, make_window, qtbot):
    window = unlocked
    window.workspace.records.add_child(Child("Ada Quillfeather", date(2013, 4, 2)))
    window.view.children_pane.refresh()
    assert "Ada Quillfeather" in visible_text(window)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert window.view is None and window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page
    assert "Ada Quillfeather" not in visible_text(window)

    qtbot.keyClicks(window.unlock_page.passphrase, "not the passphrase at all")
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert "does not open these records" in window.unlock_page.error.text()
    assert window.view is None

    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_page.unlock, Qt.MouseButton.LeftButton)
    assert window.view is not None
    assert "Ada Quillfeather" in visible_text(window)


def test_a_later_run_starts_at_the_unlock_page(unlocked, make_window):
    unlocked.close()
    again = make_window()
    assert again.stack.currentWidget() is again.unlock_page
    assert again.view is None
