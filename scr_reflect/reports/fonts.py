"""The embedded font: DejaVu Sans (free licence, resources/fonts/LICENSE-DejaVu.txt).

reportlab's built-in Helvetica cannot draw Ł or ễ; DejaVu can, and reportlab embeds the
glyphs a document uses as a TrueType subset.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resource_files import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def register_fonts() -> None:
    """Register both faces once per process; <b> in a paragraph then picks the bold face."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    # No oblique face is shipped: italic falls back to upright rather than to Helvetica.
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
