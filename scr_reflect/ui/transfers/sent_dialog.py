"""What the sender sees once, after the file is written: the one-time passphrase, this
school's key fingerprint, where the file is and when its receipt is due."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain.transfer_content import plural
from ...services.transfer import Sent
from ..shared.window_size import fit_to_screen


def shown_to_read_out(text: str, parent: QWidget, name: str) -> QLabel:
    """Large fixed-width text, selectable: words or a fingerprint to read out by phone."""
    label = QLabel(text, parent, objectName=name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont(label.font())
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFamily("monospace")
    font.setPointSizeF(font.pointSizeF() * 1.4)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class SentDialog(QDialog):
    def __init__(self, parent: QWidget, sent: Sent, as_pdf: bool) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Child protection file written")
        fit_to_screen(self, QSize(640, 420))
        layout = QVBoxLayout(self)
        kind = "a password-protected PDF" if as_pdf else "encrypted and signed"
        layout.addWidget(
            QLabel(
                f"Written to {sent.path} ({kind}, {plural(sent.records, 'record')}). Send the "
                "file by a secure route. Read this one-time passphrase to the new school's DSL by "
                "phone; never send it with the file. It is shown only now and is not kept.",
                self,
                wordWrap=True,
            )
        )
        self.passphrase = shown_to_read_out(sent.passphrase, self, "passphrase")
        layout.addWidget(self.passphrase)
        if not as_pdf:
            layout.addWidget(
                QLabel("This school's key fingerprint, for them to check by phone:", self)
            )
            self.fingerprint = shown_to_read_out(sent.fingerprint, self, "fingerprint")
            layout.addWidget(self.fingerprint)
            layout.addWidget(
                QLabel(
                    f"The new school should confirm receipt by {sent.due_on} (5 school days). "
                    "Record their receipt with Records ▸ Record a transfer receipt…",
                    self,
                    wordWrap=True,
                )
            )
        layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        done = buttons.addButton(
            "I have noted the passphrase", QDialogButtonBox.ButtonRole.AcceptRole
        )
        done.setObjectName("noted")
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
