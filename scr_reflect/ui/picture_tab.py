"""The base of every record tab in the child's pane, and what it is given to work with.

Kept apart from child_tabs.py, which imports each tab class to list it: a tab module imports
PictureTab from here, so the two never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QWidget

from ..domain.draft_key import DraftKey
from ..domain.records import Child, Draft
from ..services.structured import ChildPicture
from ..services.workspace import Workspace
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

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.child: Child | None = None

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        raise NotImplementedError

    def reopen(self, draft: Draft, key: DraftKey) -> bool:
        """Reopen an unsaved form of this tab's kind from a draft; False if not this tab's."""
        return False
