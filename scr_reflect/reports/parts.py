"""Styles and small flowables the documents are made of: headings, text, quotes, tables.

Every piece of user text goes through `text()`, which escapes it for reportlab's mark-up and
keeps its line breaks. Tables are short, ruled in grey and repeat their header row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import BOLD, REGULAR
from .page import FRAME_WIDTH, RULE_GREY

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, spaceAfter=3)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, spaceAfter=0)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
HEAD_CELL = ParagraphStyle("head_cell", parent=CELL, fontName=BOLD)
TITLE = ParagraphStyle("title", parent=BODY, fontName=BOLD, fontSize=16, leading=20)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=10.5, leading=14, spaceAfter=6)
HEADING = ParagraphStyle(
    "heading",
    parent=BODY,
    fontName=BOLD,
    fontSize=12,
    leading=15,
    spaceBefore=9,
    spaceAfter=4,
)
LABEL = ParagraphStyle("label", parent=BODY, fontName=BOLD, spaceBefore=4, spaceAfter=1)
# Room left on a page below which a heading (or a label) starts the next page instead, so it
# is never stranded at the foot of a page; tables below it still split across pages.
HEADING_ROOM = 50 * mm
LABEL_ROOM = 40 * mm
QUOTE = ParagraphStyle("quote", parent=BODY, fontSize=10, leading=13.5, spaceAfter=0)

HEADER_SHADE = colors.Color(0.88, 0.88, 0.88)
NOT_RECORDED = "Not recorded."


class CellParagraph(Paragraph):
    """A table cell's paragraph, wrapped once per width however often the table asks.

    A long table measures each row when it splits across pages and again when it draws;
    line breaking is most of the time a long chronology takes to build."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is None or self._wrapped[0] != availWidth:
            self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return self._wrapped[1]


def text(value: str) -> str:
    """User text made safe for a Paragraph, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


def day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def moment(value: datetime | None) -> str:
    return f"{value:%d/%m/%Y %H:%M}" if value else ""


def shortened(value: str, limit: int) -> str:
    """Typed text cut at a word near `limit` characters, with an ellipsis; lines kept."""
    value = value.strip()
    if len(value) <= limit:
        return value
    return value[:limit].rsplit(None, 1)[0].rstrip(",;:") + "…"


def quoted(words: str) -> str:
    """The child's words, verbatim, in quotation marks."""
    return f"\u201c{text(words)}\u201d"


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def title_block(title: str, subtitle: str) -> list[Flowable]:
    return [Paragraph(text(title), TITLE), Paragraph(subtitle, SUBTITLE)]


def heading(title: str) -> list[Flowable]:
    return [CondPageBreak(HEADING_ROOM), Paragraph(text(title), HEADING)]


def para(marked_up: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of mark-up already escaped (use text() on anything a person typed)."""
    return Paragraph(marked_up, style)


def label(value: str) -> list[Flowable]:
    """A bold label over what it introduces, on the same page."""
    return [CondPageBreak(LABEL_ROOM), Paragraph(text(value), LABEL)]


def labelled(name: str, value: str, *, empty: str = NOT_RECORDED) -> list[Flowable]:
    """A bold label over the typed text it introduces."""
    return [*label(name), Paragraph(text(value) or escape(empty), BODY)]


def quote_box(words: str) -> Flowable:
    """The child's words set off with a bar on the left, as a printed quotation."""
    box = Table([[Paragraph(quoted(words), QUOTE)]], colWidths=[FRAME_WIDTH - 8])
    box.setStyle(
        TableStyle(
            [
                ("LINEBEFORE", (0, 0), (0, 0), 2.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (0, 0), 8),
                ("TOPPADDING", (0, 0), (0, 0), 2),
                ("BOTTOMPADDING", (0, 0), (0, 0), 3),
            ]
        )
    )
    box.hAlign = "LEFT"
    return box


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    plain: Sequence[int] = (),
) -> Flowable:
    """A ruled table: header row shaded grey and bold, repeated on each page it runs to.

    Cells are mark-up (escape typed text with text()); widths are shares of the frame. Columns
    listed in `plain` hold plain text, wrapped here once: much quicker than a paragraph, which
    counts for a chronology of hundreds of rows."""
    scale = FRAME_WIDTH / sum(widths)
    column_widths = [w * scale for w in widths]
    data: list[list[Any]] = [[Paragraph(escape(h), HEAD_CELL) for h in header]]
    for row in rows:
        data.append(
            [
                _wrapped(cell, column_widths[j]) if j in plain else CellParagraph(cell, CELL)
                for j, cell in enumerate(row)
            ]
        )
    grid = Table(data, colWidths=column_widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE_GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else Helvetica joins the fonts
                ("FONTSIZE", (0, 0), (-1, -1), CELL.fontSize),
                ("LEADING", (0, 0), (-1, -1), CELL.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    grid.hAlign = "LEFT"
    return grid


def _wrapped(value: str, width: float) -> str:
    lines: list[str] = []
    for line in value.splitlines() or [""]:
        lines += simpleSplit(line, REGULAR, CELL.fontSize, width - 6) or [""]
    return "\n".join(lines)


def facts_table(rows: Sequence[tuple[str, str]], label_share: float = 0.24) -> Flowable:
    """Label and value pairs, labels bold on the left; values are mark-up."""
    widths = [FRAME_WIDTH * label_share, FRAME_WIDTH * (1 - label_share)]
    data = [[Paragraph(escape(label), HEAD_CELL), Paragraph(value, CELL)] for label, value in rows]
    grid = Table(data, colWidths=widths)
    grid.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_GREY),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else Helvetica joins the fonts
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    grid.hAlign = "LEFT"
    return grid


def section(title: str, *body: Flowable) -> list[Flowable]:
    """A heading (kept with the start of what follows it) and its body."""
    return [*heading(title), *body]


def none_recorded(what: str) -> Paragraph:
    return Paragraph(escape(f"No {what} recorded."), BODY)


def gap(points: float = 4) -> Spacer:
    return Spacer(1, points)
