"""A fictional child with one concern, for window tests that need something to work on."""

from __future__ import annotations

from datetime import date, datetime

from scr_reflect.domain.enums import Category
from scr_reflect.domain.records import Child, Concern


def child_with_concern(
    window, name: str = "Zoë Łukasiewicz-Nguyễn", what: str = "Fingertip bruising on the arm."
) -> tuple[int, int]:
    """Add the child and the concern; return their ids. Nothing is chosen in the window."""
    records = window.workspace.records
    child = records.add_child(Child(name, date(2011, 6, 25))).child_id
    concern = records.record_concern(
        Concern(
            child,
            datetime(2026, 11, 19, 9, 0),
            datetime(2026, 11, 19, 9, 30),
            "Mr Lewin, PE teacher",
            what,
            frozenset({Category.PHYSICAL}),
        )
    ).record_id
    return child, concern
