"""Input to any of the app's windows, seen where it enters each window.

A person's keys, clicks, touches and pen reach a widget through its window (a QWindow) first,
so an event filter there sees all of that window's input. A filter on the application sees the
same, and every other event of every widget as well: painting, layout, each child added. Each
of those is a call into Python, and PySide makes each call costly whatever the filter does: the
idle lock's and Ctrl+L's filters on the application made unlocking 55-75 ms slower and
opening a child up to 70 ms.

So the app's windows are watched instead: those open when the filter is made, the one it
belongs to once that is first shown, and all of them again whenever the focus moves to another
window (a form, Reflect, a preview, a message box, a menu or a list popped up). A window opened
later that never takes the focus would not be watched: input there would not put off the idle
lock, which would lock sooner, never later. The app opens no such window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget


class WindowInputFilter(QObject):
    """An event filter on each of the application's windows: subclasses give eventFilter,
    which is called with a window (a QWindow) as the object watched."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "make the QApplication first"
        self.watch_windows()
        # A method of this object: Qt disconnects it when this object goes.
        app.focusWindowChanged.connect(self.watch_windows)
        if isinstance(parent, QWidget) and parent.windowHandle() is None:
            parent.installEventFilter(_OnFirstShow(self))  # its window is made as it shows

    def watch_windows(self, _focus: QWindow | None = None) -> None:
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        for window in app.topLevelWindows():
            # On a window already watched this only moves the filter to the front.
            window.installEventFilter(self)


class _OnFirstShow(QObject):
    """Watches the windows again once the widget it is installed on first shows."""

    def __init__(self, watcher: WindowInputFilter) -> None:
        super().__init__(watcher)
        self._watcher = watcher

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            self._watcher.watch_windows()
        return False


def widget_of(window: QObject) -> QWidget | None:
    """The top-level widget a watched window shows."""
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is window:
            return widget
    return None
