"""At the top of the child's tab: a few plain sentences on what has built up, which accounts
do not hold together and which decisions are waiting; each opens its tab."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ..services.glance import GlanceLine


class GlancePanel(QFrame):
    topic_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="glance")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.addWidget(QLabel("At a glance", self, objectName="glanceHeading"))
        self._buttons: list[QPushButton] = []
        self.hide()

    def show_lines(self, lines: list[GlanceLine]) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for line in lines:
            # Buttons, not rich-text links: record-derived text is never read as markup.
            button = QPushButton(line.text, self, objectName=f"glance_{line.topic.value}")
            button.setFlat(True)
            button.setToolTip("Open the tab with the detail")
            button.clicked.connect(lambda _=False, t=line.topic: self.topic_chosen.emit(t))
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.setVisible(bool(lines))

    def texts(self) -> list[str]:
        return [button.text() for button in self._buttons]
