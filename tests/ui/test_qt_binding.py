"""The Qt binding must keep Python's reference counts right (PySide6 6.12.0 did not)."""

import sys

from PySide6.QtWidgets import QWidget

CALLS = 2000


def test_calling_qt_methods_does_not_drop_references_to_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.setWindowTitle("SCR Reflect")
    # A broken binding loses one reference per call; a sound one loses none.
    assert sys.getrefcount(None) > before - CALLS // 2
