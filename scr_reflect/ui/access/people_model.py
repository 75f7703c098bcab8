"""Who may open the store: name, role, when added, and when removed (for those removed)."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain import display_dates as show
from ...domain.people import Person
from ..shared.list_table_model import ListTableModel

COL_NAME, COL_ROLE, COL_ADDED, COL_REMOVED = range(4)


class PeopleModel(ListTableModel[Person]):
    HEADERS = ("Name", "Role", "Added", "Removed")

    def show_people(self, people: Sequence[Person]) -> None:
        self.set_rows(people)

    def person_at(self, row: int) -> Person | None:
        return self.row_at(row)

    def cell(self, item: Person, column: int) -> str:
        if column == COL_NAME:
            return item.name
        if column == COL_ROLE:
            return item.role.label
        if column == COL_ADDED:
            return show.day(item.added_at)
        return show.day(item.removed_at) if item.removed_at else ""
