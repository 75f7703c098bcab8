"""Later runs: the passphrase, and nothing about any child until it is right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..shared.page_frame import framed
from .secret_fields import SecretFields

UNLOCK, UNLOCKING = "Unlock", "Unlocking…"


class UnlockPage(QWidget):
    submitted = Signal(str)
    forgotten = Signal()  # the way in with the recovery code

    def __init__(self, data_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(
            self, objectName="passphrase", echoMode=QLineEdit.EchoMode.Password
        )
        self.passphrase.setPlaceholderText("Passphrase")
        self.secret = SecretFields(self, [self.passphrase])
        self.unlock = QPushButton(UNLOCK, self, objectName="unlock", default=True)
        self.error = QLabel(self, objectName="error", wordWrap=True)
        self.forgotten_button = QPushButton(
            "Forgotten your passphrase?", self, objectName="forgotten", flat=True
        )
        self.passphrase.returnPressed.connect(self._submit)
        self.unlock.clicked.connect(self._submit)
        self.forgotten_button.clicked.connect(self.forgotten)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(
            QLabel("The records are locked. Enter your passphrase to open them.", self)
        )
        column.addWidget(self.passphrase)
        column.addWidget(self.secret.caps_warning)
        column.addWidget(self.secret.show)
        column.addWidget(self.unlock)
        column.addWidget(self.error)
        column.addWidget(self.forgotten_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(
            QLabel(f"Data folder: {data_folder}", self, objectName="folder", wordWrap=True)
        )
        framed(self, "SCR Reflect is locked", content)

    def first_field(self) -> QLineEdit:
        return self.passphrase

    def _submit(self) -> None:
        if not self.passphrase.text():
            return
        # Unlocking takes a moment (the key is derived slowly on purpose): say so.
        self.unlock.setEnabled(False)
        self.unlock.setText(UNLOCKING)
        self.error.clear()
        self.submitted.emit(self.passphrase.text())

    def show_error(self, message: str) -> None:
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.unlock.setEnabled(True)
        self.unlock.setText(UNLOCK)
        self.error.setText(message)

    def reset(self) -> None:
        self.passphrase.clear()
        self.error.clear()
        self.unlock.setEnabled(True)
        self.unlock.setText(UNLOCK)
        self.secret.hide_again()
        self.passphrase.setFocus()
