"""One view of the body map figure with the marks on it, numbered; a click places a mark.

Drawn with QPainter from the figure's shapes (guidance/body_figure.py), the same shapes the
PDF documents draw. The widget describes its marks in words for a screen reader; without a
mouse, a mark is added from the tab's button by choosing the region from a list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.body_map import BodyMark, BodyView
from ...domain.body_regions import VIEW_SIZE, region_at, spread
from ...guidance.body_figure import figure, figure_title

_MARGIN = 8
_MARK_RADIUS = 9


class BodyFigureView(QWidget):
    placed = Signal(float, float)  # a click on the figure: x, y as fractions of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="bodyFigure")
        self.view = BodyView.FRONT
        self._marks: list[tuple[int, BodyMark]] = []
        self._chosen: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(180, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(260, 420)

    def show_marks(
        self, view: BodyView, marks: Sequence[tuple[int, BodyMark]], chosen: int | None
    ) -> None:
        """The view to draw and the numbered marks on it (marks on other views are left out)."""
        self.view = view
        self._marks = [(number, m) for number, m in marks if m.view is view]
        self._chosen = chosen
        self._describe()
        self.update()

    def _describe(self) -> None:
        self.setAccessibleName(f"Body map, {self.view.label.lower()}")
        words = "; ".join(f"mark {n}: {m.summary}, seen {m.when_text}" for n, m in self._marks)
        self.setAccessibleDescription(
            f"{figure_title(self.view)}. " + (words or "No marks on this view.")
        )
        self.setToolTip(figure_title(self.view))

    # Geometry ------------------------------------------------------------------------------

    def _frame(self) -> tuple[float, float, float]:
        """Scale and offset that fit the view's drawing in the widget, keeping its shape."""
        width, height = VIEW_SIZE[self.view]
        room_w, room_h = self.width() - 2 * _MARGIN, self.height() - 2 * _MARGIN
        scale = max(min(room_w / width, room_h / height), 0.01)
        left = (self.width() - width * scale) / 2
        top = (self.height() - height * scale) / 2
        return scale, left, top

    def mousePressEvent(self, event: QMouseEvent) -> None:
        scale, left, top = self._frame()
        width, height = VIEW_SIZE[self.view]
        x = (event.position().x() - left) / scale / width
        y = (event.position().y() - top) / scale / height
        if 0 <= x <= 1 and 0 <= y <= 1 and region_at(self.view, x, y) is not None:
            self.placed.emit(x, y)

    # Drawing -------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        scale, left, top = self._frame()
        painter.save()
        painter.translate(left, top)
        painter.scale(scale, scale)
        painter.setPen(QPen(QColor("black"), 2))
        for shape in figure(self.view):
            painter.setBrush(QColor("white") if shape.filled else Qt.BrushStyle.NoBrush)
            v = shape.values
            if shape.kind == "ellipse":
                painter.drawEllipse(QPointF(v[0], v[1]), v[2], v[3])
            elif shape.kind == "rect":
                painter.drawRoundedRect(QRectF(v[0], v[1], v[2], v[3]), v[4], v[4])
            else:
                polygon = QPolygonF([QPointF(x, y) for x, y in shape.points])
                if shape.kind == "polygon":
                    painter.drawPolygon(polygon)
                else:
                    painter.drawPolyline(polygon)
        painter.restore()
        self._draw_marks(painter, scale, left, top)
        painter.end()

    def _draw_marks(self, painter: QPainter, scale: float, left: float, top: float) -> None:
        width, height = VIEW_SIZE[self.view]
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        points = [(left + m.x * width * scale, top + m.y * height * scale) for _n, m in self._marks]
        spots = spread(points, 2 * _MARK_RADIUS + 1)
        for (number, mark), (x, y), (cx, cy) in zip(self._marks, points, spots, strict=True):
            centre = QPointF(cx, cy)
            if (cx, cy) != (x, y):  # moved aside from another mark: a line back to where it is
                painter.setPen(QPen(QColor("black"), 1))
                painter.drawLine(QPointF(x, y), centre)
                painter.setBrush(QColor("black"))
                painter.drawEllipse(QPointF(x, y), 2, 2)
            chosen = mark.id == self._chosen
            painter.setPen(QPen(QColor("black"), 3 if chosen else 1.5))
            painter.setBrush(QColor("#d9d9d9") if chosen else QColor("white"))
            painter.drawEllipse(centre, _MARK_RADIUS, _MARK_RADIUS)
            box = QRectF(centre.x() - _MARK_RADIUS, centre.y() - _MARK_RADIUS, 18, 18)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))
