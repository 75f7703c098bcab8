"""Driving a record form as a person would: find a field, choose from a list, press Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget


def field(form: QWidget, name: str):
    return form.findChild(QWidget, name)


def choose(form: QWidget, name: str, value: str) -> None:
    box = field(form, name)
    box.setCurrentIndex(box.findData(value))


def save(qtbot, form) -> None:
    window = form.parentWidget().window()
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    # A window manager gives focus back to the main window when a form closes; offscreen
    # Qt has none, so do what it would.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def retype(qtbot, box: QWidget, text: str) -> None:
    """Replace what a one-line box holds by typing, as someone does after select-all."""
    box.selectAll()
    qtbot.keyClicks(box, text)
