"""The page every document shares: A4, the marking top and bottom, page x of y, who and when.

Black on white with grey rules only, so a greyscale printout loses nothing. The metadata holds
the document's title and the app's name, nothing about the machine or the person using it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from ..domain import display_dates as show
from .fonts import BOLD, REGULAR, register_fonts
from .report_data import Produced

APP_NAME = "SCR Reflect"
MARKING = "OFFICIAL-SENSITIVE"
PAGE_WIDTH, PAGE_HEIGHT = A4
SIDE_MARGIN = 16 * mm
TOP_MARGIN = 24 * mm
BOTTOM_MARGIN = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN
RULE_GREY = colors.Color(0.55, 0.55, 0.55)


@dataclass(frozen=True, slots=True)
class Built:
    pdf: bytes
    pages: int


@dataclass(frozen=True, slots=True)
class PageFurniture:
    """What is printed round the text on every page."""

    title: str  # the document, e.g. "Referral summary"
    subject: str  # whom it is about, e.g. the child's name; "" for none
    produced: Produced

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        right = PAGE_WIDTH - SIDE_MARGIN
        canvas.setFont(BOLD, 10)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 10 * mm, MARKING)
        heading = f"{self.title}: {self.subject}" if self.subject else self.title
        canvas.setFont(BOLD, 8)
        canvas.drawString(SIDE_MARGIN, PAGE_HEIGHT - 16 * mm, heading)
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(right, PAGE_HEIGHT - 16 * mm, self.produced.school_name)
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.5)
        canvas.line(SIDE_MARGIN, PAGE_HEIGHT - 18 * mm, right, PAGE_HEIGHT - 18 * mm)
        canvas.line(SIDE_MARGIN, 16 * mm, right, 16 * mm)
        when = show.day_and_time(self.produced.produced_at)
        canvas.drawString(SIDE_MARGIN, 12 * mm, f"Produced {when} by {self.produced.produced_by}")
        canvas.setFont(BOLD, 8)
        canvas.drawRightString(right, 12 * mm, f"Page {page} of {pages}")
        canvas.setFont(BOLD, 10)
        canvas.drawCentredString(PAGE_WIDTH / 2, 6 * mm, MARKING)
        canvas.restoreState()


def _numbered_canvas(furniture: PageFurniture, counted: list[int]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say 'of y'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            counted.append(len(self._held))
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                furniture.draw(self, number, len(self._held))
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    furniture: PageFurniture, story: Sequence[Flowable], *, invariant: bool = False
) -> Built:
    """Lay the story out on A4 pages and return the PDF bytes and the page count."""
    register_fonts()
    # Compressed streams as binary rather than ASCII85 text: a quarter smaller, and encoding
    # them as text was a tenth of the time a long document took to build.
    rl_config.useA85 = 0
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        # The document's kind only: the child's name stays inside, out of file listings.
        title=furniture.title,
        author=APP_NAME,
        creator=APP_NAME,
        producer=APP_NAME,
        subject="",
        keywords=[],
        lang="en-GB",
        # Without this every page would name Helvetica in its resources, unused.
        initialFontName=REGULAR,
        invariant=int(invariant),
    )
    counted: list[int] = []
    document.build(list(story), canvasmaker=_numbered_canvas(furniture, counted))
    return Built(buffer.getvalue(), counted[-1])
