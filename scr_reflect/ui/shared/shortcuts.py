"""Every keyboard shortcut, in one table: the window's actions take their keys from it, the
Help ▸ Keyboard shortcuts dialog lists it, and a test holds the README's table to it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class Shortcut:
    keys: str
    does: str


NEW_CONCERN = Shortcut("Ctrl+N", "New concern for the selected child")
NEW_CHILD = Shortcut("Ctrl+Shift+N", "New child")
NEW_ENTRY = Shortcut("Ctrl+Shift+E", "Add to the selected child's chronology")
REFLECT = Shortcut("Ctrl+R", "Reflect on the chosen concern")
CHECK_CLAIM = Shortcut("Ctrl+K", "Check the chosen claim against another source (Accounts)")
FIND = Shortcut("Ctrl+F", "Find a child")
AUDIT = Shortcut("Ctrl+Shift+A", "The audit trail")
LOCK = Shortcut(
    "Ctrl+L", "Lock, from any window: keeps drafts, drops the key and every loaded record"
)
QUIT = Shortcut("Ctrl+Q", "Quit")
# Keys that work inside a window rather than as menu actions.
SAVE = Shortcut("Ctrl+S or Ctrl+Enter", "Save the open form (Enter alone never saves)")
CLOSE = Shortcut("Esc", "Close the open form; asks before discarding what you typed")
FIRST_MATCH = Shortcut("Enter or Down in the search box", "Go to the first child found")
HELP = Shortcut("F1", "This list of shortcuts")

ALL = (
    NEW_CONCERN,
    NEW_CHILD,
    NEW_ENTRY,
    REFLECT,
    CHECK_CLAIM,
    FIND,
    AUDIT,
    LOCK,
    SAVE,
    CLOSE,
    FIRST_MATCH,
    HELP,
    QUIT,
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(ALL), 2, self, objectName="shortcuts")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, shortcut in enumerate(ALL):
            for column, text in enumerate((shortcut.keys, shortcut.does)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(780, 470)
