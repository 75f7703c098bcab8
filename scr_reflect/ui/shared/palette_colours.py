"""Colours taken from the palette, so hints and links stay readable on light and dark themes.

A fixed pale tint under the palette's own text is unreadable once that text is white; a tint
mixed from the palette's base keeps the text's contrast whichever way round the theme is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

AMBER = QColor("#e0a000")
MINIMUM_CONTRAST = 4.5  # WCAG AA for body text


def blend(under: QColor, over: QColor, amount: float) -> QColor:
    """over laid on under at the given opacity (0 to 1)."""
    return QColor.fromRgbF(
        under.redF() + (over.redF() - under.redF()) * amount,
        under.greenF() + (over.greenF() - under.greenF()) * amount,
        under.blueF() + (over.blueF() - under.blueF()) * amount,
    )


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _readable_tint(text: QColor, base: QColor, amount: float) -> QColor:
    """The strongest amber tint of base (up to amount) that keeps text readable on it."""
    while amount > 0:
        tint = blend(base, AMBER, amount)
        if contrast_ratio(text, tint) >= MINIMUM_CONTRAST:
            return tint
        amount -= 0.05
    return base


@dataclass(frozen=True, slots=True)
class HintColours:
    text: QColor  # the box's own text, drawn over the tint
    tint: QColor  # behind a flagged phrase
    underline: QColor  # the wavy line under it
    panel: QColor  # behind the list of suggestions
    panel_text: QColor
    edge: QColor  # the panel's left border


def hint_colours(palette: QPalette) -> HintColours:
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return HintColours(
        text=text,
        tint=_readable_tint(text, base, 0.35),
        underline=blend(text, AMBER, 0.6),
        panel=_readable_tint(text, base, 0.15),
        panel_text=text,
        edge=AMBER,
    )


def problem_colour(palette: QPalette) -> QColor:
    """A red that reads on the window's own background, light or dark."""
    window = palette.color(QPalette.ColorRole.Window)
    for red in ("#8a1c1c", "#ff9e9e"):
        if contrast_ratio(QColor(red), window) >= MINIMUM_CONTRAST:
            return QColor(red)
    return palette.color(QPalette.ColorRole.WindowText)


def mark_problem(label: QLabel, problem: bool) -> None:
    """Show label's text as a problem (bold, in a red that reads on this palette), or plainly."""
    colour = problem_colour(label.palette()).name()
    label.setStyleSheet(f"color: {colour}; font-weight: 600;" if problem else "")
