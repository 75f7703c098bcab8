"""The recovery sheet: one page to print and keep in the school safe.

It holds the recovery code, what it does, where to keep it and that a newer sheet replaces
it; the school's name and when it was made; and the audit trail's newest entry then, so a
store later rolled back to before the sheet is caught. Nothing about any child.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .fonts import BOLD, register_fonts
from .page import FRAME_WIDTH, Built, PageFurniture, build_pdf
from .parts import (
    BODY,
    SMALL,
    checkpoint_note,
    facts_table,
    gap,
    moment,
    para,
    section,
    text,
    title_block,
)
from .report_data import RecoverySheetData

TITLE = "Recovery sheet"
CODE = ParagraphStyle("code", parent=BODY, fontName=BOLD, fontSize=19, leading=26, alignment=1)

READING = (
    "The recovery code: 7 groups of 4 capital letters and digits. No code uses the letters "
    "I, L, O or U, so every 0 is a zero and every 1 a one."
)
WHAT_IT_DOES = (
    "If the Designated Safeguarding Lead forgets their passphrase, this code lets them choose "
    "a new one, and every record is kept. Without the passphrase or this code nobody can open "
    "the records: not the school, not IT support, not the makers of SCR Reflect."
)
HOW_TO_USE = (
    "On the locked SCR Reflect window choose <b>Forgotten your passphrase?</b>, type the code "
    "(capitals, spaces and dashes do not matter), then choose a new passphrase and type it "
    "twice. On the command line: <b>scr-reflect recover</b>."
)
WHERE_TO_KEEP = (
    "In the school safe, in a sealed envelope marked with the date above, away from the "
    "laptop. Whoever holds this code and the laptop can read every record, so keep it as "
    "carefully as the records themselves. Do not photograph it, email it or keep it on a "
    "computer: once printed, delete the PDF file."
)
REPLACED = (
    "Making a new recovery sheet in SCR Reflect stops this code working. When a new sheet is "
    "made, shred this one."
)


def build_recovery_sheet(data: RecoverySheetData, *, invariant: bool = False) -> Built:
    register_fonts()
    made = data.produced
    story: list[Flowable] = [
        *title_block(
            f"SCR Reflect {TITLE.lower()}", "Print this page and keep it in the school safe."
        ),
        facts_table(
            [
                ("School", text(made.school_name)),
                ("Made", moment(made.produced_at)),
                ("Made by", text(made.produced_by)),
            ]
        ),
        gap(10),
        _code_box(data.code),
        gap(3),
        para(READING, SMALL),
        gap(4),
        *section("What it does", para(WHAT_IT_DOES)),
        *section("How to use it", para(HOW_TO_USE)),
        *section("Where to keep it", para(WHERE_TO_KEEP)),
        *section("A new sheet replaces this one", para(REPLACED)),
        *checkpoint_note(data.checkpoint),
    ]
    return build_pdf(PageFurniture(TITLE, "", made), story, invariant=invariant)


def _code_box(code: str) -> Flowable:
    # Groups spaced wide, so a code read out over the phone or typed from paper keeps its place.
    shown = "&nbsp;&nbsp;".join(escape(group) for group in code.split("-"))
    box = Table([[Paragraph(shown, CODE)]], colWidths=[FRAME_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), BOLD),  # else Helvetica joins the fonts
                ("TOPPADDING", (0, 0), (-1, -1), 5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
            ]
        )
    )
    return box
