"""The right-hand pane's tabs: the child and the entry chosen, then one tab per kind of
structured record (factors, missing episodes, accounts, referrals, information sharing,
the body map).

Each record tab is a PictureTab: it is handed the child's whole ChildPicture whenever it
changes, and opens its forms through the TabContext, so the workspace refreshes what a save
changed.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from ...domain.enums import RecordType
from ...domain.records import Child
from ...services.glance import GlanceTopic
from ...services.structured import ChildPicture
from ..shared.window_size import scrolling
from .accounts_tab import AccountsTab
from .body_map_tab import BodyMapTab
from .factors_tab import FactorsTab
from .missing_tab import MissingTab
from .picture_tab import PictureTab, TabContext
from .referrals_tab import ReferralsTab
from .sharing_tab import SharingTab

# Record tabs, in the order they appear. Each is a PictureTab subclass (from picture_tab.py,
# so a tab module never imports this one).
TAB_CLASSES: tuple[type[PictureTab], ...] = (
    FactorsTab,
    MissingTab,
    AccountsTab,
    ReferralsTab,
    SharingTab,
    BodyMapTab,
)


class ChildTabs(QTabWidget):
    def __init__(self, first: QWidget, context: TabContext, parent: QWidget | None = None):
        super().__init__(parent, objectName="childTabs")
        # The picture a record tab is yet to show: each is filled when it is first shown, so
        # opening a child fills the tab in view only (a long list of referrals or missing
        # episodes takes longer to lay out than the whole chronology's first page).
        self._waiting: dict[PictureTab, tuple[Child, ChildPicture, datetime]] = {}
        self.addTab(first, "Child")
        self.picture_tabs = [tab_class(context, self) for tab_class in TAB_CLASSES]
        # Each record tab scrolls, so its buttons are reached on a small or scaled screen
        # rather than the pane (and the window) growing past it.
        for tab in self.picture_tabs:
            tab.setObjectName(type(tab).__name__)
            self.addTab(scrolling(tab, self), tab.TITLE)
        self.currentChanged.connect(lambda _index: self._fill_current())
        self.set_child_chosen(False)

    def set_child_chosen(self, chosen: bool) -> None:
        for index in range(1, self.count()):
            self.setTabEnabled(index, chosen)
        if not chosen:
            self._waiting.clear()
            self.setCurrentIndex(0)

    def show_topic(self, topic: str) -> None:
        """Bring forward the tab a glance line is about."""
        self._show_tab(_TOPIC_TABS[GlanceTopic(topic)])

    def show_record(self, record_type: RecordType) -> None:
        """Bring forward the tab where a kind of structured record is amended."""
        self._show_tab(_RECORD_TABS[record_type])

    def setCurrentWidget(self, widget: QWidget) -> None:
        """Choosing a record tab chooses the scroll area it sits in."""
        pages = (self.widget(index) for index in range(self.count()))
        page = next((p for p in pages if isinstance(p, QScrollArea) and p.widget() is widget), None)
        super().setCurrentWidget(page or widget)

    def _show_tab(self, tab_class: type[PictureTab]) -> None:
        for tab in self.picture_tabs:
            if isinstance(tab, tab_class):
                self.setCurrentWidget(tab)

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        self.set_child_chosen(True)
        for tab in self.picture_tabs:
            tab.child = child
            self._waiting[tab] = (child, picture, now)
        self._fill_current()

    def _fill_current(self) -> None:
        for tab in self.picture_tabs:
            if tab.isVisibleTo(self) and tab in self._waiting:
                tab.show_picture(*self._waiting.pop(tab))


# Where each kind of record is amended: each tab names its kinds in RECORD_TYPES.
_RECORD_TABS: dict[RecordType, type[PictureTab]] = {
    record_type: tab_class for tab_class in TAB_CLASSES for record_type in tab_class.RECORD_TYPES
}
_TOPIC_TABS: dict[GlanceTopic, type[PictureTab]] = {
    GlanceTopic.FACTORS: FactorsTab,
    GlanceTopic.MISSING: MissingTab,
    GlanceTopic.ACCOUNTS: AccountsTab,
    GlanceTopic.REFERRALS: ReferralsTab,
}
