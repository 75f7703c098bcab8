"""A child's chronology: all of it or a date range, one row per entry, oldest first."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..domain.enums import EntryKind
from . import blocks
from .body_map import body_map_section
from .fonts import register_fonts
from .page import Built, PageFurniture, build_pdf
from .parts import day, facts_table, gap, plural, text, title_block
from .report_data import ChronologyData

TITLE = "Chronology"


def build_chronology(data: ChronologyData, *, invariant: bool = False) -> Built:
    register_fonts()
    child, wanted = data.child, data.wanted
    today = data.produced.produced_at.date()
    if len(wanted.kinds) == len(EntryKind):
        kinds = "All types of entry"
    else:
        kinds = ", ".join(k.label for k in EntryKind if k in wanted.kinds)
    story: list[Flowable] = [
        *title_block(TITLE, f"<b>{text(child.display_name)}</b>"),
        facts_table(
            [
                *blocks.child_rows(child, today, household=False, name=False),
                ("Period", text(period(data))),
                ("Showing", text(kinds)),
                ("Entries", plural(len(data.entries), "entry", "entries")),
            ]
        ),
        gap(10),
        *blocks.chronology(data.entries),
        *(body_map_section("Body map", data.marks) if data.marks else []),
    ]
    return build_pdf(
        PageFurniture(TITLE, child.display_name, data.produced), story, invariant=invariant
    )


def period(data: ChronologyData) -> str:
    start, end = data.wanted.date_from, data.wanted.date_to
    if start and end:
        return f"{day(start)} to {day(end)}"
    if start:
        return f"From {day(start)}"
    if end:
        return f"Up to {day(end)}"
    return "The full chronology"
