"""The audit trail: who did what, to which child's records, and when; newest first.

Filters by child, person, action and dates. It reads the trail and never changes it. It
belongs to the unlocked records, so locking closes it with them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.audit import AuditAction, AuditFilter
from ...services.audit import AuditService
from ..shared.task_runner import Runner
from ..shared.widgets import chosen_date, date_range, fit_columns, read_filter, record_table
from ..shared.window_size import fit_to_screen, narrow
from .audit_model import COL_DETAIL, AuditModel

ANY = None
INTRO = (
    "Every record made or amended, every child's record opened, every document saved or "
    "printed, every backup, restore and unlock, newest first. Entries are sealed in a chain "
    "and never change: Safety ▸ Verify your records checks that none has been altered or removed."
)


class AuditWindow(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        service: AuditService,
        on_error: Callable[[Exception], None],
        child: tuple[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Audit trail")
        fit_to_screen(self, QSize(1100, 640))
        self._runner, self._service, self._on_error = runner, service, on_error
        intro = QLabel(INTRO, self, objectName="intro", wordWrap=True)
        self.child = QComboBox(self, objectName="childFilter")
        self.child.addItem("Any child", ANY)
        if child is not None:
            self.child.addItem(child[1], child[0])
            self.child.setCurrentIndex(1)
        self.person = QComboBox(self, objectName="personFilter")
        self.person.addItem("Anyone", ANY)
        self.action = QComboBox(self, objectName="actionFilter")
        self.action.addItem("Any action", ANY)
        for action in AuditAction:
            self.action.addItem(action.label, action.value)
        for combo, name in (
            (self.child, "Child"),
            (self.person, "Person"),
            (self.action, "Action"),
        ):
            combo.setAccessibleName(name)
            narrow(combo, 9)
        self.date_from, self.date_to, self.problem = date_range(self)
        self.model = AuditModel(runner, service.lines, on_error)
        self.table = record_table(self, "auditTable", self.model)
        self.table.setAccessibleName("Audit trail")
        fit_columns(self.table, COL_DETAIL)
        self.count = QLabel(self, objectName="count")
        close = QPushButton("Close", self, objectName="close")
        close.clicked.connect(self.close)

        filters = QGridLayout()
        for column, (caption, widget) in enumerate(
            (("Child", self.child), ("Person", self.person), ("Action", self.action))
        ):
            filters.addWidget(QLabel(caption, self), 0, column)
            filters.addWidget(widget, 1, column)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from.with_note())
        dates.addWidget(QLabel("to", self))
        dates.addWidget(self.date_to.with_note())
        filters.addWidget(QLabel("Between", self), 0, 3)
        filters.addLayout(dates, 1, 3)
        filters.setColumnStretch(0, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for signal in (
            self.child.currentIndexChanged,
            self.person.currentIndexChanged,
            self.action.currentIndexChanged,
            self.date_from.date_changed,
            self.date_from.editingFinished,
            self.date_to.editingFinished,
            self.date_to.date_changed,
        ):
            signal.connect(self.refresh)
        self._runner.run(lambda: (service.children(), service.people()), self._fill, on_error)

    def _fill(self, choices: tuple[list[tuple[int, str]], list[str]]) -> None:
        """The children and people the trail names; the filters start as they were set."""
        children, people = choices
        chosen = self.child.currentData()
        for combo, items in (
            (self.child, [(name, child_id) for child_id, name in children]),
            (self.person, [(name, name) for name in people]),
        ):
            combo.blockSignals(True)
            for text, value in items:
                if combo.findData(value) < 0:
                    combo.addItem(text, value)
            combo.blockSignals(False)
        self.child.setCurrentIndex(max(0, self.child.findData(chosen)))
        self.refresh()

    def current_filter(self) -> AuditFilter:
        action = self.action.currentData()
        return AuditFilter(
            child_id=self.child.currentData(),
            actor=self.person.currentData(),
            action=AuditAction(action) if action else None,
            date_from=chosen_date(self.date_from, "From"),
            date_to=chosen_date(self.date_to, "To"),
        )

    def refresh(self) -> None:
        wanted = read_filter(self.problem, self.current_filter)
        if wanted is None:
            return
        self._runner.run(lambda: self._service.seqs(wanted), self._show, self._on_error)

    def _show(self, seqs: list[int]) -> None:
        self.model.set_ids(seqs)
        self.count.setText("No entries match." if not seqs else _entries(len(seqs)))


def _entries(count: int) -> str:
    return f"{count:,} entr{'y' if count == 1 else 'ies'}"
