"""The body map in a document: the child figure drawn as vector shapes with the marks on it,
numbered as in the app, a key beside it and a table of each mark beneath.

Drawn from the same shapes as the app's figure (guidance/body_figure.py), in black on white
so it prints and photocopies in greyscale. The front and back are always drawn; the face and
the hands when a mark is on them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Ellipse,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
)
from reportlab.graphics.shapes import Shape as Shape_
from reportlab.graphics.shapes import String as Words
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from ..domain.body_map import BodyView
from ..domain.body_regions import VIEW_SIZE, spread
from ..guidance.body_figure import Shape, figure
from .fonts import BOLD, REGULAR
from .page import FRAME_WIDTH
from .parts import label, para, quoted, section, table, text
from .report_data import MarkLine

SCALE = 0.36  # points per unit of the figure: the front is 72 x 144 points
GAP = 10
CAPTION = 12
MARK_RADIUS = 6
ROOM = 60  # points for the heading and the line under it
MOST_BESIDE = 18  # more marks than this and the key goes under the figure, not beside it
NO_PHOTOGRAPH = (
    "Marks are recorded on a drawn figure: the school does not photograph children's "
    "bodies or injuries."
)


def body_map_section(title: str, lines: Sequence[MarkLine]) -> list[Flowable]:
    """A heading, the figure with its key beside it, then the marks in full; the heading
    starts a new page unless the figure fits under it."""
    drawing = figure_drawing(lines)
    beside = len(lines) <= MOST_BESIDE
    key_width = FRAME_WIDTH - drawing.width - GAP if beside else FRAME_WIDTH
    key = table(
        ["No.", "Where", "Seen"],
        [[str(line.number), text(line.mark.region), text(line.mark.when_text)] for line in lines],
        [8, 30, 22],
        width=key_width,
    )
    story: list[Flowable] = [CondPageBreak(drawing.height + ROOM), *section(title)]
    story.append(para(text(NO_PHOTOGRAPH)))
    if beside:
        together = Table([[drawing, key]], colWidths=[drawing.width + GAP, key_width])
        together.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *_no_padding()]))
        together.hAlign = "LEFT"
        story.append(together)
    else:
        story += [drawing, key]
    story += label("Each mark")
    story.append(table(_HEADER, [_row(line) for line in lines], [6, 22, 22, 20, 30]))
    return story


_HEADER = ["No.", "What it looks like", "Seen by", "The child said", "Earlier marks here"]


def _row(line: MarkLine) -> list[str]:
    mark = line.mark
    looks = f"{mark.size_text}, {mark.shape.label.lower()}"
    if mark.colour.strip():
        looks += f", {mark.colour}"
    said = quoted(mark.child_said) if mark.child_said.strip() else "Not recorded"
    return [
        str(line.number),
        text(f"{looks}; {mark.skin_text}"),
        text(f"{mark.how_known.label}: {mark.seen_by}, {mark.when_text}"),
        said,
        text(line.earlier) or "None",
    ]


def _no_padding() -> list[tuple[object, ...]]:
    return [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING")]


def _views(lines: Sequence[MarkLine]) -> list[BodyView]:
    used = {line.mark.view for line in lines}
    return [v for v in BodyView if v in (BodyView.FRONT, BodyView.BACK) or v in used]


def figure_drawing(lines: Sequence[MarkLine]) -> Drawing:
    """Each view drawn, in rows of up to three, with its marks numbered."""
    views = _views(lines)
    rows = [views[:2], views[2:]] if len(views) > 2 else [views]
    width = max(sum(VIEW_SIZE[v][0] * SCALE + GAP for v in row) for row in rows)
    heights = [max(VIEW_SIZE[v][1] for v in row) * SCALE + CAPTION for row in rows]
    drawing = Drawing(width, sum(heights) + GAP * (len(rows) - 1))
    top = drawing.height
    for row, height in zip(rows, heights, strict=True):
        left = 0.0
        for view in row:
            view_width, view_height = (size * SCALE for size in VIEW_SIZE[view])
            bottom = top - view_height
            drawing.add(_view(view, left, bottom, [ln for ln in lines if ln.mark.view is view]))
            drawing.add(
                Words(left + view_width / 2, bottom - CAPTION + 3, view.label, fontName=REGULAR,
                      fontSize=7, textAnchor="middle")
            )  # fmt: skip
            left += view_width + GAP
        top -= height + GAP
    return drawing


def _view(view: BodyView, left: float, bottom: float, lines: Sequence[MarkLine]) -> Group:
    height = VIEW_SIZE[view][1]

    def at(x: float, y: float) -> tuple[float, float]:
        """A point of the figure (y down) on the page (y up)."""
        return left + x * SCALE, bottom + (height - y) * SCALE

    group = Group()  # the figure's shapes, then the marks on top
    for shape in figure(view):
        group.add(_shape(shape, at))
    width = VIEW_SIZE[view][0]
    points = [at(line.mark.x * width, line.mark.y * height) for line in lines]
    for line, (x, y), (cx, cy) in zip(lines, points, spread(points, 2 * MARK_RADIUS), strict=True):
        if (cx, cy) != (x, y):  # moved aside from another mark: a line back to where it is
            group.add(Line(x, y, cx, cy, strokeColor=colors.black, strokeWidth=0.6))
            group.add(Circle(x, y, 1.2, fillColor=colors.black, strokeColor=None))
        group.add(Circle(cx, cy, MARK_RADIUS, fillColor=colors.white, strokeColor=colors.black,
                         strokeWidth=1))  # fmt: skip
        group.add(Words(cx, cy - 2.5, str(line.number), fontName=BOLD, fontSize=7,
                        textAnchor="middle"))  # fmt: skip
    return group


def _shape(shape: Shape, place: Callable[[float, float], tuple[float, float]]) -> Shape_:
    fill = colors.white if shape.filled else None
    style = {"strokeColor": colors.black, "strokeWidth": 0.8, "fillColor": fill}
    v = shape.values
    if shape.kind == "ellipse":
        cx, cy = place(v[0], v[1])
        return Ellipse(cx, cy, v[2] * SCALE, v[3] * SCALE, **style)
    if shape.kind == "rect":
        x, y = place(v[0], v[1] + v[3])
        return Rect(x, y, v[2] * SCALE, v[3] * SCALE, rx=v[4] * SCALE, ry=v[4] * SCALE, **style)
    points = [coordinate for point in shape.points for coordinate in place(*point)]
    if shape.kind == "polygon":
        return Polygon(points, **style)
    return PolyLine(points, strokeColor=colors.black, strokeWidth=0.8)
