"""Retention review: children whose records are past their review date, and those on hold.

From here the DSL keeps a child's records under a hold (with a reason), lifts a hold, or deletes
the records after review. The window belongs to the records view, so locking closes it with
every other window that shows a record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import display_dates as show
from ...domain.changes import ChangeSet
from ...domain.draft_key import DraftKey
from ...domain.retention import RETENTION_YEARS, ChildRecords, RetentionReview, ReviewChild
from ...services.retention import RetentionService
from ..shared import prompts
from ..shared.errors import describe
from ..shared.task_runner import Runner
from ..shared.widgets import fit_columns, record_table
from ..shared.window_size import fit_to_screen, scrolling
from ..workspace_view import WorkspaceView
from .delete_confirmation import DeleteConfirmation
from .retention_model import COL_REASON, DUE_COLUMNS, HELD_COLUMNS, ReviewModel

INTRO = (
    "Child protection records are kept until the child's date of birth + "
    f"{RETENTION_YEARS} years (IRMS Information Management Toolkit for Schools). Then you "
    "review them: keep them under a hold while there is a reason (an inquiry, a legal claim), "
    "or delete them."
)
NONE_DUE = "No child's records are past their review date. There is nothing to decide today."
NONE_HELD = "No records are kept by a hold."
T = TypeVar("T")


def _label(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _Section(QGroupBox):
    """A titled table with a calm line in its place when it has no rows."""

    def __init__(
        self, title: str, empty: str, model: ReviewModel, name: str, stretch: int, parent: QWidget
    ) -> None:
        super().__init__(title, parent)
        self.model = model
        model.setParent(self)  # goes with the window, and the names it holds with it
        self.table: QTableView = record_table(self, name, model)
        self.table.setWordWrap(True)  # a hold's reason wraps within its column
        fit_columns(self.table, stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_choice)
        self.empty = _label(empty, self, "empty")
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)

    def button(self, text: str, name: str) -> QPushButton:
        """A button that works on the chosen child: greyed out while none is chosen."""
        button = QPushButton(text, self, objectName=name)
        button.setEnabled(False)
        self.buttons.addWidget(button)
        return button

    def _on_choice(self) -> None:
        chosen = self.chosen() is not None
        for button in self.findChildren(QPushButton):
            button.setEnabled(chosen)

    def show_rows(self, rows: tuple[ReviewChild, ...], review: RetentionReview) -> None:
        self.model.show(rows, review.today)  # a reset: no row is chosen any more
        self._on_choice()
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def chosen(self) -> ReviewChild | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.child_at(rows[0].row()) if rows else None


class RetentionWindow(QDialog):
    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        service: RetentionService,
        on_changed: Callable[[ChangeSet], None],
        before_deleting: Callable[[int], None],
        on_deleted: Callable[[int], None],
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Retention review")
        fit_to_screen(self, QSize(980, 640))
        self._runner, self._service = runner, service
        self._open = True
        self._on_changed = on_changed
        self._before_deleting, self._on_deleted = before_deleting, on_deleted
        self.due = _Section(
            "Past their review date", NONE_DUE, ReviewModel(DUE_COLUMNS), "due", 0, self
        )
        self.place_hold = self.due.button("Keep them: place a hold…", "placeHold")
        self.delete = self.due.button("Delete the records…", "deleteRecords")
        self.held = _Section(
            "Kept by a hold", NONE_HELD, ReviewModel(HELD_COLUMNS), "held", COL_REASON, self
        )
        self.lift_hold = self.held.button("Lift the hold…", "liftHold")
        self.status = _label("", self, "status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.place_hold.clicked.connect(self._place_hold)
        self.lift_hold.clicked.connect(self._lift_hold)
        self.delete.clicked.connect(self._ask_to_delete)
        body = QWidget(self)
        sections = QVBoxLayout(body)
        sections.setContentsMargins(0, 0, 0, 0)
        sections.addWidget(_label("Retention review", body, "formHeading"))
        sections.addWidget(_label(INTRO, body, "intro"))
        sections.addWidget(self.due, 3)
        sections.addWidget(self.held, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body, self), 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def reload(self) -> None:
        self._run_then(self._service.review, self.show_review)

    def _run_then(self, work: Callable[[], T], then: Callable[[T], None]) -> None:
        """Work on the lane; its answer is dropped if the window has closed (locked) meanwhile."""
        self._runner.run(
            work,
            lambda result: then(result) if self._open else None,
            lambda error: self._failed(error) if self._open else None,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._open = False
        super().closeEvent(event)

    def show_review(self, review: RetentionReview) -> None:
        self.due.show_rows(review.due, review)
        self.held.show_rows(review.on_hold, review)

    # Holds --------------------------------------------------------------------------------

    def _place_hold(self) -> None:
        child = self.due.chosen()
        if child is None:
            return
        reason = prompts.ask_text(
            self,
            "Keep the records: place a hold",
            f"Why must {child.display_name}'s records be kept past their review date? For "
            "example an inquiry or a legal claim. The reason goes in their chronology.",
        )
        if reason is None:
            return
        service, child_id = self._service, child.child_id
        self._run(lambda: service.place_hold(child_id, reason), "The hold is in place.")

    def _lift_hold(self) -> None:
        child = self.held.chosen()
        if child is None or child.hold is None:
            return
        hold = child.hold
        if not prompts.confirm(
            self,
            "Lift the hold",
            f"Lift the hold on {child.display_name}'s records? It was placed on "
            f"{show.day(hold.placed_at)} by {hold.placed_by} because: {hold.reason}\n\n"
            "The records stay. Once past their review date they come back to this review.",
            yes="Lift the hold",
        ):
            return
        service, child_id = self._service, child.child_id
        self._run(lambda: service.lift_hold(child_id), "The hold is lifted.")

    def _run(self, change: Callable[[], ChangeSet], done: str) -> None:
        def changed(changes: ChangeSet) -> None:
            self.status.setText(done)
            self._on_changed(changes)
            self.reload()

        self._run_then(change, changed)

    # Deleting -----------------------------------------------------------------------------

    def _ask_to_delete(self) -> None:
        child = self.due.chosen()
        if child is not None:
            service, child_id = self._service, child.child_id
            self._run_then(
                lambda: (service.records_of(child_id), service.copies_left()),
                lambda found: self._confirm_deletion(child, *found),
            )

    def _confirm_deletion(
        self, child: ReviewChild, records: ChildRecords, copies: list[str]
    ) -> None:
        typed = DeleteConfirmation.ask(self, child, records, copies)
        if typed is None or not self._open:  # cancelled, or locked while it was asking
            return
        self._before_deleting(child.child_id)
        service, child_id = self._service, child.child_id

        def deleted(_changes: ChangeSet) -> None:
            self.status.setText("The records are deleted.")
            self._on_deleted(child_id)
            self.reload()

        self._run_then(lambda: service.delete_child(child_id, typed), deleted)

    def _failed(self, error: Exception) -> None:
        prompts.warn(self, "Not done", describe(error))


def open_retention_review(view: WorkspaceView | None, runner: Runner) -> None:
    """Show the review over the records (or bring it forward if it is open already)."""
    if view is None:
        return
    for open_already in view.findChildren(RetentionWindow):
        if open_already.isVisible():
            open_already.raise_()
            open_already.activateWindow()
            return
    window: RetentionWindow

    def forget(child_id: int) -> None:
        view.forget_child(child_id)
        view.status.emit("The child's records are deleted.")

    window = RetentionWindow(
        view,
        runner,
        view.workspace.retention,
        view.apply,
        lambda child_id: _let_go_of(view, child_id, window),
        forget,
    )
    window.show()
    window.reload()


def _let_go_of(view: WorkspaceView, child_id: int, keep: QWidget) -> None:
    """Before a deletion: a form about the child closes unsaved (its draft goes with the
    child); every other window showing records closes as on locking, saving what it holds."""
    for form in list(view.forms):
        if DraftKey.parse(form.draft_key).child_id == child_id:
            form.done(0)
    for widget in view.findChildren(QWidget):
        if widget.isWindow() and widget.isVisible() and widget is not keep:
            widget.close()
