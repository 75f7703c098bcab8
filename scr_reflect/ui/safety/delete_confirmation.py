"""Before a child's records are deleted: what goes, that it cannot be undone, and a typed yes.

Delete stays greyed out until the DSL has typed the child's full name or DELETE.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain import display_dates as show
from ...domain.retention import CONFIRM_WORD, ChildRecords, ReviewChild, confirms_deletion


def _plain(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and counts, never read as mark-up
    return label


def explanation(child: ReviewChild, records: ChildRecords, copies: list[str]) -> str:
    listed = "\n".join(f"  • {line}" for line in ["their details", *records.lines()])
    left = "\n".join(f"  • {line}" for line in copies)
    return (
        f"This deletes everything SCR Reflect holds about {child.display_name}, born "
        f"{show.day(child.date_of_birth)}, whose records reached their review date on "
        f"{show.day(child.review_date)}:\n\n{listed}\n\n"
        "It cannot be undone. Copies made before now still hold these records:\n\n"
        f"{left}\n\nDelete those by hand if the records must go at once. Other windows "
        "showing records close first."
    )


class DeleteConfirmation(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        child: ReviewChild,
        records: ChildRecords,
        copies: list[str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete a child's records")
        self.setMinimumWidth(560)
        self._full_name = child.full_name
        self.typed = QLineEdit(self, objectName="typed")
        self.typed.setPlaceholderText(f"{child.full_name} or {CONFIRM_WORD}")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.delete = self.buttons.addButton(
            "Delete everything about them", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.delete.setObjectName("delete")
        self.delete.setEnabled(False)
        self.typed.textChanged.connect(
            lambda text: self.delete.setEnabled(confirms_deletion(text, self._full_name))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(f"Delete {child.display_name}'s records?", self, "formHeading"))
        layout.addWidget(_plain(explanation(child, records, copies), self, "explanation"))
        layout.addWidget(
            _plain(
                f"To confirm, type their full name ({child.full_name}) or {CONFIRM_WORD}:",
                self,
                "askToType",
            )
        )
        layout.addWidget(self.typed)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.typed.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        child: ReviewChild,
        records: ChildRecords,
        copies: list[str],
    ) -> str | None:
        """What the DSL typed to confirm, or None if they cancelled."""
        dialog = cls(parent, child, records, copies)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        typed = dialog.typed.text()
        dialog.deleteLater()  # it names the child: gone as soon as it is answered
        return typed if accepted else None
