"""At the top of the child's tab: a few plain sentences on what has built up, which accounts
do not hold together and which decisions are waiting; each opens its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...services.glance import GlanceLine, GlanceTopic


class _GlanceLine(QLabel):
    """A wrapped, plain-text line that opens its tab when clicked or activated."""

    activated = Signal()

    def __init__(self, line: GlanceLine, parent: QWidget) -> None:
        super().__init__(f"• {line.text}", parent, objectName=f"glance_{line.topic.value}")
        self.setTextFormat(Qt.TextFormat.PlainText)  # record-derived text is never markup
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setToolTip("Open the tab with the detail")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
        else:
            super().keyPressEvent(event)


class GlancePanel(QFrame):
    topic_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="glance")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.addWidget(QLabel("At a glance", self, objectName="glanceHeading"))
        self._lines: list[_GlanceLine] = []
        self.hide()

    def show_lines(self, lines: list[GlanceLine]) -> None:
        for label in self._lines:
            label.deleteLater()
        self._lines = []
        for line in lines:
            label = _GlanceLine(line, self)
            label.activated.connect(lambda t=line.topic: self._choose(t))
            self._layout.addWidget(label)
            self._lines.append(label)
        self.setVisible(bool(lines))

    def _choose(self, topic: GlanceTopic) -> None:
        self.topic_chosen.emit(topic.value)

    def texts(self) -> list[str]:
        return [label.text() for label in self._lines]
