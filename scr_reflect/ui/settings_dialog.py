"""Settings: how long the records stay open with nobody using them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..settings import Settings

EXPLAINED = (
    "With no typing, clicking or mouse movement for this long, SCR Reflect locks: forms being "
    "written are kept as drafts, every window showing a record closes, and the passphrase is "
    "needed again. It also locks when the screen locks or the computer goes to sleep, where "
    "the operating system announces it (Linux desktops do)."
)


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: Settings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._current = current
        self.auto_lock = QSpinBox(self, objectName="autoLockMinutes")
        self.auto_lock.setRange(*settings.limits("auto_lock_minutes"))
        self.auto_lock.setSuffix(" minutes")
        self.auto_lock.setValue(current.auto_lock_minutes)
        explained = QLabel(EXPLAINED, self, objectName="autoLockHelp", wordWrap=True)
        explained.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow("Lock after", self.auto_lock)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explained)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def chosen(self) -> Settings:
        return replace(self._current, auto_lock_minutes=self.auto_lock.value())

    @classmethod
    def ask(cls, parent: QWidget | None, current: Settings) -> Settings | None:
        """The seam tests replace: None when the DSL cancels."""
        dialog = cls(parent, current)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen() if accepted else None
        dialog.deleteLater()
        return chosen


def edit_settings(parent: QWidget | None, store: settings.Store) -> Settings | None:
    """Show the settings kept in store; save and return them if the DSL saves."""
    chosen = SettingsDialog.ask(parent, settings.read(store))
    if chosen is not None:
        settings.write(store, chosen)
    return chosen
