"""The retention review's two tables: children past their date, and children kept by a hold.

The review is read whole (a school has a handful of former pupils due at a time), so the model
holds its rows rather than loading pages as the children list does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from ...domain import display_dates as show
from ...domain.retention import ReviewChild, time_past
from ..shared.list_table_model import ListTableModel

Column = tuple[str, Callable[[ReviewChild, date], str]]


def _reason(child: ReviewChild, _today: date) -> str:
    return child.hold.reason if child.hold else ""


def _placed(child: ReviewChild, _today: date) -> str:
    hold = child.hold
    return f"{show.day(hold.placed_at.date())} by {hold.placed_by}" if hold else ""


def _held_review(child: ReviewChild, today: date) -> str:
    due = child.review_date <= today
    return show.day(child.review_date) if due else f"{show.day(child.review_date)} (not yet)"


DUE_COLUMNS: tuple[Column, ...] = (
    ("Name", lambda child, _today: child.display_name),
    ("Date of birth", lambda child, _today: show.day(child.date_of_birth)),
    ("Review date", lambda child, _today: show.day(child.review_date)),
    ("Past by", lambda child, today: time_past(child.review_date, today)),
)
COL_REASON = 2  # of HELD_COLUMNS: the one column given the room a long reason needs
HELD_COLUMNS: tuple[Column, ...] = (
    ("Name", lambda child, _today: child.display_name),
    ("Review date", _held_review),
    ("Why they are kept", _reason),
    ("Hold placed", _placed),
)


class ReviewModel(ListTableModel[ReviewChild]):
    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self._columns = tuple(columns)
        # The due and held tables differ in columns, so each model carries its own headers.
        self.HEADERS = tuple(header for header, _text in self._columns)
        self._today = date.min

    def show(self, rows: Sequence[ReviewChild], today: date) -> None:
        self._today = today  # before the reset, so the view reads the new day
        self.set_rows(rows)

    def child_at(self, row: int) -> ReviewChild | None:
        return self.row_at(row)

    def row_id(self, item: ReviewChild) -> int | None:
        return item.child_id

    def cell(self, item: ReviewChild, column: int) -> str:
        return self._columns[column][1](item, self._today)
