"""Marks on a child's body, recorded on a drawn figure instead of a photograph.

A mark belongs to the concern it was seen or reported under. Where it is (the view of the
figure and the point on it, as fractions of the view) names its region (domain/body_regions.py);
the region is kept with the mark so the child's marks can be found by region across their
history, and a mark where an earlier one was recorded is pointed out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from . import display_dates as show


class BodyView(StrEnum):
    FRONT = "front"
    BACK = "back"
    HEAD = "head"
    LEFT_HAND = "left_hand"
    RIGHT_HAND = "right_hand"

    @property
    def label(self) -> str:
        return {
            "front": "Front",
            "back": "Back",
            "head": "Face and head",
            "left_hand": "Left hand (palm)",
            "right_hand": "Right hand (palm)",
        }[self.value]


class MarkShape(StrEnum):
    ROUND = "round"
    OVAL = "oval"
    LINE = "line"
    IRREGULAR = "irregular"
    PATTERNED = "patterned"
    SEVERAL = "several"

    @property
    def label(self) -> str:
        return {
            "round": "Round",
            "oval": "Oval",
            "line": "A line or stripe",
            "irregular": "Irregular",
            "patterned": "Has a pattern (e.g. fingertips, a loop, an edge)",
            "several": "A group of small marks",
        }[self.value]


class HowKnown(StrEnum):
    SEEN = "seen"
    REPORTED = "reported"

    @property
    def label(self) -> str:
        return {"seen": "Seen by staff", "reported": "Reported, not seen by staff"}[self.value]


@dataclass(frozen=True, slots=True)
class BodyMark:
    child_id: int
    concern_id: int
    view: BodyView
    x: float  # across the view, 0 at the viewer's left
    y: float  # down the view, 0 at the top
    region: str  # named from the point when it is placed
    shape: MarkShape
    colour: str
    how_known: HowKnown
    seen_by: str
    seen_on: date
    seen_time: time | None = None
    length_cm: float | None = None
    width_cm: float | None = None
    broken_skin: bool = False
    swelling: bool = False
    bleeding: bool = False
    child_said: str = ""  # the child's explanation, in their own words
    id: int | None = None
    version: int = 1

    @property
    def size_text(self) -> str:
        if self.length_cm is None:
            return "size not measured"
        if self.width_cm is None:
            return f"{_cm(self.length_cm)} cm long"
        return f"{_cm(self.length_cm)} x {_cm(self.width_cm)} cm"

    @property
    def skin_text(self) -> str:
        found = [
            word
            for word, present in (
                ("broken skin", self.broken_skin),
                ("swelling", self.swelling),
                ("bleeding", self.bleeding),
            )
            if present
        ]
        return ", ".join(found) if found else "no broken skin, swelling or bleeding"

    @property
    def when_text(self) -> str:
        day = show.day(self.seen_on)
        return f"{day}, {self.seen_time:%H:%M}" if self.seen_time else day

    @property
    def summary(self) -> str:
        """The mark in one line: where, size, shape and colour, the skin."""
        colour = f", {self.colour}" if self.colour.strip() else ""
        return (
            f"{self.region}: {self.size_text}, {self.shape.label.lower()}{colour}; {self.skin_text}"
        )


def _cm(value: float) -> str:
    return f"{value:g}"


def seen_order(mark: BodyMark) -> tuple[date, time, int]:
    """Oldest first; a mark with no time known comes first on its day."""
    return (mark.seen_on, mark.seen_time or time.min, mark.id or 0)


def area_of(region: str) -> str:
    """The part of the body a region names, without the side of it: "left forearm"."""
    return region.split(",")[0].strip()


def earlier_in_same_area(mark: BodyMark, marks: Iterable[BodyMark]) -> list[BodyMark]:
    """The child's marks recorded before this one on the same part of the body."""
    area = area_of(mark.region)
    return sorted(
        (
            other
            for other in marks
            if other.id != mark.id
            and area_of(other.region) == area
            and (other.seen_on, other.id or 0) < (mark.seen_on, mark.id or 1 << 62)
        ),
        key=seen_order,
    )


def earlier_note(mark: BodyMark, marks: Iterable[BodyMark]) -> str:
    """A sentence pointing out earlier marks on the same part of the body; empty if none."""
    earlier = earlier_in_same_area(mark, marks)
    if not earlier:
        return ""
    days = ", ".join(show.day(other.seen_on) for other in earlier)
    noun = "A mark was" if len(earlier) == 1 else "Marks were"
    return f"{noun} recorded on the {area_of(mark.region)} on {days}."


def matching_region(marks: Iterable[BodyMark], text: str) -> list[BodyMark]:
    """The marks whose region holds the text, oldest first: a search of the child's history."""
    wanted = text.strip().lower()
    return sorted((m for m in marks if wanted in m.region.lower()), key=seen_order)


def numbered(marks: Iterable[BodyMark]) -> list[tuple[int, BodyMark]]:
    """Each of the child's marks with its number, 1 for the first seen, across every concern:
    the numbers on the figure, in the tab and in the documents."""
    return list(enumerate(sorted(marks, key=seen_order), start=1))
