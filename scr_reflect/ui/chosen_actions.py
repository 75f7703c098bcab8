"""Menu and toolbar actions that work on the chosen child or concern: greyed out until there is
one, with the reason on hover, rather than a word in the status bar after the DSL has tried."""

from __future__ import annotations

from PySide6.QtGui import QAction

NEEDS_CHILD = "choose a child in the list first"
NEEDS_CONCERN = "choose a concern in the chronology first"


class ChosenActions:
    def __init__(self, needs_child: list[QAction], needs_concern: list[QAction]) -> None:
        self._needs_child, self._needs_concern = needs_child, needs_concern

    def update(self, child: bool, concern: bool) -> None:
        """child, concern: whether one is chosen now."""
        for action in self._needs_child:
            _set(action, child, NEEDS_CHILD)
        for action in self._needs_concern:
            _set(action, concern, NEEDS_CONCERN)


def _set(action: QAction, ready: bool, why: str) -> None:
    name = action.text().replace("&", "").rstrip("…")
    action.setEnabled(ready)
    action.setToolTip(name if ready else f"{name}: {why}")
    action.setStatusTip("" if ready else f"{why[0].upper()}{why[1:]}.")
