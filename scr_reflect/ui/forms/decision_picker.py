"""Tick the decisions an escalation challenges: one box for each decision not to act further.

Reads and writes itself as the ticked referral ids ("12,15"), the form a draft keeps them in.
The first decision of an escalation already saved stays ticked: it is the record's link.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

# A decision offered: (what the DSL reads, the referral id as text).
Choice = tuple[str, str]


class DecisionPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget, choices: list[Choice], locked: str | None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for words, referral_id in choices:
            box = QCheckBox(words, self, objectName=f"decision_{referral_id}")
            box.toggled.connect(self.changed)
            box.setEnabled(referral_id != locked)
            layout.addWidget(box)
            self.boxes[referral_id] = box
        self._locked = locked
        self.setAccessibleName("Decisions challenged")

    def text_value(self) -> str:
        return ",".join(i for i, box in self.boxes.items() if box.isChecked() or i == self._locked)

    def set_text_value(self, text: str) -> None:
        ticked = {part for part in text.split(",") if part}
        for referral_id, box in self.boxes.items():
            box.setChecked(referral_id in ticked or referral_id == self._locked)

    def ticked(self) -> list[int]:
        return [int(part) for part in self.text_value().split(",") if part]
