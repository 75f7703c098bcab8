"""The chronology in the middle: one time-ordered list per child, filtered by type and date."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import EntryKind
from ..domain.records import ChronologyEntry
from ..services.records import RecordService
from .chronology_model import COL_TITLE, ChronologyModel
from .shared.latest import Latest
from .shared.task_runner import Runner
from .shared.widgets import chosen_date, date_range, fit_columns, read_filter, record_table
from .shared.window_size import narrow

ALL_KINDS = ""
EMPTY = (
    "Nothing recorded for this child yet. Record a concern: Ctrl+N; "
    "add a note, contact or meeting: Ctrl+Shift+E."
)
# A chronology listed: its ids, and the rows on screen read with them.
Listed = tuple[list[int], Sequence[ChronologyEntry]]
FILTERED_EMPTY = "No entries match these filters: choose All types or clear the dates."


class ChronologyPane(QWidget):
    entry_selected = Signal(int)

    def __init__(
        self,
        runner: Runner,
        records: RecordService,
        on_error: Callable[[Exception], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._records, self._on_error = records, on_error
        self._listing = Latest(runner)  # a child or filter moved past is not listed
        self._child_id: int | None = None
        # Wraps, so a long name does not widen the pane past a small screen.
        self.heading = QLabel("Chronology", self, objectName="paneHeading", wordWrap=True)
        self.kind = QComboBox(self, objectName="kindFilter")
        self.kind.addItem("All types", ALL_KINDS)
        for kind in EntryKind:
            self.kind.addItem(kind.label, kind.value)
        narrow(self.kind, 9)
        self.date_from, self.date_to, self.problem = date_range(self)
        self.model = ChronologyModel(runner, records.entries, on_error)
        self.table = record_table(self, "chronology", self.model)
        self.table.setAccessibleName("Chronology")
        self.kind.setAccessibleName("Show entries of type")
        self.empty = QLabel(EMPTY, self, objectName="emptyChronology", wordWrap=True)
        self.empty.hide()
        self.model.modelReset.connect(self._show_empty)
        fit_columns(self.table, COL_TITLE)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        for signal in (
            self.kind.currentIndexChanged,
            self.date_from.date_changed,
            self.date_from.editingFinished,
            self.date_to.editingFinished,
            self.date_to.date_changed,
        ):
            signal.connect(self.refresh)

        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        filters.addStretch(1)
        filters.addWidget(QLabel("From", self))
        filters.addWidget(self.date_from.with_note())
        filters.addWidget(QLabel("to", self))
        filters.addWidget(self.date_to.with_note())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.setEnabled(False)

    def show_child(self, child_id: int, name: str, listed: Listed | None = None) -> None:
        """listed: the child's chronology read already (listing_for), shown as it is."""
        self._child_id = child_id
        self.heading.setText(f"Chronology: {name}")
        self.setEnabled(True)
        if listed is None:
            self.refresh()
        else:
            self._listing.supersede()  # a listing asked for before this one is not shown
            self.model.set_ids(*listed)

    def clear(self) -> None:
        """Show no child: the one shown has gone from the store."""
        self._child_id = None
        self.heading.setText("Chronology")
        self.model.set_ids([])
        self.setEnabled(False)

    def current_filter(self) -> ChronologyFilter:
        kind = self.kind.currentData()
        return ChronologyFilter(
            kinds=frozenset(EntryKind) if kind == ALL_KINDS else frozenset({EntryKind(kind)}),
            date_from=chosen_date(self.date_from, "From"),
            date_to=chosen_date(self.date_to, "To"),
        )

    def refresh(self) -> None:
        listing = None if self._child_id is None else self.listing_for(self._child_id)
        if listing is not None:
            self._listing.run(listing, lambda found: self.model.set_ids(*found), self._on_error)

    def listing_for(self, child_id: int) -> Callable[[], Listed] | None:
        """The lane's work listing the child's chronology under the filters set now, with the
        rows on screen read in the same go; None if a date typed cannot be read (said here)."""
        wanted = read_filter(self.problem, self.current_filter)
        if wanted is None:
            return None
        records, model, table = self._records, self.model, self.table

        def listing() -> Listed:
            ids = records.entry_ids(child_id, wanted)
            return ids, model.rows_read_with(ids, table)

        return listing

    def _show_empty(self) -> None:
        """An empty list says what to do next (and whether the filters hide everything)."""
        filtered = self.kind.currentData() != ALL_KINDS or any(
            box.text().strip() for box in (self.date_from, self.date_to)
        )
        self.empty.setText(FILTERED_EMPTY if filtered else EMPTY)
        self.empty.setVisible(self._child_id is not None and self.model.rowCount() == 0)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        entry_id = self.selected_id()
        if entry_id is not None:
            self.entry_selected.emit(entry_id)
