"""Small widget factories so every form enters dates and text the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from .date_field import DateField

F = TypeVar("F")


def date_edit(
    parent: QWidget, initial: date | None = None, age_on: date | None = None
) -> DateField:
    """A required date, typed; it starts empty unless a default is plainly right (today)."""
    edit = DateField(parent, age_on=age_on)
    edit.set_value(initial)
    return edit


def datetime_edit(parent: QWidget, initial: datetime, *, time_optional: bool = False) -> DateField:
    edit = DateField(parent, with_time=True, time_optional=time_optional)
    edit.set_value(initial)
    return edit


def any_date_edit(parent: QWidget, name: str, accessible: str) -> DateField:
    """A date box for a filter: left empty, there is no limit on that side."""
    edit = DateField(parent, required=False)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setToolTip("Type dd/mm/yyyy, or leave empty for no limit on this side.")
    return edit


def chosen_date(edit: DateField, side: str) -> date | None:
    """The date a filter box holds; None while empty. ValueError naming the box otherwise."""
    try:
        return edit.value()
    except ValueError as error:
        raise ValueError(f"The {side} date cannot be read: {error}") from None


def date_range(parent: QWidget) -> tuple[DateField, DateField, QLabel]:
    """A filter's From and To boxes, and a hidden label for a range that cannot be read."""
    date_from = any_date_edit(parent, "dateFrom", "From date")
    date_to = any_date_edit(parent, "dateTo", "To date")
    problem = QLabel(parent, objectName="filterProblem")
    problem.hide()
    return date_from, date_to, problem


def read_filter(problem: QLabel, read: Callable[[], F]) -> F | None:
    """The filter the boxes describe; None, with the reason shown, when it cannot be read."""
    try:
        wanted = read()
    except ValueError as error:  # e.g. the From date after the To date
        problem.setText(str(error))
        problem.show()
        return None
    problem.hide()
    return wanted


def text_box(parent: QWidget, placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit(parent, placeholderText=placeholder, tabChangesFocus=True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def choice_box(parent: QWidget, choices: list[tuple[str, str]]) -> QComboBox:
    """A combo box of (label, stored value) pairs."""
    box = QComboBox(parent)
    for label, value in choices:
        box.addItem(label, value)
    return box


def record_table(parent: QWidget, name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table of records: whole rows selected one at a time, no row numbers."""
    table = QTableView(parent, objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


def fit_columns(table: QTableView, stretch: int) -> None:
    """Columns fit their contents; the one named takes the width left over."""
    header = table.horizontalHeader()
    # Measured from the rows on screen only: Qt otherwise samples up to 1,000 rows, and a lazy
    # model loads every page they fall in just to size a column.
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def iso_date(text: str) -> date:
    return date.fromisoformat(text)


def iso_datetime(text: str) -> datetime:
    # Qt's ISO text may carry seconds; the chronology keeps minutes.
    return datetime.fromisoformat(text).replace(second=0, microsecond=0, tzinfo=None)


def as_iso(value: date | datetime) -> str:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value.isoformat()
