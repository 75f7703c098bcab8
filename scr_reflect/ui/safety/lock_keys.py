"""Ctrl+L locks from every window the records opened: a form, Reflect, a preview.

A window shortcut reaches only the main window, and a form open over it blocks even an
application shortcut, so a filter on each of the app's windows (window_input) watches for the
keys instead. It acts only for windows that belong to its own main window, and the lock it
calls saves drafts first, as the idle lock does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from .window_input import WindowInputFilter, widget_of


class LockKeys(WindowInputFilter):
    def __init__(self, owner: QWidget, keys: str, lock: Callable[[], bool]) -> None:
        """lock: locks if there is anything to lock, and says whether it did."""
        super().__init__(owner)
        self._owner, self._keys, self._lock = owner, QKeySequence(keys), lock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if QKeySequence(event.keyCombination()) != self._keys or not self._belongs(watched):
            return False
        return self._lock()

    def _belongs(self, watched: QObject) -> bool:
        widget = widget_of(watched)
        while widget is not None:
            if widget is self._owner:
                return True
            widget = widget.parentWidget()
        return False
