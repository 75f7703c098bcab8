"""Driving a record form as a person would: find a field, choose from a list, press Save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from scr_reflect.domain.records import Child

SHIFT = Qt.KeyboardModifier.ShiftModifier


def field(form: QWidget, name: str):
    return form.findChild(QWidget, name)


def choose(form: QWidget, name: str, value: str) -> None:
    box = field(form, name)
    box.setCurrentIndex(box.findData(value))


def focus(qtbot, window: QWidget) -> None:
    """A window manager would make the window the active one; offscreen Qt needs telling."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def save(qtbot, form) -> None:
    window = form.parentWidget().window()
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    # A window manager gives focus back to the main window when a form closes.
    focus(qtbot, window)


def press(
    widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed with the focus in the widget, arriving as a keyboard's does: at its
    window first, which hands it on. qtbot.keyClick gives it to the widget directly, past the
    window, so a lock watching windows (safety/window_input) would never see it."""
    widget.setFocus()
    QTest.keyClick(widget.window().windowHandle(), key, modifier)


def retype(qtbot, box: QWidget, text: str) -> None:
    """Replace what a one-line box holds by typing, as someone does after select-all."""
    box.selectAll()
    qtbot.keyClicks(box, text)


def new_child_form(qtbot, window, birthday: str = ""):
    """The New child form (Ctrl+Shift+N) with a name typed, and a birthday if given."""
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | SHIFT)
    form = window.view.forms[-1]
    qtbot.keyClicks(field(form, "full_name"), "Ada Quillfeather")
    if birthday:
        qtbot.keyClicks(field(form, "date_of_birth"), birthday)
    return form


def new_concern_form(qtbot, window):
    """A New concern form (Ctrl+N) for a child just added, made the active window."""
    child = window.workspace.records.add_child(Child("Ada Quillfeather", date(2014, 9, 3)))
    window.view.show_child(child.child_id)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.view.forms[-1]
    focus(qtbot, form)
    return form
