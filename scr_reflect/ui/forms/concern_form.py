"""Record a concern as it was seen or heard, with the child's own words kept verbatim."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.changes import ChangeSet
from ...domain.enums import ConcernStatus
from ...domain.records import Concern, Draft
from ...services.records import RecordService
from ..shared.task_runner import Runner
from ..shared.widgets import as_iso, choice_box, datetime_edit, text_box
from .category_picker import CategoryPicker
from .record_form import REASON, RecordForm


class ConcernForm(RecordForm):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        records: RecordService,
        draft: Draft,
        child_id: int,
        concern: Concern | None = None,
    ) -> None:
        super().__init__(parent, runner, records, draft, amending=concern is not None)
        self._child_id, self._concern = child_id, concern
        self.setWindowTitle("Amend concern" if concern else "Record a concern")
        now = records.now()
        self.add_field("occurred_at", "When it happened", datetime_edit(self, now))
        self.add_field("recorded_at", "When recorded", datetime_edit(self, now))
        self.add_field("raised_by", "Raised by", QLineEdit(self, placeholderText="Name and role"))
        self.add_field(
            "what_happened",
            "What was seen or heard",
            text_box(self, "Facts: what, where, who was there. Keep opinion for the analysis.", 6),
        )
        self.add_field(
            "child_words",
            "The child's own words",
            text_box(self, "Exactly as the child said them, in quotation marks if you can.", 3),
            "Write the child's words verbatim, without tidying or interpreting them.",
            hints=False,  # the child's words are kept as said, never "corrected"
        )
        self.add_field("categories", "Categories", CategoryPicker(self))
        self.add_field("action_taken", "Action taken", text_box(self, "", 3))
        self.add_field(
            "status", "Status", choice_box(self, [(s.label, s.value) for s in ConcernStatus])
        )
        self.add_field("outcome", "Outcome", text_box(self, "", 2))
        self.finish_building()

    @staticmethod
    def fields_of(concern: Concern) -> dict[str, str]:
        return {
            "occurred_at": as_iso(concern.occurred_at),
            "recorded_at": as_iso(concern.recorded_at),
            "raised_by": concern.raised_by,
            "what_happened": concern.what_happened,
            "child_words": concern.child_words,
            "categories": " ".join(sorted(c.value for c in concern.categories)),
            "action_taken": concern.action_taken,
            "status": concern.status.value,
            "outcome": concern.outcome,
        }

    def make_save(self) -> Callable[[], ChangeSet]:
        picker = self._fields["categories"].widget
        assert isinstance(picker, CategoryPicker)
        concern = Concern(
            child_id=self._child_id,
            occurred_at=self.datetime_value("occurred_at"),
            recorded_at=self.datetime_value("recorded_at"),
            raised_by=self.value("raised_by").strip(),
            what_happened=self.value("what_happened"),
            child_words=self.value("child_words"),
            categories=picker.selected(),
            action_taken=self.value("action_taken"),
            status=ConcernStatus(self.value("status")),
            outcome=self.value("outcome"),
        )
        records = self._records
        if self._concern is None:
            return lambda: records.record_concern(concern)
        amended = replace(concern, id=self._concern.id, version=self._concern.version)
        reason = self.value(REASON)
        return lambda: records.amend_concern(amended, reason)
