"""The child figure of the body map, read from resources/body_map/<view>.svg.

The figure is drawn with simple shapes only (ellipses, circles, rectangles, polygons and
lines), so the app's window and the PDF documents draw the same outline from the same file
without an SVG library. Coordinates are in the units of domain/body_regions.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache

from ..domain.body_map import BodyView
from ..resource_files import resource

_SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True, slots=True)
class Shape:
    kind: str  # "ellipse", "rect", "polygon" or "polyline"
    values: tuple[float, ...]  # ellipse: cx cy rx ry; rect: x y width height rx; else points
    filled: bool  # a closed shape filled white, drawn in order, so later shapes lie on top

    @property
    def points(self) -> list[tuple[float, float]]:
        return list(zip(self.values[::2], self.values[1::2], strict=True))


def _numbers(element: ET.Element, *names: str) -> tuple[float, ...]:
    return tuple(float(element.get(name, "0")) for name in names)


def _shape(element: ET.Element, fill: str) -> Shape | None:
    tag = element.tag.removeprefix(_SVG)
    filled = element.get("fill", fill) != "none"
    if tag == "ellipse":
        return Shape("ellipse", _numbers(element, "cx", "cy", "rx", "ry"), filled)
    if tag == "circle":
        cx, cy, r = _numbers(element, "cx", "cy", "r")
        return Shape("ellipse", (cx, cy, r, r), filled)
    if tag == "rect":
        return Shape("rect", _numbers(element, "x", "y", "width", "height", "rx"), filled)
    if tag in ("polygon", "polyline"):
        text = element.get("points", "").replace(",", " ")
        return Shape(tag, tuple(float(part) for part in text.split()), filled)
    return None


@cache
def figure(view: BodyView) -> tuple[Shape, ...]:
    """The shapes of one view, in the order they are drawn."""
    root = ET.parse(resource("body_map", f"{view.value}.svg")).getroot()
    shapes = []
    for group in root.iter(f"{_SVG}g"):
        fill = group.get("fill", "#ffffff")
        for element in group:
            shape = _shape(element, fill)
            if shape is not None:
                shapes.append(shape)
    return tuple(shapes)


@cache
def figure_title(view: BodyView) -> str:
    """The file's own description of the view: which side of the child is which."""
    title = ET.parse(resource("body_map", f"{view.value}.svg")).getroot().find(f"{_SVG}title")
    return "" if title is None or title.text is None else title.text
