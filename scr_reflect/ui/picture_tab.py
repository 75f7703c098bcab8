"""The base of every record tab in the child's pane, and what it is given to work with.

Kept apart from child_tabs.py, which imports each tab class to list it: a tab module imports
PictureTab from here, so the two never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QWidget

from ..domain.draft_key import DraftKey, FormKind
from ..domain.enums import RecordType
from ..domain.records import Child, Draft
from ..services.structured import ChildPicture
from ..services.workspace import Workspace
from .history_dialog import HistoryDialog
from .record_form import RecordForm
from .task_runner import Runner


@dataclass(frozen=True, slots=True)
class TabContext:
    """What a tab needs to open forms and report problems, without knowing the workspace view."""

    workspace: Workspace
    runner: Runner
    open_form: Callable[[RecordForm], None]
    report: Callable[[Exception], None]


class PictureTab(QWidget):
    """Base for a tab that shows part of a child's picture."""

    TITLE = ""
    RECORD_TYPES: tuple[RecordType, ...] = ()  # the kinds of record amended on this tab

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.child: Child | None = None

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        raise NotImplementedError

    def child_name(self) -> str:
        """The chosen child's name as the DSL knows them, for form headings."""
        return self.child.display_name if self.child else ""

    def reopen(self, draft: Draft, key: DraftKey) -> bool:
        """Reopen an unsaved form of this tab's kind from a draft; False if not this tab's."""
        return False

    def reopen_record(
        self,
        draft: Draft,
        key: DraftKey,
        form: FormKind,
        record_type: RecordType,
        open_form: Callable[[Draft, int, Any], None],
    ) -> bool:
        """Reopen a draft of `form`: a new record's at once, an amendment once its record loads."""
        if key.form is not form or key.child_id is None:
            return False
        child_id, record_id = key.child_id, key.record_id
        if record_id is None:
            open_form(draft, child_id, None)
            return True
        structured = self.context.workspace.structured
        self.context.runner.run(
            lambda: structured.get(record_type, record_id),
            lambda record: open_form(draft, child_id, record),
            self.context.report,
        )
        return True

    def show_record_history(self, title: str, record_type: RecordType, record_id: int) -> None:
        records = self.context.workspace.records
        self.context.runner.run(
            lambda: records.history(record_type, record_id),
            lambda history: HistoryDialog(self, title, history).open(),
            self.context.report,
        )
