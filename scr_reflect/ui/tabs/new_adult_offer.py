"""The Factors tab's offer to record a new adult in the household, named in words.

Shown only while the household note or a concern names one and no such factor is recorded.
The DSL records it through the factor form, which opens filled in for them to check, or puts
it aside for now; nothing is recorded from the words alone.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain.household_words import NewAdultOffer

QUESTION = "Record: new adult in the household?"


class NewAdultOfferBar(QFrame):
    """One calm line above the timeline, with its two answers."""

    record_asked = Signal(object)  # the NewAdultOffer to record

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="newAdultOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self, wordWrap=True, objectName="newAdultOfferText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.record = QPushButton("Record…", self, objectName="recordNewAdult")
        self.later = QPushButton("Not now", self, objectName="notNowNewAdult")
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.record)
        layout.addWidget(self.later)
        self._offer: NewAdultOffer | None = None
        self._set_aside: set[tuple[int, str, str]] = set()  # in memory only, never saved
        self._child_id = 0
        self.record.clicked.connect(lambda: self.record_asked.emit(self._offer))
        self.later.clicked.connect(self._put_aside)
        self.setVisible(False)

    def show_offer(self, child_id: int, offer: NewAdultOffer | None) -> None:
        """Show the offer for this child, unless there is none or it was put aside."""
        self._child_id, self._offer = child_id, offer
        if offer is None or self._key(offer) in self._set_aside:
            self.setVisible(False)
            return
        where = escape(offer.where[0].upper() + offer.where[1:])
        phrase = escape(offer.phrase)
        self.text.setText(f"{where} mentions \u201c{phrase}\u201d. <b>{QUESTION}</b>")
        self.setVisible(True)

    def _put_aside(self) -> None:
        if self._offer is not None:
            self._set_aside.add(self._key(self._offer))
        self.setVisible(False)

    def _key(self, offer: NewAdultOffer) -> tuple[int, str, str]:
        return self._child_id, offer.where, offer.phrase.casefold()
