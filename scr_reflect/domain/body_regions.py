"""The region of the body a point on the figure names, for each view of the figure.

The figure (resources/body_map/*.svg) is drawn in the units below; each region is a
rectangle in those units. Parts of a limb are given for the limb on the viewer's left and
mirrored for the other. On the front, the face and the palms the child's left is on the
viewer's right; on the back it is on the viewer's left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .body_map import BodyView

# Width and height of each view's drawing, in the figure's units.
VIEW_SIZE: dict[BodyView, tuple[float, float]] = {
    BodyView.FRONT: (200, 400),
    BodyView.BACK: (200, 400),
    BodyView.HEAD: (200, 240),
    BodyView.LEFT_HAND: (160, 240),
    BodyView.RIGHT_HAND: (160, 240),
}
_MIDDLE = 100  # the figure's centre line on the front, back and head
_NEAR = 14  # how far outside every region a point may be and still name the nearest


@dataclass(frozen=True, slots=True)
class Region:
    name: str  # "{side}" where the side goes, or no side for the middle of the body
    box: tuple[float, float, float, float]  # left, top, right, bottom
    sided: bool = False  # drawn for the viewer's left; mirrored for the other side


def _body(front: bool) -> tuple[Region, ...]:
    def word(on_front: str, on_back: str) -> str:
        return on_front if front else on_back

    return (
        Region(word("face", "back of the head"), (64, 4, 136, 84)),
        Region(word("neck, front", "back of the neck"), (84, 84, 116, 96)),
        Region(word("chest", "upper back"), (56, 96, 144, 160)),
        Region(word("abdomen", "lower back"), (56, 160, 144, 206)),
        Region(word("groin", "buttocks"), (78, 206, 122, 236)),
        Region(word("{side} hip", "{side} buttock"), (56, 206, 78, 236), sided=True),
        Region(word("{side} upper arm, front", "{side} upper arm, back"), (20, 98, 60, 165), True),
        Region(word("{side} forearm, inner", "{side} forearm, outer"), (16, 165, 56, 238), True),
        Region(word("{side} hand, palm", "{side} hand, back"), (14, 238, 52, 272), True),
        Region(word("{side} thigh, front", "{side} thigh, back"), (58, 236, 100, 300), True),
        Region(word("{side} knee", "back of the {side} knee"), (60, 300, 100, 322), True),
        Region(word("{side} shin", "{side} calf"), (62, 322, 100, 372), True),
        Region(word("{side} foot, top", "{side} heel"), (58, 372, 100, 396), True),
    )


_HEAD = (
    Region("top of the head", (30, 20, 170, 58)),
    Region("forehead", (40, 58, 160, 98)),
    Region("nose", (86, 110, 114, 154)),
    Region("mouth", (78, 158, 122, 186)),
    Region("{side} eye area", (44, 98, 100, 124), sided=True),
    Region("{side} cheek", (34, 124, 100, 186), sided=True),
    Region("chin and jaw", (44, 186, 156, 220)),
    Region("{side} ear", (10, 95, 40, 160), sided=True),
)


def _hand(side: str) -> tuple[Region, ...]:
    # The palm faces the viewer, fingers up: a left thumb is on the viewer's right.
    thumb = (112, 108, 156, 184) if side == "left" else (4, 108, 48, 184)
    return (
        Region(f"{side} thumb", thumb),
        Region(f"{side} fingers", (28, 12, 132, 110)),
        Region(f"{side} hand, palm", (28, 110, 132, 200)),
        Region(f"{side} wrist", (38, 200, 122, 238)),
    )


REGIONS: dict[BodyView, tuple[Region, ...]] = {
    BodyView.FRONT: _body(front=True),
    BodyView.BACK: _body(front=False),
    BodyView.HEAD: _HEAD,
    BodyView.LEFT_HAND: _hand("left"),
    BodyView.RIGHT_HAND: _hand("right"),
}


def _mirrored(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    left, top, right, bottom = box
    return (2 * _MIDDLE - right, top, 2 * _MIDDLE - left, bottom)


def _side(view: BodyView, on_viewers_left: bool) -> str:
    child_left_on_viewers_left = view is BodyView.BACK
    return "left" if on_viewers_left == child_left_on_viewers_left else "right"


def named_boxes(view: BodyView) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every region of a view, named, with its rectangle: the sided ones on both sides."""
    boxes = []
    for region in REGIONS[view]:
        if region.sided:
            boxes.append((region.name.format(side=_side(view, True)), region.box))
            boxes.append((region.name.format(side=_side(view, False)), _mirrored(region.box)))
        else:
            boxes.append((region.name, region.box))
    return boxes


def _distance(px: float, py: float, box: tuple[float, float, float, float]) -> float:
    left, top, right, bottom = box
    dx = max(left - px, 0.0, px - right)
    dy = max(top - py, 0.0, py - bottom)
    return float((dx * dx + dy * dy) ** 0.5)


def region_at(view: BodyView, x: float, y: float) -> str | None:
    """The region a point names (x, y as fractions of the view); None off the figure.

    The first region holding the point wins (the groin before the hips); a point just
    outside the outline names the nearest region."""
    width, height = VIEW_SIZE[view]
    px, py = x * width, y * height
    boxes = named_boxes(view)
    nearest = min(boxes, key=lambda named: _distance(px, py, named[1]))
    inside = next((name for name, box in boxes if _distance(px, py, box) == 0), None)
    if inside is not None:
        return inside
    return nearest[0] if _distance(px, py, nearest[1]) <= _NEAR else None


def centre_of(view: BodyView, region: str) -> tuple[float, float]:
    """The middle of a named region as fractions of the view: where a mark chosen from a list
    (without a mouse) is drawn."""
    width, height = VIEW_SIZE[view]
    for name, (left, top, right, bottom) in named_boxes(view):
        if name == region:
            return ((left + right) / 2 / width, (top + bottom) / 2 / height)
    raise KeyError(region)


def region_names(view: BodyView) -> list[str]:
    """The regions of a view for a list to choose from, in the order the figure is read."""
    return [name for name, _box in named_boxes(view)]


def spread(points: list[tuple[float, float]], apart: float) -> list[tuple[float, float]]:
    """Where to draw each mark's numbered circle so no two overlap: at the mark itself if
    there is room, else on a widening ring around it (drawn with a line back to the mark)."""
    placed: list[tuple[float, float]] = []
    for x, y in points:
        spot = (x, y)
        ring, step = 1, 0
        while any((spot[0] - px) ** 2 + (spot[1] - py) ** 2 < apart**2 for px, py in placed):
            angle = step * math.pi / 4
            spot = (x + ring * apart * math.cos(angle), y - ring * apart * math.sin(angle))
            step += 1
            if step == 8:
                ring, step = ring + 1, 0
        placed.append(spot)
    return placed
