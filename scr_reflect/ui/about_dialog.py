"""Help ▸ About: what this is, which version, the licences of what ships with it, and where
the data lives."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import __version__
from ..resource_files import resources_dir

LICENCE = "SCR Reflect is free software under the MIT licence."
# Every part a build ships, with its licence. Qt is linked as shared libraries, unmodified,
# which is what the LGPL asks of an application that uses it.
SHIPPED_PARTS = (
    ("Qt {qt} and PySide6 {pyside}", "LGPL v3 (unmodified, as shared libraries)"),
    ("SQLCipher Community Edition", "BSD-style (Zetetic); SQLite, public domain"),
    ("sqlcipher3", "zlib licence"),
    ("OpenSSL (inside SQLCipher and cryptography)", "Apache 2.0"),
    ("DejaVu fonts", "Bitstream Vera and DejaVu licence"),
    ("reportlab", "BSD"),
    ("SQLAlchemy, Alembic, Mako", "MIT"),
    ("cryptography", "Apache 2.0 or BSD"),
    ("argon2-cffi, platformdirs, zxcvbn", "MIT"),
    ("pypdf", "BSD"),
    ("pypdfium2 and PDFium", "Apache 2.0 or BSD"),
    ("Pillow", "MIT-CMU (HPND)"),
    ("Python", "PSF licence"),
)


def licences_text() -> str:
    lines = []
    for part, licence in SHIPPED_PARTS:
        named = part.format(qt=qVersion(), pyside=pyside_version)
        lines.append(f"• {named}: {licence}")
    return "\n".join(lines)


def about_text(data_folder: str) -> str:
    return (
        f"SCR Reflect {__version__}\n\n"
        "Safeguarding records and reflection for a school's Designated Safeguarding Lead, "
        "kept encrypted on this computer only. It supports professional judgement; it never "
        "scores a child or predicts harm.\n\n"
        f"{LICENCE} It ships with:\n"
        f"{licences_text()}\n"
        f"The licence texts are in {resources_dir() / 'licences'}\n\n"
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
        self.setMinimumWidth(520)
