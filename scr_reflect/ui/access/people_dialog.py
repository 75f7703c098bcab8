"""People: who may open the store. The DSL adds deputies and removes them; anyone can look."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.people import Person, Role
from ...services.people import ONLY_THE_DSL, PeopleService
from ..shared import prompts
from ..shared.errors import describe
from ..shared.task_runner import Runner
from ..shared.widgets import record_table
from ..shared.window_size import fit_to_screen
from .add_deputy_dialog import AddDeputyDialog
from .people_model import PeopleModel

EXPLAINED = (
    "Each person opens the records with their own passphrase, and what they write carries "
    "their name. A person removed can no longer open them (the records are re-encrypted under "
    "a new key); what they wrote stays. Backups made before still open with their passphrase."
)


class PeopleDialog(QDialog):
    def __init__(
        self, parent: QWidget, people: PeopleService, runner: Runner, school_name: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("People")
        self._people, self._runner, self._school = people, runner, school_name
        self.adding: AddDeputyDialog | None = None
        self.model = PeopleModel()
        self.table = record_table(self, "people", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # "Designated Safeguarding Lead" is the longest cell and must be read in full.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton("Add a deputy…", self, objectName="addDeputy")
        self.remove_button = QPushButton("Remove…", self, objectName="remove")
        self.message = QLabel(self, objectName="message", wordWrap=True)
        if not people.is_dsl:
            self.message.setText(ONLY_THE_DSL)
        self.add_button.setEnabled(people.is_dsl)
        self.add_button.clicked.connect(self.add_deputy)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.model.modelReset.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(EXPLAINED, self, wordWrap=True))
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(620, 360))
        self.refresh()

    def refresh(self) -> None:
        self._runner.run(self._people.everyone, self.model.show_people, self._failed)

    def chosen(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.person_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        person = self.chosen()
        removable = person is not None and person.role is Role.DEPUTY and person.is_current
        self.remove_button.setEnabled(self._people.is_dsl and removable)

    def add_deputy(self) -> None:
        self.adding = AddDeputyDialog(self, self._people, self._runner, self._school)
        self.adding.added.connect(self._added)
        self.adding.open()

    def _added(self, person: Person) -> None:
        self.message.setText(f"{person.name} can now open the records with their passphrase.")
        self.refresh()

    def remove_chosen(self) -> None:
        person = self.chosen()
        if person is None or not prompts.confirm(
            self,
            "Remove a deputy",
            f"Remove {person.name}? Their passphrase stops opening the records at once, and "
            "the records are re-encrypted under a new key, so no copy of the key file they "
            "may have opens them either. What they wrote stays, with their name on it. "
            "Backups made before now still open with their passphrase.",
            yes="Remove",
        ):
            return
        self.remove_button.setEnabled(False)
        # A rekey rewrites every page: a few seconds on a large store.
        self.message.setText(f"Removing {person.name} and re-encrypting the records…")
        self._runner.run(lambda: self._people.remove(person.id), self._removed, self._failed)

    def _removed(self, person: Person) -> None:
        words = [f"{person.name} can no longer open the records.", *self._people.after_rekey()]
        self.message.setText(" ".join(words))
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.message.setText(describe(error))
