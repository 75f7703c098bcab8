"""Records > Import pupils…: a CTF or CSV from the school's MIS, previewed, then imported.

The file is read and matched on the lane; for a CSV the DSL first says which column holds
what. The preview shows everything the import would do; Import writes it all in one
transaction, or nothing if the file has bad rows the DSL has not chosen to skip.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...domain.csv_columns import ColumnMapping
from ...domain.pupil_roll import Roll
from ...domain.roll_matching import ImportPlan, SameChildTwice
from ...services import errors
from ...services.mis_errors import BadRowsNotSkipped, UnreadableFile
from ...services.pupil_import import ImportResult, MisFile, PupilImportService
from ..shared import prompts
from ..shared.errors import describe
from ..shared.task_runner import Runner
from ..shared.window_size import fit_to_screen, scrolling
from .column_mapping_page import ColumnMappingPage
from .pupil_import_preview import ImportPreview

T = TypeVar("T")
FILE_FILTER = "MIS exports (*.xml *.XML *.csv *.CSV *.txt);;All files (*)"
STALE = (
    "A child's record was changed while you were looking at the preview, so nothing was "
    "imported. Choose the file again to see the import as the records now stand."
)


class _ImportProgress(QObject):
    """Carries the import's progress from the lane to the bar: a signal emitted on another
    thread is delivered on the window's."""

    moved = Signal(int, int)


class PupilImportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        service: PupilImportService,
        on_imported: Callable[[ChangeSet], None],
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Import pupils from the MIS")
        fit_to_screen(self, QSize(980, 640))
        self._runner, self._service, self._on_imported = runner, service, on_imported
        self._open = True
        self._mis: MisFile | None = None
        self._mapping: ColumnMapping = {}
        self.plan: ImportPlan | None = None
        self.heading = QLabel("Import pupils from the MIS", self, objectName="formHeading")
        self.summary = QLabel(self, objectName="summary", wordWrap=True)
        self.columns = ColumnMappingPage(self)
        self.columns.chosen.connect(self._read_csv)
        self.preview = ImportPreview(self)
        self.pages = QStackedWidget(self)
        # A field per column: on a small or scaled screen the list scrolls, the buttons stay.
        self._columns_area = scrolling(self.columns, self)
        self.pages.addWidget(self._columns_area)
        self.pages.addWidget(self.preview)
        self.skip_bad_rows = QCheckBox(
            "Skip the bad rows and import the rest", self, objectName="skipBadRows"
        )
        self.skip_bad_rows.toggled.connect(self._update_import_button)
        self.status = QLabel(self, objectName="status", wordWrap=True)
        self.progress = QProgressBar(self, objectName="importProgress")
        self.progress.setFormat("%v of %m pupils")
        self.progress.setVisible(False)
        self._progress = _ImportProgress(self)
        self._progress.moved.connect(self._moved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = QPushButton("Import", self, objectName="importPupils")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.import_button.clicked.connect(self._import)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.skip_bad_rows)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self._show_step(columns=True)
        self.summary.setText("Reading the file…")

    def read(self, path: Path) -> None:
        self._run_then(lambda: self._service.read(path), self._file_read)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._open = False
        super().closeEvent(event)

    # Steps ----------------------------------------------------------------------------------

    def _file_read(self, mis: MisFile) -> None:
        self._mis = mis
        if mis.table is None:
            assert mis.roll is not None
            self._plan(mis.roll)
            return
        table, service = mis.table, self._service
        self._run_then(
            lambda: service.guessed_mapping(table),
            lambda guess: self._ask_columns(guess),
        )

    def _ask_columns(self, guess: ColumnMapping) -> None:
        assert self._mis is not None and self._mis.table is not None
        table = self._mis.table
        self.summary.setText(f"{self._mis.path.name}: {len(table.rows)} rows.")
        self.columns.show_columns(table.headers, guess, table.encoding)
        self._show_step(columns=True)

    def _read_csv(self, mapping: ColumnMapping) -> None:
        assert self._mis is not None and self._mis.table is not None
        table, service = self._mis.table, self._service
        self._mapping = mapping
        self._run_then(lambda: service.read_csv_roll(table, mapping), self._plan)

    def _plan(self, roll: Roll) -> None:
        self._run_then(lambda: self._service.plan(roll), self._show_plan)

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        assert self._mis is not None
        header = self._mis.header
        source = f" from {header.school}" if header and header.school else ""
        self.summary.setText(
            f"{self._mis.path.name}: a {plan.kind}{source}, {plan.pupils_read} pupils read. "
            f"{len(plan.new)} new, {len(plan.changed)} with changed details, "
            f"{plan.unchanged} unchanged, {len(plan.unsure)} to decide about, "
            f"{len(plan.not_on_roll)} in the records but not in the file (they are kept: an "
            f"import never removes anyone), {len(plan.bad_rows)} bad rows. Nothing is written "
            "until you choose Import."
        )
        self.preview.show_plan(plan)
        self.skip_bad_rows.setVisible(bool(plan.bad_rows))
        self.skip_bad_rows.setChecked(False)
        self._show_step(columns=False)

    def _show_step(self, columns: bool) -> None:
        self.pages.setCurrentWidget(self._columns_area if columns else self.preview)
        self.import_button.setVisible(not columns)
        self.skip_bad_rows.setVisible(not columns and bool(self.plan and self.plan.bad_rows))
        self._update_import_button()

    def _update_import_button(self) -> None:
        plan = self.plan
        ready = plan is not None and (not plan.bad_rows or self.skip_bad_rows.isChecked())
        self.import_button.setEnabled(ready)
        if plan is not None and plan.bad_rows and not self.skip_bad_rows.isChecked():
            self.status.setText(
                "The file has rows that cannot be imported (see Bad rows). Nothing will be "
                "imported until they are put right in the MIS, or you choose to skip them."
            )
        else:
            self.status.setText("")

    # Importing ------------------------------------------------------------------------------

    def _import(self) -> None:
        plan, service = self.plan, self._service
        if plan is None:
            return
        skip, choices, mapping = (
            self.skip_bad_rows.isChecked(),
            self.preview.choices(),
            self._mapping,
        )
        self.import_button.setEnabled(False)
        self.status.setText("Importing…")
        self.progress.setRange(0, 0)  # busy until the first batch says how many there are
        self.progress.setVisible(True)
        moved = self._progress.moved.emit

        def work() -> ImportResult:
            result = service.apply(plan, skip_bad_rows=skip, choices=choices, progress=moved)
            if mapping:
                service.remember_mapping(mapping)
            return result

        self._run_then(work, self._imported)

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _imported(self, result: ImportResult) -> None:
        self.progress.setVisible(False)
        self._on_imported(result.changes)
        self.plan = None
        self.import_button.setEnabled(False)
        done = f"Imported: {result.added} added, {result.updated} updated."
        self.status.setText(done)
        name = self._mis.path.name if self._mis else "The file"
        self.summary.setText(f"{name} is imported. {done} The tabs show what the file held.")

    def _run_then(self, work: Callable[[], T], then: Callable[[T], None]) -> None:
        """Work on the lane; its answer is dropped if the window has closed (locked) meanwhile."""
        self._runner.run(
            work,
            lambda result: then(result) if self._open else None,
            lambda error: self._failed(error) if self._open else None,
        )

    def _failed(self, error: Exception) -> None:
        self.progress.setVisible(False)
        self._update_import_button()
        if isinstance(error, UnreadableFile | BadRowsNotSkipped | SameChildTwice):
            said = str(error)
        elif isinstance(error, errors.StaleRecord):
            said = STALE
        else:
            said = describe(error)
        self.status.setText(said)
        prompts.warn(self, "Not imported", said)


def open_pupil_import(
    parent: QWidget,
    runner: Runner,
    service: PupilImportService,
    on_imported: Callable[[ChangeSet], None],
) -> PupilImportDialog | None:
    """Ask for the file, then show the import over the records."""
    chosen = prompts.open_file_name(
        parent, "Import pupils from the MIS", str(Path.home()), FILE_FILTER
    )
    if chosen is None:
        return None
    dialog = PupilImportDialog(parent, runner, service, on_imported)
    dialog.show()
    dialog.read(Path(chosen))
    return dialog
