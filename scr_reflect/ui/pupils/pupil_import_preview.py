"""What importing a MIS file would do, shown before anything is written.

One tab each: new pupils, changed details (old -> new), pupils to decide about (with a
choice for each: leave out, the same child as one in the records, or a new pupil),
children in the records but not in the file (kept: nobody is removed by an import), and
the rows that cannot be imported, each with its line and problem.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from ...domain.display_dates import day
from ...domain.records import Child
from ...domain.roll_matching import ImportPlan, Unsure

LEAVE_OUT = "Leave out of this import"
AS_NEW = "Add as a new pupil"
CHOICE_COLUMN = 2
CHOICE_WIDTH = 280  # past it a choice is cut short in its box; its list opens wide enough


class ImportPreview(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.new = _table(
            self, "newPupils", ["Line", "Name", "Date of birth", "Year", "Group", "UPN"]
        )
        self.changed = _table(self, "changedPupils", ["Line", "Name", "What changes (old -> new)"])
        self.unsure = _table(self, "unsurePupils", ["Line", "In the file", "Your choice", "Why"])
        self.not_on_roll = _table(self, "notOnRoll", ["Name", "Date of birth", "Year", "UPN"])
        self.bad_rows = _table(self, "badRows", ["Line", "Problem"])
        self._choices: list[tuple[Unsure, QComboBox]] = []

    def show_plan(self, plan: ImportPlan) -> None:
        self.clear()
        _fill(
            self.new,
            [
                [str(p.line), p.full_name, day(p.date_of_birth), p.year_group, p.tutor_group, p.upn]
                for p in plan.new
            ],
        )
        _fill(
            self.changed,
            [
                [
                    str(c.pupil.line),
                    c.child.full_name,
                    "; ".join(map(str, c.changes)),
                ]
                for c in plan.changed
            ],
        )
        _fill(
            self.unsure,
            [
                [
                    str(u.pupil.line),
                    f"{u.pupil.full_name}, born {day(u.pupil.date_of_birth)}",
                    "",
                    u.reason,
                ]
                for u in plan.unsure
            ],
        )
        self._choices = []
        for row, doubt in enumerate(plan.unsure):
            box = _choice_box(self.unsure, doubt)
            self.unsure.setCellWidget(row, CHOICE_COLUMN, box)
            self._choices.append((doubt, box))
        if self._choices:  # a box's width is not a cell's content: the column is set to fit
            header = self.unsure.horizontalHeader()
            header.setSectionResizeMode(CHOICE_COLUMN, QHeaderView.ResizeMode.Interactive)
            widest = max(box.sizeHint().width() for _doubt, box in self._choices)
            self.unsure.setColumnWidth(CHOICE_COLUMN, min(widest, CHOICE_WIDTH))
        _fill(
            self.not_on_roll,
            [[c.full_name, day(c.date_of_birth), c.year_group, c.upn] for c in plan.not_on_roll],
        )
        _fill(self.bad_rows, [[str(b.line), b.problem] for b in plan.bad_rows])
        for table, title, count in (
            (self.new, "New", len(plan.new)),
            (self.changed, "Changed", len(plan.changed)),
            (self.unsure, "To decide", len(plan.unsure)),
            (self.not_on_roll, "Not in the file", len(plan.not_on_roll)),
            (self.bad_rows, "Bad rows", len(plan.bad_rows)),
        ):
            self.addTab(table, f"{title} ({count})")
        first_with_rows = next((i for i in range(self.count()) if _rows(self.widget(i))), 0)
        self.setCurrentIndex(4 if plan.bad_rows else first_with_rows)

    def choices(self) -> dict[int, int | None]:
        """For each pupil to decide about that the DSL did not leave out: the child's id, or
        None for a new pupil."""
        chosen: dict[int, int | None] = {}
        for doubt, box in self._choices:
            if box.currentText() == LEAVE_OUT:
                continue
            chosen[doubt.pupil.line] = box.currentData()
        return chosen


def _choice_box(parent: QWidget, doubt: Unsure) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(f"What line {doubt.pupil.line} is")
    box.addItem(LEAVE_OUT, None)
    for child in doubt.candidates:
        box.addItem(f"The same child as {_described(child)}", child.id)
    box.addItem(AS_NEW, None)
    box.setToolTip(doubt.reason)
    box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
    return box


def _described(child: Child) -> str:
    upn = f", UPN {child.upn}" if child.upn else ""
    return f"{child.display_name} (born {day(child.date_of_birth)}{upn})"


def _table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


def _rows(widget: QWidget) -> int:
    return widget.rowCount() if isinstance(widget, QTableWidget) else 0
