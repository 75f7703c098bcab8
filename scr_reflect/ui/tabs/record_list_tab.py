"""A tab that lists one kind of the child's records, newest first: the table (or a line saying
there are none), Record / Amend / History, and the chosen record's details.

A subclass says which records, in what words, with which form; the Sharing and Education tabs
are built this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.records import Child, Draft
from ...services.structured import ChildPicture
from ..forms.draft_openers import DraftOpener
from ..forms.form_context import FormContext
from ..forms.record_form import RecordForm
from ..shared.kept_selection import KeptSelection
from ..shared.list_table_model import ListTableModel
from ..shared.widgets import fit_columns, record_table
from .picture_tab import PictureTab, TabContext
from .record_panel import FieldsBox, plain_label

R = TypeVar("R")


class ListForm(Protocol):
    """A record form opened for a child, new or amending one record."""

    def __call__(
        self, context: FormContext, draft: Draft, child_id: int, record: Any, /
    ) -> RecordForm: ...


@dataclass(frozen=True, slots=True)
class ListWords:
    name: str  # the widgets' object names start with it: "sharing", "sharingEmpty"…
    intro: str
    source: str
    empty: str  # said where there are none yet
    add: str  # the Record button
    details: str  # the heading over the chosen record
    detail_rows: list[tuple[str, str]]
    new_title: str  # a form's heading, before the child's name
    amended_title: str


class RecordListTab(PictureTab, Generic[R]):
    WORDS: ClassVar[ListWords]
    FORM_KIND: ClassVar[FormKind]
    RECORD_TYPE: ClassVar[RecordType]
    STRETCH_COLUMN: ClassVar[int]

    def __init__(self, context: TabContext, model: ListTableModel[R], parent: QWidget | None):
        super().__init__(context, parent)
        words, name = self.WORDS, self.WORDS.name
        title = name[0].upper() + name[1:]
        self._shown: dict[int, R] = {}
        self.model = model
        self.table = record_table(self, name, model)
        self.kept_selection = KeptSelection(self.table, model)
        fit_columns(self.table, self.STRETCH_COLUMN)
        self.empty = plain_label(self, f"{name}Empty", words.empty)
        self.add = QPushButton(words.add, self, objectName=f"record{title}")
        self.amend = QPushButton("Amend…", self, objectName=f"amend{title}")
        self.history = QPushButton("History", self, objectName=f"{name}History")
        self.details = FieldsBox(words.details, words.detail_rows, self)
        self.details.setObjectName(f"{name}Details")
        buttons = QHBoxLayout()
        for button in (self.add, self.amend, self.history):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, f"{name}Intro", words.intro))
        layout.addWidget(plain_label(self, f"{name}Source", words.source))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addStretch(0)  # with no table to fill the pane, the room goes below, not between

        self.add.clicked.connect(self.record_new)
        self.amend.clicked.connect(self.amend_chosen)
        self.history.clicked.connect(self.show_history)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_chosen())
        self._show_chosen()

    # What a subclass says -------------------------------------------------------------------

    def records_of(self, picture: ChildPicture) -> Sequence[R]:
        raise NotImplementedError

    def details_of(self, record: R) -> tuple[dict[str, str], frozenset[str]]:
        """The details box's values, and the rows marked as needing attention."""
        raise NotImplementedError

    def history_title(self, record: R) -> str:
        raise NotImplementedError

    def form(self) -> ListForm:
        raise NotImplementedError

    def fields_of(self, record: R) -> dict[str, str]:
        raise NotImplementedError

    # Shown ----------------------------------------------------------------------------------

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        keep = self.kept_selection.id_to_keep()
        records = self.records_of(picture)
        self._shown = {r.id: r for r in records if r.id is not None}  # type: ignore[attr-defined]
        self.model.show_records(records)
        self.empty.setVisible(not records)
        self.table.setVisible(bool(records))
        self.kept_selection.choose(keep, 0 if records else None)
        self._show_chosen()

    def chosen(self) -> R | None:
        return self._shown.get(self.kept_selection.chosen_id() or 0)

    def _show_chosen(self) -> None:
        record = self.chosen()
        self.amend.setEnabled(record is not None)
        self.history.setEnabled(record is not None)
        self.details.setVisible(record is not None)
        if record is not None:
            self.details.show_values(*self.details_of(record))

    # Forms ----------------------------------------------------------------------------------

    def record_new(self) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(self.FORM_KIND, self.child.id).text()
        title = f"{self.WORDS.new_title}: {self.child_name()}"
        self._open(Draft(key, title), self.child.id, None)

    def amend_chosen(self) -> None:
        record: Any = self.chosen()
        if record is None:
            return
        key = DraftKey(self.FORM_KIND, record.child_id, record.id).text()
        title = f"{self.WORDS.amended_title}: {self.child_name()}"
        self._open(Draft(key, title, self.fields_of(record)), record.child_id, record)

    def _open(self, draft: Draft, child_id: int, record: R | None) -> None:
        form = self.form()(self.context.form_context(self), draft, child_id, record)
        form.saved.connect(self.kept_selection.choose_saved)
        self.context.open_form(form)

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {self.FORM_KIND: self.record_opener(self.RECORD_TYPE, self._open)}

    def show_history(self) -> None:
        record: Any = self.chosen()
        if record is not None and record.id is not None:
            self.show_record_history(self.history_title(record), self.RECORD_TYPE, record.id)
