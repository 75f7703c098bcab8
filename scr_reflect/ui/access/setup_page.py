"""First run: the school, the DSL, and a passphrase asked twice; or a try with demo records."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...demo.folder import DEMO_PASSPHRASE, demo_folder
from .. import records_libraries
from ..shared.page_frame import framed
from .secret_fields import SecretFields


class SetupPage(QWidget):
    submitted = Signal(str, str, str, str)  # passphrase, repeated, school, DSL
    demo_requested = Signal()

    def __init__(self, data_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.school = QLineEdit(self, objectName="school")
        self.dsl = QLineEdit(self, objectName="dsl")
        self.passphrase = QLineEdit(
            self, objectName="passphrase", echoMode=QLineEdit.EchoMode.Password
        )
        self.repeated = QLineEdit(self, objectName="repeated", echoMode=QLineEdit.EchoMode.Password)
        self.secret = SecretFields(self, [self.passphrase, self.repeated])
        self.strength = QLabel(self, objectName="strength", wordWrap=True)
        self.error = QLabel(self, objectName="error", wordWrap=True)
        self.create_button = QPushButton(
            "Create my encrypted records", self, objectName="create", default=True
        )
        for field in (self.school, self.dsl, self.passphrase, self.repeated):
            field.textChanged.connect(self._update)
            field.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)

        intro = QLabel(
            "SCR Reflect keeps your safeguarding records on this computer only, encrypted. "
            "Choose a passphrase of three or four unrelated words. Next you will be shown a "
            "recovery code once, to print and keep in the school safe. Without the passphrase "
            "or the recovery code there is no way in: nobody can open these records, not even "
            "IT support.",
            self,
            wordWrap=True,
        )
        form = QFormLayout()
        form.addRow("School", self.school)
        form.addRow("Designated Safeguarding Lead", self.dsl)
        form.addRow("Passphrase", self.passphrase)
        form.addRow("Passphrase again", self.repeated)
        form.addRow("", self.secret.caps_warning)
        form.addRow("", self.secret.show)
        where = QLabel(f"Data folder: {data_folder}", self, objectName="folder", wordWrap=True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(intro)
        column.addLayout(form)
        for widget in (self.strength, self.error, self.create_button, where):
            column.addWidget(widget)
        self._add_demo(column, Path(data_folder))
        framed(self, "Set up SCR Reflect", content)
        self._update()

    def _add_demo(self, column: QVBoxLayout, data_folder: Path) -> None:
        about = QLabel(
            "Not ready to set up? Try SCR Reflect on a fictional school's records first. "
            f"They are kept apart from yours, in {demo_folder(data_folder)}, and open with "
            f"the passphrase \u201c{DEMO_PASSPHRASE}\u201d, as they hold nothing real.",
            self,
            objectName="demoAbout",
            wordWrap=True,
        )
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.try_demo = QPushButton("Try with fictional demo records", self, objectName="tryDemo")
        self.try_demo.clicked.connect(self.demo_requested)
        column.addSpacing(12)
        column.addWidget(about)
        column.addWidget(self.try_demo)

    def first_field(self) -> QLineEdit:
        return self.school

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        records_libraries.load_checker_soon()  # loaded while the school's name is typed

    def _problem(self) -> str | None:
        if not self.school.text().strip() or not self.dsl.text().strip():
            return "Enter the school's name and your name."
        # Here, not at the top: the strength checker loads once this page shows.
        from ...services.passphrase_policy import passphrase_problem

        return passphrase_problem(
            self.passphrase.text(), self.repeated.text(), [self.school.text(), self.dsl.text()]
        )

    def _update(self) -> None:
        problem = self._problem() if self.passphrase.text() else "Choose a passphrase."
        self.strength.setText(problem or "This passphrase will do.")
        self.strength.setProperty("good", problem is None)
        self.strength.style().polish(self.strength)
        self.create_button.setEnabled(problem is None)
        self.error.clear()

    def _submit(self) -> None:
        if self._problem() is None:
            self.create_button.setEnabled(False)
            self.submitted.emit(
                self.passphrase.text(), self.repeated.text(), self.school.text(), self.dsl.text()
            )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.create_button.setEnabled(True)
