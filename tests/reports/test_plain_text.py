"""Plain text in a table cell breaks into the same lines as the Paragraph it stands in for."""

from __future__ import annotations

from datetime import datetime

import pytest
from reportlab.platypus import Paragraph

from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.records import ChronologyEntry
from scr_reflect.reports import blocks
from scr_reflect.reports.fonts import BOLD, REGULAR, register_fonts
from scr_reflect.reports.page import PageFurniture, build_pdf
from scr_reflect.reports.parts import CELL, CellParagraph, cell_widths, text, text_cell
from scr_reflect.reports.plain_text import PlainText, Run
from scr_reflect.reports.report_data import Produced
from tests.reports.pdf_checks import all_text

LONG_WORD = "https://example.org/a/very/long/address/that/runs/on/and/on/past/any/column"
TEXTS = [
    ("Phone call", ""),
    ("Phone call", "Mother said Zoë was at her aunt\u2019s; she would ring back at 3.15 pm."),
    ("A title long enough to run over more than one line of a narrow column", "Short."),
    ("Home visit", "First line.\n\nAfter a blank line,\n   indented, and\tafter a tab."),
    ("Link", f"Sent {LONG_WORD} to the social worker, and {LONG_WORD}"),
    (
        "Spaces",
        "Kept\u00a0together\u00a0here and a thin\u2009space, e\u0301 and a lone \u0301 accent",
    ),
    ("Łukasiewicz-Nguyễn", "ŁUKASIEWICZ-NGUYỄN; 日本語のテキスト; 😀 & <not mark-up>"),
    ("", "No title"),
]
# At 69 points some lines are a little over the width and fit by squeezing their spaces.
WIDTHS = [60.0, 69.0, 121.5, 379.6]
PRODUCED = Produced("Fictional Academy", "A. Lead", datetime(2025, 3, 10, 9, 30))


def paragraph_lines(runs: list[Run], width: float) -> tuple[list[tuple[str, float]], float]:
    """Each line's text and word spacing, and the height, as a Paragraph sets them."""
    marked_up = "<br/>".join(f"<b>{text(v)}</b>" if f == BOLD else text(v) for f, v in runs)
    paragraph = Paragraph(marked_up, CELL)
    height = paragraph.wrap(width, 10_000)[1]
    lines = []
    for line in paragraph.blPara.lines:
        if paragraph.blPara.kind == 0:
            extra, words = line
            said, spaces = " ".join(words), len(words)
        else:
            extra, said, spaces = (
                line.extraSpace,
                "".join(f.text for f in line.words),
                line.wordCount,
            )
        spaces += said.count("\u00a0") - 1
        lines.append((said.rstrip(" "), extra / spaces if extra < -1e-8 and spaces > 0 else 0.0))
    return lines, height


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("title", "body"), TEXTS)
def test_lines_spacing_and_height_are_the_paragraphs(title: str, body: str, width: float) -> None:
    register_fonts()
    runs = [(BOLD, title), *([(REGULAR, body)] if body.strip() else [])]
    cell = PlainText(runs, cell_widths(), CELL.leading)
    height = cell.wrap(width, 10_000)[1]
    lines = [(line, pytest.approx(word_space)) for _, line, word_space in cell._lines]
    assert (lines, height) == paragraph_lines(runs, width)


def test_a_cell_split_across_pages_keeps_every_line_once_and_two_at_least() -> None:
    register_fonts()
    cell = PlainText([(REGULAR, "one two three four five six seven")], cell_widths(), CELL.leading)
    cell.wrap(40, 10_000)
    assert len(cell._lines) > 3
    assert cell.split(40, CELL.leading * 1.5) == []  # one line alone is never left behind
    top, rest = cell.split(40, CELL.leading * 2.5)
    assert top.wrap(40, 10_000)[1] == 2 * CELL.leading
    assert [line for p in (top, rest) for _, line, _ in p._lines] == [
        line for _, line, _ in cell._lines
    ]
    assert rest.wrap(200, 10_000)[1] > 0  # at another width it still holds its text


def test_a_soft_hyphen_is_left_to_a_paragraph() -> None:
    assert isinstance(text_cell([(REGULAR, "plain words")], cell_widths()), PlainText)
    assert isinstance(text_cell([(REGULAR, "co\u00adoperation")], cell_widths()), CellParagraph)
    assert isinstance(text_cell([(REGULAR, "zero\u200bwidth")], cell_widths()), CellParagraph)


def test_a_chronology_line_of_pages_splits_across_them_with_all_its_words() -> None:
    """A row taller than a page is split inside its cells, as the table asks."""
    body = "\n".join(
        f"Line {n}: the child said that mother had phoned the school." for n in range(400)
    )
    entry = ChronologyEntry(1, EntryKind.NOTE, datetime(2025, 3, 1, 9), "Note", body)
    built = build_pdf(PageFurniture("Chronology", "", PRODUCED), blocks.chronology([entry]))
    assert built.pages > 5
    said = all_text(built.pdf)
    assert all(f"Line {n}: the child" in said for n in range(400))


def test_a_long_chronology_line_left_to_paragraphs_builds() -> None:
    """Pages of text with a soft hyphen: several paragraphs in one cell, across pages."""
    entry = ChronologyEntry(
        1, EntryKind.NOTE, datetime(2025, 3, 1, 9), "Note", "co\u00adop " * 3000
    )
    cells = blocks.chronology([entry])
    assert build_pdf(PageFurniture("Chronology", "", PRODUCED), cells).pages > 1
