"""The recovery code, shown once: save its one-page sheet to print, confirm it is stored.

Shown after setup and after "New recovery sheet…". Parented to the records' view, so locking
closes it with them; the code is never shown again, and a new sheet can be made at any time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..shared import prompts
from ..shared.errors import describe
from ..shared.task_runner import Runner
from ..shared.window_size import fit_to_screen

SHEET_NAME = "SCR Reflect recovery sheet.pdf"
FIRST_TIME = (
    "This is the only time it is shown. If you forget your passphrase, this code lets you "
    "choose a new one and keep every record. Without your passphrase or this code there is no "
    "way in: nobody can open the records, not even IT support."
)
REPLACING = (
    "The code on any earlier recovery sheet has stopped working: shred that sheet. This code "
    "is shown only now."
)
KEEP_IT = (
    "Save the sheet, print it and keep it in the school safe, then delete the file: whoever "
    "holds the code and this computer can open every record."
)


class RecoveryCodeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        code: str,
        runner: Runner,
        save: Callable[[Path], Path],
        *,
        first_time: bool,
    ) -> None:
        """save: writes the sheet to the path chosen and returns where (on the lane)."""
        super().__init__(parent)
        self.setWindowTitle("Your recovery code")
        self._runner, self._save = runner, save
        shown = QLabel(code, self, objectName="recoveryCode")
        font = QFont(shown.font())
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        shown.setFont(font)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_button = QPushButton(
            "Save the recovery sheet (PDF)…", self, objectName="saveSheet"
        )
        self.saved = QLabel(self, objectName="saved", wordWrap=True)
        self.stored = QCheckBox(
            "The sheet is printed (or the code written down) and will go in the school safe.",
            self,
            objectName="stored",
        )
        self.buttons = QDialogButtonBox(self)
        self.done_button = self.buttons.addButton(
            "Continue", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setObjectName("continue")
        self.done_button.setEnabled(False)
        self.stored.toggled.connect(self.done_button.setEnabled)
        self.save_button.clicked.connect(self.save_sheet)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (
            QLabel(FIRST_TIME if first_time else REPLACING, self, wordWrap=True),
            shown,
            QLabel(KEEP_IT, self, wordWrap=True),
            self.save_button,
            self.saved,
            self.stored,
            self.buttons,
        ):
            layout.addWidget(widget)
        # Placed on the screen itself: at 2x scaling the window under it may not fit there.
        fit_to_screen(self, QSize(560, layout.totalHeightForWidth(560)))

    def save_sheet(self) -> None:
        chosen = prompts.save_file_name(
            self, "Save the recovery sheet", str(Path.home() / SHEET_NAME)
        )
        if chosen is None:
            return
        self.save_button.setEnabled(False)
        self._runner.run(lambda: self._save(Path(chosen)), self._sheet_saved, self._failed)

    def _sheet_saved(self, path: Path) -> None:
        self._say(f"Saved to {path}. Print it, then delete the file.", problem=False)

    def _failed(self, error: Exception) -> None:
        self._say(describe(error), problem=True)

    def _say(self, text: str, *, problem: bool) -> None:
        self.save_button.setEnabled(True)
        self.saved.setText(text)
        self.saved.setProperty("problem", problem)
        self.saved.style().polish(self.saved)
