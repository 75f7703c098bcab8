"""Ctrl+L locks from every window the records opened: a form, Reflect, a preview.

A window shortcut reaches only the main window, and a form open over it blocks even an
application shortcut, so one filter on the application watches for the keys instead. It acts
only for windows that belong to its own main window, and the lock it calls saves drafts first,
as the idle lock does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget


class LockKeys(QObject):
    def __init__(self, owner: QWidget, keys: str, lock: Callable[[], bool]) -> None:
        """lock: locks if there is anything to lock, and says whether it did."""
        super().__init__(owner)
        self._owner, self._keys, self._lock = owner, QKeySequence(keys), lock
        app = QCoreApplication.instance()
        assert app is not None, "make the QApplication first"
        app.installEventFilter(self)  # removed by Qt when this object goes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if QKeySequence(event.keyCombination()) != self._keys or not self._belongs(watched):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # deliver it as a key press, past any shortcut of the focused widget
            return True
        return self._lock()

    def _belongs(self, watched: QObject) -> bool:
        widget = watched if isinstance(watched, QWidget) else None
        while widget is not None:
            if widget is self._owner:
                return True
            widget = widget.parentWidget()
        return False
