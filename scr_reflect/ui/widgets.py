"""Small widget factories so every form enters dates and text the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

DATE_FORMAT = "dd/MM/yyyy"
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"
EARLIEST = QDate(1990, 1, 1)
F = TypeVar("F")


def date_edit(parent: QWidget, initial: date, earliest: date = date(1990, 1, 1)) -> QDateEdit:
    edit = QDateEdit(parent, calendarPopup=True, displayFormat=DATE_FORMAT)
    edit.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
    edit.setDate(QDate(initial.year, initial.month, initial.day))
    return edit


def any_date_edit(parent: QWidget, name: str) -> QDateEdit:
    """A date box for a filter, whose earliest value reads "Any": no limit on that side."""
    edit = QDateEdit(parent, objectName=name, calendarPopup=True, displayFormat=DATE_FORMAT)
    edit.setMinimumDate(EARLIEST)
    edit.setSpecialValueText("Any")
    edit.setDate(EARLIEST)
    return edit


def chosen_date(edit: QDateEdit) -> date | None:
    """The date an any_date_edit holds; None while it reads "Any"."""
    picked = edit.date()
    return None if picked == EARLIEST else date(picked.year(), picked.month(), picked.day())


def date_range(parent: QWidget) -> tuple[QDateEdit, QDateEdit, QLabel]:
    """A filter's From and To boxes, and a hidden label for a range that cannot be read."""
    date_from, date_to = any_date_edit(parent, "dateFrom"), any_date_edit(parent, "dateTo")
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


def datetime_edit(parent: QWidget, initial: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent, calendarPopup=True, displayFormat=DATETIME_FORMAT)
    edit.setDateTime(QDateTime.fromString(as_iso(initial), Qt.DateFormat.ISODate))
    return edit


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
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def iso_date(text: str) -> date:
    return date.fromisoformat(text)


def iso_datetime(text: str) -> datetime:
    # Qt's ISO text may carry seconds; the chronology keeps minutes.
    return datetime.fromisoformat(text).replace(second=0, microsecond=0, tzinfo=None)


def as_iso(value: date | datetime) -> str:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value.isoformat()
