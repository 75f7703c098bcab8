"""Save a supervision session back into the tool: it appears in each child's chronology."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.changes import ChangeSet
from ...domain.records import ChildSummary, Draft
from ...domain.supervision import SupervisionRecord
from ...services.records import RecordService
from ..documents.child_picker import ChildPicker
from ..shared.task_runner import Runner
from ..shared.widgets import datetime_edit, text_box
from .record_form import RecordForm


class SupervisionForm(RecordForm):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        records: RecordService,
        draft: Draft,
        open_cases: list[ChildSummary],
    ) -> None:
        super().__init__(parent, runner, records, draft, amending=False)
        self.setWindowTitle("Record a supervision session")
        self.add_field("held_at", "When", datetime_edit(self, records.now()))
        self.add_field("supervisor", "Supervisor", QLineEdit(self, placeholderText="Name and role"))
        self.add_field(
            "children",
            "Children discussed",
            ChildPicker(open_cases, self),
            "Each child ticked gets this session in their chronology.",
        )
        self.add_field("discussed", "What was discussed", text_box(self, "", 5))
        self.add_field("agreed", "What was agreed", text_box(self, "Actions, owners, dates", 4))
        self.finish_building()

    def make_save(self) -> Callable[[], ChangeSet]:
        picker = self._fields["children"].widget
        assert isinstance(picker, ChildPicker)
        record = SupervisionRecord(
            held_at=self.datetime_value("held_at"),
            supervisor=self.value("supervisor"),
            discussed=self.value("discussed"),
            agreed=self.value("agreed"),
            child_ids=picker.selected(),
        )
        records = self._records
        return lambda: records.record_supervision(record)
