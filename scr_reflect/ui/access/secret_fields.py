"""Passphrase boxes that help the person typing: a Show toggle and a Caps Lock warning.

Qt has no portable way to ask whether Caps Lock is on, so the keys say it: a letter typed in
capitals without Shift (or in small letters with Shift) means Caps Lock is on. The warning
updates with each letter typed and never reads or keeps the passphrase itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from ..shared.palette_colours import mark_problem

CAPS_WARNING = "Caps Lock looks to be on."


def caps_lock_on(event: QKeyEvent) -> bool | None:
    """True or False when the key typed a letter; None when it cannot tell (digits, arrows)."""
    text = event.text()
    if len(text) != 1 or text.lower() == text.upper():
        return None
    shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shifted


class SecretFields(QObject):
    """Watches one or more passphrase boxes; the caller lays out `show` and `caps_warning`."""

    def __init__(self, parent: QWidget, fields: list[QLineEdit], what: str = "passphrase") -> None:
        super().__init__(parent)
        self.fields = fields
        self.show = QCheckBox(f"Show {what}", parent, objectName="showSecret")
        self.show.setToolTip("Show what you type, if nobody can see your screen.")
        self.show.toggled.connect(self._set_shown)
        self.caps_warning = QLabel(CAPS_WARNING, parent, objectName="capsWarning")
        self.caps_warning.setToolTip("A passphrase is read with its capitals as typed.")
        mark_problem(self.caps_warning, True)
        self.caps_warning.hide()
        for field in fields:
            field.installEventFilter(self)

    def _set_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self.fields:
            field.setEchoMode(mode)

    def hide_again(self) -> None:
        """Back to dots, e.g. when the page is shown afresh after a lock."""
        self.show.setChecked(False)
        self.caps_warning.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            caps = caps_lock_on(event)
            if caps is not None:
                self.caps_warning.setVisible(caps)
        return False
