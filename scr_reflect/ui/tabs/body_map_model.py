"""A child's body map marks, numbered oldest first: the numbers drawn on the figure."""

from __future__ import annotations

from ...domain.body_map import BodyMark
from ..shared.list_table_model import ListTableModel

COL_NUMBER, COL_SEEN, COL_WHERE, COL_MARK = range(4)


class BodyMapModel(ListTableModel[tuple[int, BodyMark]]):
    HEADERS = ("No.", "Seen", "Where", "Mark")

    def row_id(self, item: tuple[int, BodyMark]) -> int | None:
        return item[1].id

    def cell(self, item: tuple[int, BodyMark], column: int) -> str:
        number, mark = item
        if column == COL_NUMBER:
            return str(number)
        if column == COL_SEEN:
            return mark.when_text
        if column == COL_WHERE:
            return mark.region
        return f"{mark.size_text}, {mark.shape.label.lower()}, {mark.colour}; {mark.skin_text}"
