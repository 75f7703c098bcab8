"""The body map's child figure: each view is read from its file, drawn inside the units the
regions are named in, and says which side of the child is which."""

from __future__ import annotations

import pytest

from scr_reflect.domain.body_map import BodyView
from scr_reflect.domain.body_regions import VIEW_SIZE
from scr_reflect.guidance.body_figure import figure, figure_title


@pytest.mark.parametrize("view", list(BodyView))
def test_each_view_is_drawn_inside_its_units(view: BodyView) -> None:
    shapes = figure(view)
    assert len(shapes) >= 5
    width, height = VIEW_SIZE[view]
    for shape in shapes:
        if shape.kind == "ellipse":
            cx, cy, rx, ry = shape.values
            corners = [(cx - rx, cy - ry), (cx + rx, cy + ry)]
        elif shape.kind == "rect":
            x, y, w, h, _rx = shape.values
            corners = [(x, y), (x + w, y + h)]
        else:
            corners = shape.points
        assert all(0 <= x <= width and 0 <= y <= height for x, y in corners), shape


def test_each_view_says_where_the_childs_left_is() -> None:
    assert "the child\u2019s left is on your right" in figure_title(BodyView.FRONT)
    assert "the child\u2019s left is on your left" in figure_title(BodyView.BACK)
    assert "thumb on your right" in figure_title(BodyView.LEFT_HAND)
