"""The right-hand pane's tabs: the child and the entry chosen, then one tab per kind of
structured record (factors, missing episodes, accounts, referrals, information sharing).

Each record tab is a PictureTab: it is handed the child's whole ChildPicture whenever it
changes, and opens its forms through the TabContext, so the workspace refreshes what a save
changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QTabWidget, QWidget

from ..domain.draft_key import DraftKey
from ..domain.records import Child, Draft
from ..services.glance import GlanceTopic
from ..services.structured import ChildPicture
from ..services.workspace import Workspace
from .glance_panel import TOPIC_TAB_TITLES
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


# Record tabs, in the order they appear. Each is a PictureTab subclass.
TAB_CLASSES: tuple[type[PictureTab], ...] = ()


class ChildTabs(QTabWidget):
    def __init__(self, first: QWidget, context: TabContext, parent: QWidget | None = None):
        super().__init__(parent, objectName="childTabs")
        self.addTab(first, "Child")
        self.picture_tabs = [tab_class(context, self) for tab_class in TAB_CLASSES]
        for tab in self.picture_tabs:
            self.addTab(tab, tab.TITLE)
            tab.setObjectName(type(tab).__name__)
        self.set_child_chosen(False)

    def set_child_chosen(self, chosen: bool) -> None:
        for index in range(1, self.count()):
            self.setTabEnabled(index, chosen)
        if not chosen:
            self.setCurrentIndex(0)

    def reopen(self, draft: Draft, key: DraftKey) -> bool:
        return any(tab.reopen(draft, key) for tab in self.picture_tabs)

    def show_topic(self, topic: str) -> None:
        """Bring forward the tab a glance line is about."""
        title = TOPIC_TAB_TITLES.get(GlanceTopic(topic))
        for index in range(self.count()):
            if self.tabText(index) == title:
                self.setCurrentIndex(index)

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        self.set_child_chosen(True)
        for tab in self.picture_tabs:
            tab.child = child
            tab.show_picture(child, picture, now)
