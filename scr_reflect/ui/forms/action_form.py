"""Set a follow-up action with an owner and a due date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.changes import ChangeSet
from ...domain.records import Draft, FollowUpAction
from ...services.records import RecordService
from ..shared.task_runner import Runner
from ..shared.widgets import date_edit, text_box
from .record_form import RecordForm

DEFAULT_DAYS_TO_DUE = 7


class ActionForm(RecordForm):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        records: RecordService,
        draft: Draft,
        child_id: int,
        concern_id: int | None = None,
    ) -> None:
        super().__init__(parent, runner, records, draft, amending=False)
        self._child_id, self._concern_id = child_id, concern_id
        self.setWindowTitle("Add a follow-up action")
        self.add_field("description", "Action", text_box(self, "What needs doing", 3))
        self.add_field("owner", "Who", QLineEdit(self))
        due = records.now().date() + timedelta(days=DEFAULT_DAYS_TO_DUE)
        self.add_field("due_on", "Due by", date_edit(self, due))
        self.finish_building()

    def make_save(self) -> Callable[[], ChangeSet]:
        action = FollowUpAction(
            child_id=self._child_id,
            description=self.value("description"),
            owner=self.value("owner").strip(),
            due_on=self.date_value("due_on"),
            concern_id=self._concern_id,
        )
        records = self._records
        return lambda: records.add_action(action)
