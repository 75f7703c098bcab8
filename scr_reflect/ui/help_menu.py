"""The Help menu: the keyboard shortcuts and About, each a window that stays beside the work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from .shared import shortcuts
from .shared.shortcuts import ShortcutsDialog


class HelpMenu(QObject):
    """Added last, after the other menus; `dialog` is the help window open now, if any."""

    def __init__(self, window: QMainWindow, data_folder: Path) -> None:
        super().__init__(window)
        self._window, self._data_folder = window, str(data_folder)
        self.dialog: QDialog | None = None
        menu = window.menuBar().addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", window)
        keys.setShortcut(QKeySequence(shortcuts.HELP.keys))
        keys.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        keys.triggered.connect(self.show_shortcuts)
        window.addAction(keys)
        about = QAction("&About SCR Reflect", window)
        about.triggered.connect(self.show_about)
        menu.addAction(keys)
        menu.addAction(about)

    def show_shortcuts(self) -> None:
        self._show(ShortcutsDialog(self._window))

    def show_about(self) -> None:
        from .about_dialog import AboutDialog  # when asked for, not before the window shows

        self._show(AboutDialog(self._window, self._data_folder))

    def _show(self, dialog: QDialog) -> None:
        """Help stays open beside the work, and goes when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
