"""The record form a saved draft reopens in, with the record it amends (if any)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ..domain.draft_key import DraftKey, FormKind
from ..domain.records import Draft
from ..services.records import RecordService
from .action_form import ActionForm
from .child_form import ChildForm
from .concern_form import ConcernForm
from .entry_form import EntryForm
from .record_form import RecordForm
from .task_runner import Runner


def record_for_draft(records: RecordService, draft: Draft) -> object:
    """Fetch the record a draft amends, if any, so the form knows its version (on the lane)."""
    key = DraftKey.parse(draft.key)
    if key.record_id is None:
        return None
    loaders: dict[FormKind, Callable[[int], object]] = {
        FormKind.CHILD: records.child,
        FormKind.CONCERN: records.concern,
        FormKind.ENTRY: records.entry,
    }
    return loaders[key.form](key.record_id)


def form_for_draft(
    parent: QWidget, runner: Runner, records: RecordService, draft: Draft, record: object
) -> RecordForm:
    key = DraftKey.parse(draft.key)
    child_id = key.child_id or 0
    args = (parent, runner, records, draft)
    if key.form is FormKind.CHILD:
        return ChildForm(*args, record)  # type: ignore[arg-type]
    if key.form is FormKind.CONCERN:
        return ConcernForm(*args, child_id, record)  # type: ignore[arg-type]
    if key.form is FormKind.ENTRY:
        return EntryForm(*args, child_id, record)  # type: ignore[arg-type]
    return ActionForm(*args, child_id)
