"""Open the supervision form with the open cases to choose from (new, or from a draft)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...domain.draft_key import DraftKey, FormKind
from ...domain.records import ChildSummary, Draft
from ...services.records import RecordService
from ..forms.record_form import RecordForm
from ..forms.supervision_form import SupervisionForm
from ..shared.task_runner import Runner


class SupervisionActions:
    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        records: RecordService,
        open_form: Callable[[RecordForm], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self._parent, self._runner, self._records = parent, runner, records
        self._open_form, self._on_error = open_form, on_error

    def open(self, draft: Draft | None = None) -> None:
        draft = draft or Draft(DraftKey(FormKind.SUPERVISION).text(), "Supervision session")
        records = self._records

        def open_cases() -> list[ChildSummary]:
            summaries = records.child_summaries(records.search_children(""))
            return [child for child in summaries if child.open_concerns]

        self._runner.run(open_cases, lambda cases: self._show(draft, cases), self._on_error)

    def _show(self, draft: Draft, cases: list[ChildSummary]) -> None:
        self._open_form(SupervisionForm(self._parent, self._runner, self._records, draft, cases))
