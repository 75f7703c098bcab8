"""Add a deputy DSL: their name, and a passphrase they type themselves, twice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.people import Person
from ...services.people import PeopleService
from ..shared.errors import describe
from ..shared.task_runner import Runner
from .new_passphrase import NewPassphrase

EXPLAINED = (
    "Ask the deputy to type their own passphrase: nobody else should know it, you included. "
    "It opens the same records; what they write carries their name."
)


class AddDeputyDialog(QDialog):
    added = Signal(object)  # the Person added

    def __init__(
        self, parent: QWidget, people: PeopleService, runner: Runner, school_name: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a deputy")
        self._people, self._runner = people, runner
        self.name = QLineEdit(self, objectName="deputyName")
        self.new = NewPassphrase(self, lambda: [school_name, self.name.text()])
        self.error = QLabel(self, objectName="error", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Add deputy")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self.new.update)
        self.new.changed.connect(self._update)
        form = QFormLayout()
        form.addRow("Deputy's name", self.name)
        self.new.add_rows(form, "Their passphrase")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(EXPLAINED, self, wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.new.strength)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.new.update()

    def _problem(self) -> str | None:
        return "Enter the deputy's name." if not self.name.text().strip() else self.new.problem()

    def _update(self) -> None:
        self.save_button.setEnabled(self._problem() is None)
        self.error.clear()

    def _submit(self) -> None:
        if self._problem() is not None:
            return
        self.save_button.setEnabled(False)
        name, (passphrase, repeated) = self.name.text(), self.new.values()
        self._runner.run(
            lambda: self._people.add_deputy(name, passphrase, repeated), self._done, self._failed
        )

    def _done(self, person: Person) -> None:
        self.added.emit(person)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(describe(error))
