"""A table model over ids with a lazy row cache, filled a page at a time on the lane.

The view asks only for the rows it shows, so a list of 2,000 children or a chronology of
thousands of entries opens at once. Rows not yet loaded read as an ellipsis until their page
arrives.

A view asks a cell for about ten roles each time it paints or sizes it: a model answers only
the ROLES it names, and works out a row's cells once, when the row is first shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from .table_columns import ID_ROLE, ColumnsModel, Index
from .task_runner import Runner

R = TypeVar("R")

LOADING = "…"


class LazyTableModel(ColumnsModel, Generic[R]):
    PAGE_SIZE = 100
    # The roles cell() answers: any other is answered None at once.
    ROLES: frozenset[int] = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})

    def __init__(
        self,
        runner: Runner,
        fetch_rows: Callable[[list[int]], Sequence[R]],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__()
        self._runner = runner
        self._fetch_rows = fetch_rows
        self._on_error = on_error
        self._ids: list[int] = []
        self._cache: dict[int, R] = {}
        self._cells: dict[int, dict[int, tuple[Any, ...]]] = {}  # by id: each role's cells
        self._pages_asked: set[int] = set()
        self._generation = 0  # bumps on reset, so late pages from an old list are dropped

    # What subclasses say ------------------------------------------------------------------

    def row_id(self, row: R) -> int:
        return row.id  # type: ignore[attr-defined, no-any-return]

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    # Qt's model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != ID_ROLE and role not in self.ROLES:
            return None
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        record_id = self._ids[index.row()]
        if role == ID_ROLE:
            return record_id
        cells = self._cells.get(record_id) or self._cells_of(record_id, index.row())
        if cells is None:
            return LOADING if role == Qt.ItemDataRole.DisplayRole else None
        return cells[role][index.column()]

    # Our API ------------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int], read: Sequence[R] = ()) -> None:
        """read: rows of these ids read already (read_ahead), shown without asking for them."""
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._cache.clear()
        self._cells.clear()
        self._pages_asked.clear()
        for row in read:
            self._cache[self.row_id(row)] = row
        self.endResetModel()

    def read_ahead(self, ids: Sequence[int], row: int, margin: int) -> Sequence[R]:
        """On the lane, before a new list is shown: the rows within margin of the row (those
        that can be on screen), read in one go, so the list is shown whole at once. A row
        scrolled to later is read with its page, as any other."""
        wanted = list(ids[max(row - margin, 0) : row + margin + 1])
        return self._fetch_rows(wanted) if wanted else ()

    def rows_read_with(self, ids: Sequence[int], table: QTableView) -> Sequence[R]:
        """read_ahead from the top: the rows a new list shows first in this table."""
        return self.read_ahead(ids, 0, rows_in_view(table))

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        # Looked for when asked (once a reload, for the row chosen): a search as you type
        # would otherwise map every id it found to its row at each keystroke.
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def loaded(self, row: int) -> R | None:
        record_id = self.id_at(row)
        return None if record_id is None else self._cache.get(record_id)

    def forget(self, record_id: int) -> None:
        """Reload one row (after it was amended) without resetting the view."""
        row = self.row_of(record_id)
        if row is None:
            return
        self._cache.pop(record_id, None)
        self._cells.pop(record_id, None)
        self._pages_asked.discard(row // self.PAGE_SIZE)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _cells_of(self, record_id: int, position: int) -> dict[int, tuple[Any, ...]] | None:
        """The row's cells in every role, worked out now; None until its page is loaded."""
        row = self._cache.get(record_id)
        if row is None:
            self._ask_for_page(position // self.PAGE_SIZE)
            row = self._cache.get(record_id)  # a synchronous runner has filled it already
        if row is None:
            return None
        columns = range(self.columnCount())
        cells = {role: tuple(self.cell(row, c, role) for c in columns) for role in self.ROLES}
        self._cells[record_id] = cells
        return cells

    def _ask_for_page(self, page: int) -> None:
        if page in self._pages_asked:
            return
        self._pages_asked.add(page)
        ids = self._ids[page * self.PAGE_SIZE : (page + 1) * self.PAGE_SIZE]
        generation = self._generation

        def fetch() -> Sequence[R]:
            # A page of a list replaced since it was asked for is not read at all.
            return self._fetch_rows(ids) if generation == self._generation else ()

        self._runner.run(
            fetch,
            lambda rows: self._fill(generation, page, rows),
            self._on_error,
        )

    def _fill(self, generation: int, page: int, rows: Sequence[R]) -> None:
        if generation != self._generation or not rows:
            return
        for row in rows:
            self._cache[self.row_id(row)] = row
        first = page * self.PAGE_SIZE
        last = min(first + self.PAGE_SIZE, len(self._ids)) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))


def rows_in_view(table: QTableView) -> int:
    """How many rows the table shows at once, at its default row height."""
    return table.viewport().height() // max(table.verticalHeader().defaultSectionSize(), 1)
