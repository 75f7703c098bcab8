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

from ..domain import display_dates as show
from ..domain.audit_seal import Checkpoint
from ..domain.quotation import reads_as_said, unwrapped
from .fonts import BOLD, REGULAR
from .page import FRAME_WIDTH, RULE_GREY
from .plain_text import PlainText, Run, Widths, plain_enough

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
# A row that does not fit where at least this much of the page is left splits across pages;
# with less left it moves whole to the next page. A row taller than a page (a note of a few
# thousand words) could never move whole, and would stop the document building.
ROW_SPLIT_ROOM = 100 * mm
# Text longer than this is set as several paragraphs, cut at its line breaks: reportlab wraps
# the rest of a paragraph again on each page it splits, so a 1 MB note took many minutes.
LONG_MARKUP = 4000
NOT_RECORDED = "Not recorded."


class CellParagraph(Paragraph):
    """A table cell's paragraph, wrapped once per width however often the table asks.

    A long table measures each row when it splits across pages and again when it draws;
    line breaking is most of the time a long chronology takes to build."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self._wrapped
        # split() drops the broken lines when it cannot split: they must be made again.
        if cached is None or cached[0] != availWidth or not hasattr(self, "blPara"):
            cached = self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return cached[1]


class RowSplittingTable(Table):
    """A table that splits a long row across pages (see ROW_SPLIT_ROOM)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.splitByRow, self.splitInRow = 1, 0
        parts = super().split(availWidth, availHeight)
        used = parts[0].wrap(availWidth, availHeight)[1] if parts else 0
        if availHeight - used < ROW_SPLIT_ROOM:
            return parts
        # The next row is too long for the room left: split that row here, on this page.
        self.splitByRow, self.splitInRow = 0, 1
        return super().split(availWidth, availHeight) or parts


def text(value: str) -> str:
    """User text made safe for a Paragraph, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


def day(value: date | None) -> str:
    return show.day(value) if value else ""


def moment(value: datetime | None) -> str:
    return show.day_and_time(value) if value else ""


def shortened(value: str, limit: int) -> str:
    """Typed text cut at a word near `limit` characters, with an ellipsis; lines kept."""
    value = value.strip()
    if len(value) <= limit:
        return value
    return value[:limit].rsplit(None, 1)[0].rstrip(",;:") + "…"


def quoted(words: str) -> str:
    """The child's words, verbatim, in quotation marks (once, if the DSL typed their own)."""
    return f"\u201c{text(unwrapped(words))}\u201d"


def said(words: str, names: Sequence[str]) -> str:
    """What the child said: in quotation marks only if it reads as their own words, not a
    note about them (see domain.quotation.reads_as_said)."""
    return quoted(words) if reads_as_said(words, names) else text(words)


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
    return [*label(name), *paragraphs(text(value) or escape(empty), BODY)]


def paragraphs(
    marked_up: str, style: ParagraphStyle, kind: type[Paragraph] = Paragraph
) -> list[Paragraph]:
    """One paragraph, or several for long text (see LONG_MARKUP)."""
    return [kind(piece, style) for piece in _pieces(marked_up)]


def _pieces(marked_up: str) -> list[str]:
    """Mark-up cut at line breaks outside bold, in pieces of about LONG_MARKUP characters."""
    if len(marked_up) <= LONG_MARKUP:
        return [marked_up]
    pieces, current = [], None
    for line in marked_up.split("<br/>"):
        current = line if current is None else f"{current}<br/>{line}"
        if len(current) >= LONG_MARKUP and current.count("<b>") == current.count("</b>"):
            pieces.append(current)
            current = None
    return pieces if current is None else [*pieces, current]


def quote_box(words: str) -> Flowable:
    """The child's words set off with a bar on the left, as a printed quotation."""
    cell = paragraphs(quoted(words), QUOTE, CellParagraph)
    box = RowSplittingTable([[cell]], colWidths=[FRAME_WIDTH - 8])
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
    rows: Sequence[Sequence[str | Flowable | list[Paragraph]]],
    widths: Sequence[float],
    plain: Sequence[int] = (),
    width: float = FRAME_WIDTH,
) -> Flowable:
    """A ruled table: header row shaded grey and bold, repeated on each page it runs to.

    Cells are mark-up (escape typed text with text()) or cells made already (text_cell());
    widths are shares of the frame. Columns listed in `plain` hold plain text, wrapped here
    once: much quicker than a paragraph, which counts for a chronology of hundreds of rows."""
    scale = width / sum(widths)
    column_widths = [w * scale for w in widths]
    data: list[list[Any]] = [[Paragraph(escape(h), HEAD_CELL) for h in header]]
    for row in rows:
        data.append(
            [
                cell
                if not isinstance(cell, str)
                else _wrapped(cell, column_widths[j])
                if j in plain
                else _cell(cell)
                for j, cell in enumerate(row)
            ]
        )
    grid = RowSplittingTable(data, colWidths=column_widths, repeatRows=1)
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


def text_cell(runs: Sequence[Run], widths: Widths) -> Flowable | list[Paragraph]:
    """Typed text in a table cell, each run from a new line, bold or regular: set as plain
    text (see plain_text.py) unless only a Paragraph sets it right. One table's cells share
    their widths (made with cell_widths())."""
    if plain_enough(runs):
        return PlainText(runs, widths, CELL.leading)
    return _cell("<br/>".join(f"<b>{text(v)}</b>" if f == BOLD else text(v) for f, v in runs))


def cell_widths() -> Widths:
    return Widths(CELL.fontSize)


def _cell(marked_up: str) -> Paragraph | list[Paragraph]:
    cells = paragraphs(marked_up, CELL, CellParagraph)
    return cells[0] if len(cells) == 1 else cells


def _wrapped(value: str, width: float) -> str:
    lines: list[str] = []
    for line in value.splitlines() or [""]:
        lines += simpleSplit(line, REGULAR, CELL.fontSize, width - 6) or [""]
    return "\n".join(lines)


def facts_table(rows: Sequence[tuple[str, str]], label_share: float = 0.24) -> Flowable:
    """Label and value pairs, labels bold on the left; values are mark-up."""
    widths = [FRAME_WIDTH * label_share, FRAME_WIDTH * (1 - label_share)]
    data = [[Paragraph(escape(label), HEAD_CELL), _cell(value)] for label, value in rows]
    grid = RowSplittingTable(data, colWidths=widths)
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


def checkpoint_note(checkpoint: Checkpoint | None) -> list[Flowable]:
    """The audit trail's newest entry as it was printed: paper the store cannot roll back."""
    if checkpoint is None:
        return []
    how = (
        "Keep this with the paper. To check later that the records were not rolled back or "
        f"rewritten since: <b>scr-reflect verify --checkpoint {text(checkpoint.token)}</b>."
    )
    return [gap(6), para(f"<b>{text(checkpoint.label)}</b>", SMALL), para(how, SMALL)]
