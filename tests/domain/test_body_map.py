"""The body map: a point on the figure names its region, the child's left and right the
right way round on each view; earlier marks on the same part of the body are pointed out;
the rules a mark is held to; the line it writes in the chronology. Every name is fictional.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from scr_reflect.domain.body_map import (
    BodyMark,
    BodyView,
    HowKnown,
    MarkShape,
    earlier_note,
    matching_region,
    numbered,
)
from scr_reflect.domain.body_regions import (
    VIEW_SIZE,
    centre_of,
    named_boxes,
    region_at,
    region_names,
    spread,
)
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.structured_lines import mark_lines
from scr_reflect.domain.structured_validation import mark_problems

NOW = datetime(2025, 3, 10, 9, 30)


@pytest.mark.parametrize(
    ("view", "x", "y", "region"),
    [
        # On the front the child faces you: their left arm is on your right.
        (BodyView.FRONT, 0.85, 0.33, "left upper arm, front"),
        (BodyView.FRONT, 0.15, 0.33, "right upper arm, front"),
        (BodyView.FRONT, 0.88, 0.50, "left forearm, inner"),
        # On the back you see the child from behind: their left is on your left.
        (BodyView.BACK, 0.15, 0.33, "left upper arm, back"),
        (BodyView.BACK, 0.12, 0.50, "left forearm, outer"),
        (BodyView.BACK, 0.85, 0.50, "right forearm, outer"),
        (BodyView.FRONT, 0.50, 0.10, "face"),
        (BodyView.BACK, 0.50, 0.10, "back of the head"),
        (BodyView.FRONT, 0.50, 0.30, "chest"),
        (BodyView.BACK, 0.50, 0.45, "lower back"),
        (BodyView.BACK, 0.55, 0.55, "buttocks"),
        (BodyView.FRONT, 0.40, 0.87, "right shin"),
        (BodyView.BACK, 0.40, 0.87, "left calf"),
        (BodyView.HEAD, 0.30, 0.58, "right cheek"),
        (BodyView.HEAD, 0.70, 0.58, "left cheek"),
        (BodyView.HEAD, 0.95, 0.52, "left ear"),
        (BodyView.LEFT_HAND, 0.85, 0.60, "left thumb"),
        (BodyView.RIGHT_HAND, 0.15, 0.60, "right thumb"),
        (BodyView.RIGHT_HAND, 0.50, 0.20, "right fingers"),
    ],
)
def test_a_point_names_its_region(view: BodyView, x: float, y: float, region: str) -> None:
    assert region_at(view, x, y) == region


def test_a_point_off_the_figure_names_no_region() -> None:
    assert region_at(BodyView.FRONT, 0.02, 0.02) is None
    assert region_at(BodyView.HEAD, 0.5, 0.995) is None


@pytest.mark.parametrize("view", list(BodyView))
def test_each_region_chosen_from_the_list_is_placed_inside_itself(view: BodyView) -> None:
    names = region_names(view)
    assert len(names) == len(set(names))  # each named once: a list to choose from
    width, height = VIEW_SIZE[view]
    for name in names:
        x, y = centre_of(view, name)
        assert 0 < x < 1 and 0 < y < 1
        assert region_at(view, x, y) == name
    assert all(0 <= b[0] < b[2] <= width and 0 <= b[1] < b[3] <= height
               for _n, b in named_boxes(view))  # fmt: skip


def mark(region: str = "left upper arm, front", seen_on: date = date(2025, 3, 3), **kw) -> BodyMark:
    x, y = kw.pop("at", (0.85, 0.33))
    return BodyMark(
        child_id=1, concern_id=1, view=kw.pop("view", BodyView.FRONT), x=x, y=y, region=region,
        shape=MarkShape.OVAL, colour="purple-blue", how_known=HowKnown.SEEN,
        seen_by="Ms Pell, teaching assistant", seen_on=seen_on, **kw,
    )  # fmt: skip


def test_an_earlier_mark_on_the_same_part_of_the_body_is_pointed_out() -> None:
    first = mark(
        "left upper arm, back", date(2025, 2, 3), id=1, view=BodyView.BACK, at=(0.15, 0.33)
    )
    other_arm = mark("right upper arm, front", date(2025, 2, 20), id=2, at=(0.15, 0.33))
    now = mark("left upper arm, front", date(2025, 3, 3), id=3)
    marks = [first, other_arm, now]
    # Front or back, it is the same upper arm; the other arm is not counted.
    assert earlier_note(now, marks) == "A mark was recorded on the left upper arm on 03/02/2025."
    assert earlier_note(first, marks) == ""  # nothing before the first
    later = mark("left upper arm, front", date(2025, 3, 9), id=4)
    assert earlier_note(later, [*marks, later]) == (
        "Marks were recorded on the left upper arm on 03/02/2025, 03/03/2025."
    )


def test_marks_are_found_by_region_and_numbered_oldest_first() -> None:
    arm = mark(seen_on=date(2025, 3, 3), id=5)
    cheek = mark("right cheek", date(2025, 1, 9), id=6, view=BodyView.HEAD, at=(0.3, 0.58))
    timed = mark(seen_on=date(2025, 3, 3), id=4, seen_time=time(14, 0))
    assert matching_region([arm, cheek, timed], "ARM") == [arm, timed]
    assert matching_region([arm, cheek], "") == [cheek, arm]
    assert numbered([arm, timed, cheek]) == [(1, cheek), (2, arm), (3, timed)]


def test_marks_drawn_close_together_are_moved_apart() -> None:
    spots = spread([(10, 10), (11, 10), (50, 50)], 12)
    assert spots[0] == (10, 10) and spots[2] == (50, 50)
    assert (spots[1][0] - 10) ** 2 + (spots[1][1] - 10) ** 2 >= 12**2 - 1e-9


def fields(m: BodyMark) -> list[str]:
    return [p.field for p in mark_problems(m, NOW)]


def test_a_mark_needs_who_saw_it_a_place_on_the_figure_and_sizes_that_make_sense() -> None:
    assert mark_problems(mark(), NOW) == []
    assert fields(replace(mark(), seen_by=" ")) == ["seen_by"]
    assert fields(mark(at=(0.02, 0.02))) == ["region"]
    assert fields(mark("right upper arm, front")) == ["region"]  # not where it is placed
    assert fields(mark(length_cm=0.0)) == ["length_cm"]
    assert fields(mark(width_cm=2.0)) == ["length_cm"]
    assert fields(mark(seen_on=date(2025, 3, 11))) == ["seen_on"]


def test_the_chronology_line_says_where_what_and_in_the_childs_words() -> None:
    (line,) = mark_lines(
        mark(length_cm=3.0, width_cm=2.0, broken_skin=True, child_said="I fell off the bike.")
    )
    assert line.kind is EntryKind.BODY_MARK
    assert line.title == (
        "Mark on the left upper arm, front: 3 x 2 cm, oval, purple-blue; broken skin"
    )
    assert (
        line.body
        == "Seen by Ms Pell, teaching assistant.\nThe child said: \u201cI fell off the bike.\u201d"
    )
    assert not line.time_known
    (timed,) = mark_lines(replace(mark(seen_time=time(10, 40)), how_known=HowKnown.REPORTED))
    assert timed.occurred_at == datetime(2025, 3, 3, 10, 40) and timed.time_known
    assert timed.body == "Reported by Ms Pell, teaching assistant."
