"""A forgotten passphrase: the recovery code from the sheet in the school safe, then a new
passphrase twice. Reached from the unlock page; every record is kept."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import recovery_code
from ..shared.page_frame import framed
from .new_passphrase import NewPassphrase

INTRO = (
    "Type the recovery code from the recovery sheet kept in the school safe (capitals, spaces "
    "and dashes do not matter), then choose a new passphrase. Every record is kept. Without "
    "the passphrase or the recovery code there is no way in."
)
CODE_SHAPE = f"A recovery code is {recovery_code.HOW_IT_LOOKS}."


class RecoverPage(QWidget):
    submitted = Signal(str, str, str)  # recovery code, new passphrase, repeated
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QLineEdit(self, objectName="code", placeholderText="XXXX-XXXX-…")
        self.new = NewPassphrase(self, lambda: [])
        self.code_shape = QLabel(CODE_SHAPE, self, objectName="codeShape", wordWrap=True)
        self.error = QLabel(self, objectName="error", wordWrap=True)
        self.recover = QPushButton(
            "Set the new passphrase and unlock", self, objectName="recover", default=True
        )
        self.back_button = QPushButton("Back", self, objectName="back")
        self.code.textChanged.connect(self._update)
        self.new.changed.connect(self._update)
        for field in (self.code, self.new.passphrase, self.new.repeated):
            field.returnPressed.connect(self._submit)
        self.recover.clicked.connect(self._submit)
        self.back_button.clicked.connect(self._go_back)
        form = QFormLayout()
        form.addRow("Recovery code", self.code)
        self.new.add_rows(form, "New passphrase")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recover)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(QLabel(INTRO, self, wordWrap=True))
        column.addLayout(form)
        for widget in (self.code_shape, self.new.strength, self.error):
            column.addWidget(widget)
        column.addLayout(buttons)
        framed(self, "Forgotten your passphrase?", content)
        self.new.update()

    def first_field(self) -> QLineEdit:
        return self.code

    def _ready(self) -> bool:
        return recovery_code.normalised(self.code.text()) is not None and self.new.problem() is None

    def _update(self) -> None:
        self.code_shape.setVisible(recovery_code.normalised(self.code.text()) is None)
        self.recover.setEnabled(self._ready())
        self.error.clear()

    def _submit(self) -> None:
        if self._ready():
            self.recover.setEnabled(False)
            self.submitted.emit(self.code.text(), *self.new.values())

    def _go_back(self) -> None:
        self.reset()
        self.back.emit()

    def show_error(self, message: str) -> None:
        self.recover.setEnabled(True)
        self.error.setText(message)

    def reset(self) -> None:
        self.code.clear()
        self.new.clear()
        self.error.clear()
