"""The children list on the left: search as you type over name, year group, UPN."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.records import ChildSummary
from ..services.records import RecordService
from .children_model import COL_NAME, COL_OPEN, COL_YEAR, ChildrenModel
from .shared.kept_selection import KeptSelection
from .shared.latest import Latest
from .shared.lazy_table_model import rows_in_view
from .shared.task_runner import Runner
from .shared.widgets import record_table

SEARCH_DELAY_MS = 150
Found = tuple[list[int], Sequence[ChildSummary]]  # the ids, and the rows read ahead


class ChildrenPane(QWidget):
    child_selected = Signal(int)

    def __init__(
        self,
        runner: Runner,
        records: RecordService,
        on_error: Callable[[Exception], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._records, self._on_error = records, on_error
        self._search = Latest(runner)  # a keystroke's search is skipped once another is typed
        self._kept: int | None = None  # the child open, chosen again as the list reloads
        self.search = QLineEdit(self, objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText("Find a child: name, year group or UPN")
        self.search.setAccessibleName("Find a child")
        self.search.setToolTip("Enter or Down goes to the first child found.")
        self.search.installEventFilter(self)
        self.count = QLabel(self, objectName="count")
        self.model = ChildrenModel(runner, records.child_summaries, on_error)
        self.table = record_table(self, "children", self.model)
        self.kept_selection = KeptSelection(self.table, self.model)
        self.table.setAccessibleName("Children")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # As wide as the longest year and group, and the heading "Open" or a count of three
        # figures, measured once: the name gets the rest. Sized from the rows instead, the
        # columns would be measured at each keystroke, from rows read for no other purpose.
        metrics = self.fontMetrics()
        header.resizeSection(COL_YEAR, metrics.horizontalAdvance("Year 13 · 13W") + 16)
        open_width = max(header.sectionSizeHint(COL_OPEN), metrics.horizontalAdvance("999") + 16)
        header.resizeSection(COL_OPEN, open_width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.go_to_first)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count)

    def refresh(self, select_id: int | None = None) -> None:
        """select_id: the child to choose once reloaded, read again if already open (after
        a change); otherwise the child open stays chosen and is not read again."""
        self._debounce.stop()
        text = self.search.text()
        keep = select_id if select_id is not None else self.kept_selection.id_to_keep()
        reopen = select_id is not None
        self._search.run(
            self._finder(text, keep),
            lambda found: self._show(*found, keep, reopen),
            self._on_error,
        )

    def go_to_first(self) -> None:
        """Enter or Down in the search box: search now, choose the first child found, and
        move the keyboard to the list."""
        self._debounce.stop()
        self._search.run(self._finder(self.search.text(), None), self._show_first, self._on_error)

    def _finder(self, text: str, keep: int | None) -> Callable[[], Found]:
        """The lane's work for a keystroke: the children found, and the rows that will be on
        screen (around the child kept, or at the top), read in the same go."""
        records, model, margin = self._records, self.model, rows_in_view(self.table)

        def find() -> Found:
            ids = records.search_children(text)
            row = _row_of(ids, keep)
            return ids, model.read_ahead(ids, row, margin)

        return find

    def _show_first(self, found: Found) -> None:
        ids, _read = found
        self._show(*found, ids[0] if ids else None)
        if ids:
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.go_to_first()
            return True
        return False

    def _show(
        self, ids: list[int], read: Sequence[ChildSummary], keep: int | None, reopen: bool = False
    ) -> None:
        # A keystroke that keeps the child open on the list leaves them on screen as they are.
        self._kept = None if reopen else self.selected_id()
        self.model.set_ids(ids, read)
        self.count.setText(self._count_text(len(ids)))
        try:
            self.kept_selection.choose(keep)
        finally:
            self._kept = None
        if self.selected_id() is None:
            # The first children found, not the foot of a shorter list scrolled to before.
            self.table.scrollToTop()

    def _count_text(self, found: int) -> str:
        """What the list holds, or what to do next when it holds nothing."""
        if found == 0 and not self.search.text().strip():
            return "No children yet. Add your first child: Ctrl+Shift+N."
        if found == 0:
            return "No child found. Check the spelling, or add a child: Ctrl+Shift+N."
        return f"{found} child" if found == 1 else f"{found} children"

    def select(self, child_id: int) -> None:
        self.kept_selection.choose(child_id)

    def selected_id(self) -> int | None:
        return self.kept_selection.chosen_id()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        child_id = self.selected_id()
        if child_id is not None and child_id != self._kept:
            self.child_selected.emit(child_id)


def _row_of(ids: list[int], child_id: int | None) -> int:
    """The child's row, or the top of the list if they are not on it."""
    try:
        return ids.index(child_id) if child_id is not None else 0
    except ValueError:
        return 0
