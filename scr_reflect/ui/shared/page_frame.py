"""A calm centred card for the pages shown before the records are open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

CARD_WIDTH = 520


def framed(page: QWidget, heading: str, content: QWidget) -> None:
    # The card scrolls inside the page, so a small or scaled screen still reaches every field.
    scroll = QScrollArea(page, widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    holder = QWidget(scroll)
    scroll.setWidget(holder)
    card = QFrame(holder, objectName="card")
    card.setFixedWidth(CARD_WIDTH)
    inner = QVBoxLayout(card)
    title = QLabel(heading, card, objectName="heading")
    inner.addWidget(title)
    inner.addWidget(content)
    # A centred card is given its plain size hint, which ignores how tall wrapped text is at
    # this width: without a floor the fields under an intro are squeezed into it.
    card.setMinimumHeight(inner.totalHeightForWidth(CARD_WIDTH))
    outer = QVBoxLayout(holder)
    outer.addStretch(1)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(2)
    QVBoxLayout(page).addWidget(scroll)
