"""Help ▸ About: what this is, which version, under what licence, and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import __version__

LICENCE = "MIT licence. The DejaVu fonts are under their own free licence (see the fonts folder)."


def about_text(data_folder: str) -> str:
    return (
        f"SCR Reflect {__version__}\n\n"
        "Safeguarding records and reflection for a school's Designated Safeguarding Lead, "
        "kept encrypted on this computer only. It supports professional judgement; it never "
        "scores a child or predicts harm.\n\n"
        f"{LICENCE}\n\n"
        f"Your records are in: {data_folder}"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, data_folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("About SCR Reflect")
        self.text = QLabel(about_text(data_folder), self, objectName="about", wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
