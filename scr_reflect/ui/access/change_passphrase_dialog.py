"""Change passphrase: your current one, then the new one twice. Only the key file changes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services.people import PeopleService
from ..shared.errors import describe
from ..shared.task_runner import Runner
from .new_passphrase import NewPassphrase, secret_field
from .secret_fields import SecretFields

EXPLAINED = (
    "Your records stay as they are: only the key file beside them changes, and an interrupted "
    "change leaves your current passphrase working. Backups made before now still open with "
    "your current passphrase."
)


class ChangePassphraseDialog(QDialog):
    def __init__(
        self, parent: QWidget, people: PeopleService, runner: Runner, school_name: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self._people, self._runner = people, runner
        self.current = secret_field(self, "currentPassphrase")
        self.current_secret = SecretFields(self, [self.current])
        self.new = NewPassphrase(self, lambda: [school_name, people.me.name])
        self.error = QLabel(self, objectName="error", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Change passphrase")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.current.textChanged.connect(self._update)
        self.new.changed.connect(self._update)
        form = QFormLayout()
        form.addRow("Current passphrase", self.current)
        form.addRow("", self.current_secret.caps_warning)
        form.addRow("", self.current_secret.show)
        self.new.add_rows(form, "New passphrase")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"For {people.me.name}: the passphrase you unlock with.", self))
        layout.addLayout(form)
        layout.addWidget(self.new.strength)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(EXPLAINED, self, wordWrap=True))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.new.update()

    def _ready(self) -> bool:
        return bool(self.current.text()) and self.new.problem() is None

    def _update(self) -> None:
        self.save_button.setEnabled(self._ready())
        self.error.clear()

    def _submit(self) -> None:
        if not self._ready():
            return
        self.save_button.setEnabled(False)
        current, (new, repeated) = self.current.text(), self.new.values()
        self._runner.run(
            lambda: self._people.change_passphrase(current, new, repeated),
            lambda _none: self.accept(),
            self._failed,
        )

    def _failed(self, error: Exception) -> None:
        self.current.clear()
        self.current.setFocus()
        self.error.setText(describe(error))
