"""The forms the workspace view opens itself: a child's details, a concern, a chronology entry
and a follow-up action, whether new, amended, or reopened from a saved draft."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...domain.draft_key import DraftKey, FormKind
from ...domain.records import Child, ChronologyEntry, Concern, Draft
from ...services.records import RecordService
from ..shared.task_runner import Runner
from .action_form import ActionForm
from .child_form import ChildForm
from .concern_form import ConcernForm
from .draft_openers import DraftOpener, when_loaded
from .entry_form import EntryForm
from .record_form import RecordForm


class CoreForms:
    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        records: RecordService,
        open_form: Callable[[RecordForm], None],
        report: Callable[[Exception], None],
    ) -> None:
        self._parent, self._runner, self._records = parent, runner, records
        self._open_form, self._report = open_form, report

    # New and amended ----------------------------------------------------------------------

    def new_child(self) -> None:
        self._child_form(Draft(DraftKey(FormKind.CHILD).text(), "New child"), None)

    def amend_child(self, child: Child) -> None:
        key = DraftKey(FormKind.CHILD, child.id, child.id)
        title = f"Amended details: {child.display_name}"
        self._child_form(Draft(key.text(), title, ChildForm.fields_of(child)), child)

    def new_concern(self, child_id: int, child_name: str) -> None:
        draft = Draft(DraftKey(FormKind.CONCERN, child_id).text(), f"New concern: {child_name}")
        self._concern_form(draft, child_id, None)

    def amend_concern(self, concern: Concern, child_name: str) -> None:
        key = DraftKey(FormKind.CONCERN, concern.child_id, concern.id)
        title = f"Amended concern: {child_name}"
        draft = Draft(key.text(), title, ConcernForm.fields_of(concern))
        self._concern_form(draft, concern.child_id, concern)

    def new_entry(self, child_id: int, child_name: str) -> None:
        draft = Draft(DraftKey(FormKind.ENTRY, child_id).text(), f"New entry: {child_name}")
        self._entry_form(draft, child_id, None)

    def amend_entry(self, entry: ChronologyEntry, child_name: str) -> None:
        key = DraftKey(FormKind.ENTRY, entry.child_id, entry.id)
        title = f"Amended entry: {child_name}"
        self._entry_form(
            Draft(key.text(), title, EntryForm.fields_of(entry)), entry.child_id, entry
        )

    def new_action(self, child_id: int, child_name: str, concern_id: int | None) -> None:
        """A follow-up action for the child, tied to a concern when set from its reflection."""
        draft = Draft(DraftKey(FormKind.ACTION, child_id).text(), f"New action: {child_name}")
        self._action_form(draft, child_id, concern_id)

    # From drafts --------------------------------------------------------------------------

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {
            FormKind.CHILD: self._reopen_child,
            FormKind.CONCERN: self._reopen_concern,
            FormKind.ENTRY: self._reopen_entry,
            # An action's draft is always a new action: it is completed, never amended.
            FormKind.ACTION: lambda draft, key: self._action_form(draft, key.child_id or 0, None),
        }

    def _reopen_child(self, draft: Draft, key: DraftKey) -> None:
        def show(child: Child | None) -> None:
            self._child_form(draft, child)

        when_loaded(self._runner, self._report, key.record_id, self._records.child, show)

    def _reopen_concern(self, draft: Draft, key: DraftKey) -> None:
        def show(concern: Concern | None) -> None:
            self._concern_form(draft, key.child_id or 0, concern)

        when_loaded(self._runner, self._report, key.record_id, self._records.concern, show)

    def _reopen_entry(self, draft: Draft, key: DraftKey) -> None:
        def show(entry: ChronologyEntry | None) -> None:
            self._entry_form(draft, key.child_id or 0, entry)

        when_loaded(self._runner, self._report, key.record_id, self._records.entry, show)

    # The forms ----------------------------------------------------------------------------

    def _child_form(self, draft: Draft, child: Child | None) -> None:
        self._open_form(ChildForm(self._parent, self._runner, self._records, draft, child))

    def _concern_form(self, draft: Draft, child_id: int, concern: Concern | None) -> None:
        args = (self._parent, self._runner, self._records, draft)
        self._open_form(ConcernForm(*args, child_id, concern))

    def _entry_form(self, draft: Draft, child_id: int, entry: ChronologyEntry | None) -> None:
        args = (self._parent, self._runner, self._records, draft)
        self._open_form(EntryForm(*args, child_id, entry))

    def _action_form(self, draft: Draft, child_id: int, concern_id: int | None) -> None:
        args = (self._parent, self._runner, self._records, draft)
        self._open_form(ActionForm(*args, child_id, concern_id))
