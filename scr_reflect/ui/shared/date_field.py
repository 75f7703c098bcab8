"""One way to enter a date, or a date and time, in every form and filter.

A plain line of text typed as dd/mm/yyyy: no spin sections that turn 14/03/2012 into
14/01/2015 as the cursor moves. What was typed is read strictly (see domain.typed_dates);
beside the box a short note says what is wrong with it, or echoes a date of birth as an age.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ...domain import display_dates as show
from ...domain.typed_dates import (
    DATE_HINT,
    DATETIME_HINT,
    read_date,
    read_datetime,
)
from .palette_colours import mark_problem


class DateField(QLineEdit):
    """Reads and writes itself as ISO text for drafts; value() is what a form saves."""

    changed = Signal()  # the text changed: a draft is worth saving
    date_changed = Signal()  # the date it holds changed (or it was emptied): refilter

    def __init__(
        self,
        parent: QWidget | None,
        *,
        with_time: bool = False,
        time_optional: bool = False,
        required: bool = True,
        age_on: date | None = None,
    ) -> None:
        super().__init__(parent, placeholderText=DATETIME_HINT if with_time else DATE_HINT)
        self._with_time, self._required, self._age_on = with_time, required, age_on
        # The date alone is read as "time not known", never as a guessed time.
        self._time_optional = with_time and time_optional
        self._last: date | None = None
        self.note = QLabel(parent, objectName="dateNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        alone = f", or {DATE_HINT} alone if the time is not known" if self._time_optional else ""
        self.setToolTip(f"Type {self.placeholderText()}{alone}")
        # Wide enough to show the whole pattern, and no wider: the note goes beside it.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.placeholderText()) + 24)
        self.textChanged.connect(self._on_text)
        self.editingFinished.connect(self._explain)

    def with_note(self) -> QWidget:
        """The box with its note to the right, for a form row or a filter bar."""
        row = QWidget(self.parentWidget())
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self)
        layout.addWidget(self.note, 1)
        row.setFocusProxy(self)
        return row

    # What a form saves ----------------------------------------------------------------

    def value(self) -> date | None:
        """The date (a datetime with time) typed; None if left empty where that is allowed.
        Where the time may be left out, a date typed alone comes back as a date.

        ValueError, in words for the DSL, for anything that cannot be read as typed."""
        text = self.text().strip()
        if not text:
            if self._required:
                raise ValueError(f"enter it as {self.placeholderText()}.")
            return None
        if self._time_optional and len(text.split()) == 1:
            return read_date(text)
        return read_datetime(text) if self._with_time else read_date(text)

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.clear()
        elif isinstance(value, datetime):
            self.setText(show.day_and_time(value) if self._with_time else show.day(value.date()))
        else:
            self.setText(show.day(value))

    # Drafts: ISO when it can be read, else the text as typed, so nothing typed is lost ------

    def text_value(self) -> str:
        try:
            value = self.value()
        except ValueError:
            return self.text()
        if value is None:
            return ""
        return value.isoformat(timespec="seconds") if isinstance(value, datetime) else str(value)

    def set_text_value(self, text: str) -> None:
        try:
            value = self._from_iso(text)
        except ValueError:
            self.setText(text)
            return
        self.set_value(value)

    def _from_iso(self, text: str) -> date:
        if self._with_time and not (self._time_optional and "T" not in text):
            return datetime.fromisoformat(text)
        return date.fromisoformat(text)

    # The note beside the box -------------------------------------------------------------

    def _readable(self) -> date | bool | None:
        """The date typed, None if empty, False if it cannot be read."""
        if not self.text().strip():
            return None
        try:
            return self.value()
        except ValueError:
            return False

    def _on_text(self, _text: str) -> None:
        self.changed.emit()
        typed = self._readable()
        if typed is False:
            if self.property("problem"):
                return  # keep saying what is wrong until it reads
            self.note.clear()
            return
        self._show(self._age_text(typed) if isinstance(typed, date) else "", problem=False)
        if typed != self._last:
            self._last = typed
            self.date_changed.emit()

    def _explain(self) -> None:
        """Typing done (Enter or Tab away): say plainly if the date cannot be read."""
        try:
            self.value()
        except ValueError as error:
            if self.text().strip():
                message = str(error)
                self._show(message[:1].upper() + message[1:], problem=True)

    def _age_text(self, typed: date) -> str:
        if self._age_on is None or typed > self._age_on:
            return ""
        day = typed.date() if isinstance(typed, datetime) else typed
        before = (self._age_on.month, self._age_on.day) < (day.month, day.day)
        return f"(age {self._age_on.year - day.year - int(before)})"

    def _show(self, text: str, problem: bool) -> None:
        self.note.setText(text)
        self.setProperty("problem", problem)
        mark_problem(self.note, problem)  # a fixed dark red is lost on a dark theme
