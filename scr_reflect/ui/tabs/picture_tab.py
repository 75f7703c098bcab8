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

from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.field_words import Words
from ...domain.records import Child, Draft
from ...services.errors import RecordNotFound
from ...services.structured import ChildPicture, PicturePart
from ...services.workspace import Workspace
from ..forms.draft_openers import DraftOpener, when_loaded
from ..forms.form_context import FormContext
from ..forms.history_dialog import open_history
from ..forms.record_form import RecordForm
from ..shared.task_runner import Runner


@dataclass(frozen=True, slots=True)
class TabContext:
    """What a tab needs to open forms and report problems, without knowing the workspace view."""

    workspace: Workspace
    runner: Runner
    open_form: Callable[[RecordForm], None]
    report: Callable[[Exception], None]

    def form_context(self, parent: QWidget) -> FormContext:
        """What a record form opened from `parent` saves through: made here, for every tab."""
        space = self.workspace
        return FormContext(parent, self.runner, space.records, space.structured)


class PictureTab(QWidget):
    """Base for a tab that shows part of a child's picture."""

    TITLE = ""
    RECORD_TYPES: tuple[RecordType, ...] = ()  # the kinds of record amended on this tab
    PARTS: frozenset[PicturePart] = frozenset()  # the parts of the picture it shows

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.child: Child | None = None

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        raise NotImplementedError

    def child_name(self) -> str:
        """The chosen child's name as the DSL knows them, for form headings."""
        return self.child.display_name if self.child else ""

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        """How this tab reopens each kind of form it opens, from a saved draft."""
        raise NotImplementedError

    def child_of_draft(self, key: DraftKey) -> int | None:
        """The child a record's draft was typed for; a draft that names none is reported."""
        if key.child_id is None:
            self.context.report(RecordNotFound(key.text()))
        return key.child_id

    def record_opener(
        self, record_type: RecordType, open_form: Callable[[Draft, int, Any], None]
    ) -> DraftOpener:
        """Reopen a draft of a record kept for one child: opened with the record it amends."""
        context = self.context
        structured = context.workspace.structured

        def reopen(draft: Draft, key: DraftKey) -> None:
            child_id = self.child_of_draft(key)
            if child_id is None:
                return
            when_loaded(
                context.runner,
                context.report,
                key.record_id,
                lambda record_id: structured.get(record_type, record_id),
                lambda record: open_form(draft, child_id, record),
            )

        return reopen

    def show_record_history(
        self, title: str, record_type: RecordType, record_id: int, words: Words | None = None
    ) -> None:
        context = self.context
        records = context.workspace.records
        open_history(
            self, context.runner, records, context.report, title, record_type, record_id, words
        )
