"""Every modal question the window asks goes through here, so tests never block on exec()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

if TYPE_CHECKING:  # Qt's printing library loads with the first document, not at start
    from PySide6.QtPrintSupport import QPrinter


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "Yes") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes_button


def discard_question(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """Asked before typed work is thrown away; Enter or Escape keeps it."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def confirm_discard(parent: QWidget | None, title: str, text: str) -> bool:
    """True only if the DSL chose to discard what they typed."""
    box = discard_question(parent, title, text)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.DestructiveRole


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def save_file_name(
    parent: QWidget | None, title: str, suggested: str, name_filter: str = "PDF documents (*.pdf)"
) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    return path or None


def open_file_name(parent: QWidget | None, title: str, folder: str, name_filter: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, folder, name_filter)
    return path or None


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, title, folder) or None


def ask_passphrase(parent: QWidget | None, title: str, text: str) -> str | None:
    """A passphrase typed without echo; None if cancelled or left empty."""
    typed, accepted = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return typed if accepted and typed else None


def ask_line(parent: QWidget | None, title: str, text: str) -> str | None:
    """One line of typed text; None if cancelled."""
    typed, accepted = QInputDialog.getText(parent, title, text)
    return typed if accepted else None


def ask_text(parent: QWidget | None, title: str, text: str) -> str | None:
    """A few lines of typed text; None if cancelled (an empty answer is returned as typed)."""
    typed, accepted = QInputDialog.getMultiLineText(parent, title, text)
    return typed if accepted else None


def print_setup(parent: QWidget | None, printer: QPrinter) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted
