"""What has built up around a child, drawn on one time axis so it is seen together.

One row per factor, grouped as parent or carer, family and child. A bar runs from when the
factor was first known to today (solid) or to when it stopped applying (hatched, so the two
read apart in greyscale). Colour marks the group only: it never grades anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from ...domain import display_dates as show
from ...domain.factors import CumulativeFactor, FactorGroup
from ...guidance.facts import FactorContext
from .timeline_axis import Axis

GROUP_COLOURS = {
    FactorGroup.PARENTAL: QColor("#46648c"),
    FactorGroup.FAMILY: QColor("#6e5a8f"),
    FactorGroup.CHILD: QColor("#3f6f7d"),
}
MARGIN, AXIS_HEIGHT, HEADING_HEIGHT, LEGEND_HEIGHT, BAR_HEIGHT = 10, 28, 28, 34, 12
LABEL_CHARS = 30  # width of the label column, in average characters


@dataclass(frozen=True, slots=True)
class TimelineRow:
    factor: CumulativeFactor
    context: FactorContext


@dataclass(frozen=True, slots=True)
class _Placed:
    top: int
    height: int
    group: FactorGroup
    row: TimelineRow | None  # None for a group heading


class FactorTimeline(QWidget):
    selection_changed = Signal(object)  # the selected factor's id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="factorTimeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Factors over time")
        self.rows: list[TimelineRow] = []
        self._placed: list[_Placed] = []
        self._axis = Axis(date.min, date.min)  # replaced by set_rows before anything is drawn
        self._selected: int | None = None
        self._small = QFont(self.font())
        self._small.setPointSizeF(self.font().pointSizeF() * 0.9)

    # Content and selection ----------------------------------------------------------------

    def set_rows(self, rows: list[TimelineRow], start: date, today: date) -> None:
        self.rows, self._axis = rows, Axis(start, today)
        if self._selected not in {r.factor.id for r in rows}:
            self.select(None)
        self._place()
        self.setAccessibleDescription(
            "\n".join(f"{r.factor.factor.label}: {r.context.beside}" for r in rows)
        )
        self.update()

    def selected_id(self) -> int | None:
        return self._selected

    def select(self, factor_id: int | None) -> None:
        if factor_id != self._selected:
            self._selected = factor_id
            self.selection_changed.emit(factor_id)
            self.update()

    def row_rect(self, factor_id: int) -> QRect:
        placed = next((p for p in self._placed if p.row and p.row.factor.id == factor_id), None)
        return QRect(0, placed.top, self.width(), placed.height) if placed else QRect()

    def _row_at(self, point: QPoint) -> TimelineRow | None:
        for placed in self._placed:
            if placed.row and placed.top <= point.y() < placed.top + placed.height:
                return placed.row
        return None

    # Layout -------------------------------------------------------------------------------

    def _label_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * LABEL_CHARS

    def _context_rect(self, placed: _Placed) -> QRect:
        top = placed.top + 5 + self.fontMetrics().height()
        return QRect(MARGIN + 12, top, self._label_width() - 12, placed.height - 8)

    def _place(self) -> None:
        """Headings and rows top to bottom; a row grows to fit its wrapped context text."""
        small, top, group = QFontMetrics(self._small), AXIS_HEIGHT, None
        self._placed = []
        for row in self.rows:
            if row.factor.factor.group != group:
                group = row.factor.factor.group
                self._placed.append(_Placed(top, HEADING_HEIGHT, group, None))
                top += HEADING_HEIGHT
            box = QRect(0, 0, self._label_width() - 12, 1000)
            wrapped = small.boundingRect(box, Qt.TextFlag.TextWordWrap, row.context.beside)
            height = max(36, self.fontMetrics().height() + wrapped.height() + 12)
            self._placed.append(_Placed(top, height, group, row))
            top += height
        self.setMinimumHeight(top + LEGEND_HEIGHT if self.rows else 0)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(self._label_width() + 320, self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._label_width() + 160, self.minimumHeight())

    def _bar_span(self) -> tuple[int, int]:
        return MARGIN + self._label_width() + 8, self.width() - MARGIN - 4

    # Painting -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.rows:
            return
        bottom = self._placed[-1].top + self._placed[-1].height
        self._paint_axis(painter, bottom)
        for placed in self._placed:
            if placed.row is None:
                self._paint_heading(painter, placed)
            else:
                self._paint_row(painter, placed, placed.row)
        self._paint_legend(painter, bottom + 8)
        painter.end()

    def _muted(self, alpha: int) -> QColor:
        colour = QColor(self.palette().windowText().color())
        colour.setAlpha(alpha)
        return colour

    def _paint_axis(self, painter: QPainter, bottom: int) -> None:
        left, right = self._bar_span()
        metrics = self.fontMetrics()
        painter.setPen(QPen(self._muted(60), 1))
        painter.drawLine(left, AXIS_HEIGHT - 4, right, AXIS_HEIGHT - 4)
        for day, label in self._axis.ticks(right - left):
            x = left + round(self._axis.fraction(day) * (right - left))
            painter.setPen(QPen(self._muted(35), 1))
            painter.drawLine(x, AXIS_HEIGHT - 4, x, bottom)
            width = metrics.horizontalAdvance(label)
            text_x = min(max(x - width // 2, left - 4), right - width)
            painter.setPen(self._muted(200))
            painter.drawText(text_x, AXIS_HEIGHT - 10, label)
        painter.setPen(QPen(self._muted(150), 1, Qt.PenStyle.DashLine))
        painter.drawLine(right, AXIS_HEIGHT - 4, right, bottom)  # today

    def _paint_heading(self, painter: QPainter, placed: _Placed) -> None:
        baseline = placed.top + HEADING_HEIGHT - 9
        painter.fillRect(MARGIN, baseline - 10, 4, 12, GROUP_COLOURS[placed.group])
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(MARGIN + 12, baseline, placed.group.label)
        painter.setFont(self.font())

    def _paint_row(self, painter: QPainter, placed: _Placed, row: TimelineRow) -> None:
        if row.factor.id == self._selected:
            highlight = QColor(self.palette().highlight().color())
            highlight.setAlpha(45)
            painter.fillRect(0, placed.top, self.width(), placed.height, highlight)
            painter.fillRect(0, placed.top, 3, placed.height, self.palette().highlight())
        painter.setPen(self.palette().windowText().color())
        line = placed.top + 5 + self.fontMetrics().ascent()
        label = self.fontMetrics().elidedText(
            row.factor.factor.short_label, Qt.TextElideMode.ElideRight, self._label_width() - 12
        )
        painter.drawText(MARGIN + 12, line, label)
        painter.setFont(self._small)
        painter.setPen(self._muted(170))
        painter.drawText(
            self._context_rect(placed),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop,
            row.context.beside,
        )
        painter.setFont(self.font())
        self._paint_bar(painter, line - self.fontMetrics().ascent() // 2, row.factor)

    def _paint_bar(self, painter: QPainter, middle: int, factor: CumulativeFactor) -> None:
        left, right = self._bar_span()
        first, last = factor.span(self._axis.end)
        x0 = left + round(self._axis.fraction(first) * (right - left))
        x1 = max(left + round(self._axis.fraction(last) * (right - left)), x0 + 4)
        bar = QRect(x0, middle - BAR_HEIGHT // 2, x1 - x0, BAR_HEIGHT)
        colour = GROUP_COLOURS[factor.factor.group]
        if factor.still_applies:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
        else:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
        painter.drawRoundedRect(bar, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_legend(self, painter: QPainter, top: int) -> None:
        painter.setFont(self._small)
        metrics = QFontMetrics(self._small)
        middle, x = top + 10, MARGIN + 12
        grey = self._muted(200)
        for still, text in ((True, "still applies"), (False, "no longer applies")):
            swatch = QRect(x, middle - 5, 22, 10)
            if still:
                painter.fillRect(swatch, grey)
            else:
                painter.setPen(QPen(grey, 1.2))
                painter.setBrush(QBrush(grey, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(swatch)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(grey)
            painter.drawText(x + 28, middle + metrics.ascent() // 2 - 1, text)
            x += 28 + metrics.horizontalAdvance(text) + 18
        painter.setPen(QPen(grey, 1, Qt.PenStyle.DashLine))
        painter.drawLine(x + 6, middle - 7, x + 6, middle + 7)
        painter.setPen(grey)
        painter.drawText(x + 14, middle + metrics.ascent() // 2 - 1, "today")
        painter.setFont(self.font())

    # Interaction --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().toPoint())
        self.select(row.factor.id if row else None)
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ids = [r.factor.id for p in self._placed if (r := p.row)]
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        if step is None or not ids:
            super().keyPressEvent(event)
            return
        here = ids.index(self._selected) if self._selected in ids else (-1 if step > 0 else 0)
        self.select(ids[max(0, min(len(ids) - 1, here + step))])

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self._row_at(event.pos())
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), _tooltip(row), self)
            return True
        return super().event(event)


def _tooltip(row: TimelineRow) -> str:
    """Our own words only (no record text), so nothing typed is read as markup."""
    factor = row.factor
    when = f"First known {show.day(factor.first_known)}"
    if factor.still_applies:
        state = "still applies"
    elif factor.ended_on:
        state = f"no longer applies from {show.day(factor.ended_on)}"
    else:
        state = "no longer applies"
    heading = f"{factor.factor.group.label}: {factor.factor.label}"
    return f"{heading}\n{when}; {state}\n{row.context.detail}"
