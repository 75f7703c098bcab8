"""Every window sizes itself from the screen it opens on.

A school laptop is often 1366x768, and scaling at 1.5x or 2x leaves even less: a window with a
fixed size lets its Save, Print or Cancel fall off the bottom of the screen. Each window asks for
the size it would like and gets at most a share of the screen's free area, centred on it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QFrame, QScrollArea, QWidget

# Room left for the window's title bar and frame, which the window manager adds outside it.
SHARE_WIDE = 0.95
SHARE_HIGH = 0.90


def available_geometry(window: QWidget) -> QRect:
    """The screen area free of panels and docks. Tests replace this to try a small screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Resize to the preferred size, or the share of the screen that fits, and centre it."""
    area = available_geometry(window)
    window.resize(
        min(preferred.width(), int(area.width() * SHARE_WIDE)),
        min(preferred.height(), int(area.height() * SHARE_HIGH)),
    )
    window.move(
        area.x() + (area.width() - window.width()) // 2,
        area.y() + (area.height() - window.height()) // 2,
    )


def narrow(combo: QComboBox, characters: int = 12) -> None:
    """A filter list as wide as a few characters, not its longest choice: a child's full name
    or an action's wording would otherwise widen its window past a small screen. The open list
    still shows every choice in full."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)


def scrolling(content: QWidget | None, parent: QWidget) -> QScrollArea:
    """The body of a window in a frameless scroll area, so the buttons under it stay on a
    small screen while the body scrolls. Without content, the body is set when it is built."""
    area = QScrollArea(parent, widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    if content is not None:
        area.setWidget(content)
    return area
