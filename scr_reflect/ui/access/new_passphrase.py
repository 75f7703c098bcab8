"""A new passphrase typed twice, with a line saying whether it will do (as at setup)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from .. import records_libraries
from .secret_fields import SecretFields


def secret_field(parent: QWidget, name: str) -> QLineEdit:
    return QLineEdit(parent, objectName=name, echoMode=QLineEdit.EchoMode.Password)


class NewPassphrase(QObject):
    changed = Signal()

    def __init__(self, parent: QWidget, context: Callable[[], list[str]]) -> None:
        """context: the names a passphrase must not lean on (the school's, the person's)."""
        super().__init__(parent)
        self._context = context
        self.passphrase = secret_field(parent, "newPassphrase")
        self.repeated = secret_field(parent, "newRepeated")
        self.secret = SecretFields(parent, [self.passphrase, self.repeated], "new passphrase")
        self.strength = QLabel(parent, objectName="strength", wordWrap=True)
        for field in (self.passphrase, self.repeated):
            field.textChanged.connect(self.update)
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The strength checker loads as the page or dialog shows, not at the first key typed.
        if event.type() == QEvent.Type.Show:
            records_libraries.load_checker_soon()
        return False

    def add_rows(self, form: QFormLayout, label: str) -> None:
        form.addRow(label, self.passphrase)
        form.addRow(f"{label} again", self.repeated)
        form.addRow("", self.secret.caps_warning)
        form.addRow("", self.secret.show)

    def problem(self) -> str | None:
        if not self.passphrase.text():
            return "Choose a passphrase."
        # Here, not at the top: the strength checker loads when a passphrase is to be chosen.
        from ...services.passphrase_policy import passphrase_problem

        return passphrase_problem(self.passphrase.text(), self.repeated.text(), self._context())

    def values(self) -> tuple[str, str]:
        return self.passphrase.text(), self.repeated.text()

    def update(self) -> None:
        problem = self.problem()
        self.strength.setText(problem or "This passphrase will do.")
        self.strength.setProperty("good", problem is None)
        self.strength.style().polish(self.strength)
        self.changed.emit()

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeated.clear()
