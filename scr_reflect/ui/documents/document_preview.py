"""See a document before it leaves the tool; save it (optionally with a password) or print it.

Saving and printing are recorded in the child's chronology by the report service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...services.documents import Report
from ...services.errors import StorageProblem
from ...services.passphrase_policy import MIN_LENGTH, pdf_password_problem
from .. import records_libraries
from ..shared import prompts
from ..shared.task_runner import Runner
from ..shared.window_size import fit_to_screen
from .pdf_pages import PageImage, render_pages

if TYPE_CHECKING:
    from ...services.reports import ReportService

PRINT_DPI = 300


class DocumentPreview(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        service: ReportService,
        report: Report,
        pages: list[PageImage],
        on_recorded: Callable[[ChangeSet], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Preview: {report.document.title}")
        fit_to_screen(self, QSize(900, 900))
        self._runner, self._service, self.report = runner, service, report
        self._on_recorded, self._on_error = on_recorded, on_error
        self.status = QLabel(self, objectName="previewStatus", wordWrap=True)
        self.protect = QCheckBox("Protect with a password, for email", self)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"Password: {MIN_LENGTH}+ characters, hard to guess")
        self.repeat = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setPlaceholderText("The password again")
        for field in (self.password, self.repeat):
            field.setEnabled(False)
            self.protect.toggled.connect(field.setEnabled)
        self.protect.toggled.connect(lambda _on: records_libraries.load_checker_soon())
        self.save_button = QPushButton("Save as…", self, objectName="saveAs")
        self.print_button = QPushButton("Print…", self, objectName="print")
        close = QPushButton("Close", self)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        close.clicked.connect(self.close)
        self.page_labels = [self._page_label(page) for page in pages]
        column = QWidget(self)
        stack = QVBoxLayout(column)
        for label in self.page_labels:
            stack.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea(self, widgetResizable=True)
        scroll.setWidget(column)
        options = QHBoxLayout()
        for widget in (self.protect, self.password, self.repeat):
            options.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(options)
        layout.addLayout(buttons)

    def _page_label(self, page: PageImage) -> QLabel:
        label = QLabel(self, objectName="previewPage")
        label.setPixmap(QPixmap.fromImage(page.to_qimage()))
        return label

    def _password(self) -> str | None:
        if not self.protect.isChecked():
            return None
        problem = pdf_password_problem(self.password.text(), self.repeat.text(), [])
        if problem:
            raise ValueError(problem)
        return self.password.text()

    def save_as(self) -> None:
        try:
            password = self._password()
        except ValueError as problem:
            self.status.setText(str(problem))
            return
        # The suggested name carries the kind and date, never the child's name.
        suggested = f"{self.report.document.value}-{datetime.now():%Y-%m-%d}.pdf"
        path = prompts.save_file_name(self, "Save the document", suggested)
        if path is None:
            return
        report, service, target = self.report, self._service, _pdf_path(path)
        # The save dialog asked before a file was replaced, but only about the name chosen.
        replace = str(target) == path
        self._runner.run(
            lambda: service.save(report, target, password, replace=replace),
            lambda changes: self._done("Saved.", changes),
            self._failed,
        )

    def print_document(self) -> None:
        try:
            self._service.may_print()
        except StorageProblem as problem:  # the records could only be opened to read
            self.status.setText("Not printed: the records can only be read just now.")
            self._on_error(problem)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.report.document.title)
        if not prompts.print_setup(self, printer):
            return
        painter = QPainter(printer)
        try:
            for number, page in enumerate(render_pages(self.report.pdf, PRINT_DPI)):
                if number:
                    printer.newPage()
                image = page.to_qimage()
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(size))
        finally:
            painter.end()
        report, service = self.report, self._service
        self._runner.run(
            lambda: service.record_printed(report),
            lambda changes: self._done("Sent to the printer.", changes),
            self._failed,
        )

    def _done(self, message: str, changes: ChangeSet) -> None:
        self.status.setText(message)
        self._on_recorded(changes)

    def _failed(self, error: Exception) -> None:
        self.status.setText("It was not saved. Nothing else was changed.")
        self._on_error(error)


def _pdf_path(path: str) -> Path:
    return Path(path) if path.lower().endswith(".pdf") else Path(f"{path}.pdf")
