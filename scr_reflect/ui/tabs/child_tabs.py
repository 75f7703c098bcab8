"""The right-hand pane's tabs: the child and the entry chosen, then one tab per kind of
structured record (factors, missing episodes, absences from education, accounts, referrals,
information sharing, the body map).

Each record tab is a PictureTab: it is handed the child's ChildPicture whenever it changes,
holding at least the parts the tab shows (its PARTS), and opens its forms through the
TabContext, so the workspace refreshes what a save changed. Opening a child reads the parts the
tab in view needs; a part another tab needs is read when that tab is first shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TypeVar

from PySide6.QtWidgets import QTabWidget, QWidget

from ...domain.draft_key import FormKind
from ...domain.enums import RecordType
from ...domain.records import Child
from ...services.glance import GlanceTopic
from ...services.structured import ChildPicture, PicturePart
from ..forms.draft_openers import DraftOpener
from ..shared.compact_tabs import CompactTabs
from ..shared.latest import Latest
from ..shared.window_size import scrolling
from .accounts_tab import AccountsTab
from .body_map_tab import BodyMapTab
from .education_tab import EducationTab
from .factors_tab import FactorsTab
from .missing_tab import MissingTab
from .picture_tab import PictureTab, TabContext
from .referrals_tab import ReferralsTab
from .sharing_tab import SharingTab

TabT = TypeVar("TabT", bound=PictureTab)

# Record tabs, in the order they appear. Each is a PictureTab subclass (from picture_tab.py,
# so a tab module never imports this one).
TAB_CLASSES: tuple[type[PictureTab], ...] = (
    FactorsTab,
    MissingTab,
    EducationTab,
    AccountsTab,
    ReferralsTab,
    SharingTab,
    BodyMapTab,
)


class ChildTabs(QTabWidget):
    def __init__(self, first: QWidget, context: TabContext, parent: QWidget | None = None):
        super().__init__(parent, objectName="childTabs")
        self._context = context
        # Each record tab is built when first shown or needed (most of the records window's
        # widgets are on these tabs, and unlocking need not wait for them), and filled when
        # first shown after a child is opened: a long list of referrals or missing episodes
        # takes longer to lay out than the whole chronology's first page.
        self._built: dict[type[PictureTab], PictureTab] = {}
        self._picture: tuple[Child, ChildPicture, datetime] | None = None
        self._waiting: set[PictureTab] = set()
        self._shown = 0  # bumps with each picture shown, so parts read for an older one are dropped
        self._reading = Latest(context.runner)  # a tab clicked past is not read
        compact = CompactTabs()
        compact.setParent(self.tabBar())  # lives as long as the bar it draws
        self.tabBar().setStyle(compact)
        self.addTab(first, "Child")
        # Each record tab scrolls, so its buttons are reached on a small or scaled screen
        # rather than the pane (and the window) growing past it.
        self._areas = {tab_class: scrolling(None, self) for tab_class in TAB_CLASSES}
        for tab_class, area in self._areas.items():
            self.addTab(area, tab_class.TITLE)
        self.currentChanged.connect(lambda _index: self._fill_current())
        self.set_child_chosen(False)

    def tab(self, tab_class: type[TabT]) -> TabT:
        """The record tab of this class, built now if it was not yet."""
        tab = self._built.get(tab_class)
        if tab is None:
            tab = tab_class(self._context, self)
            tab.setObjectName(tab_class.__name__)
            self._areas[tab_class].setWidget(tab)
            self._built[tab_class] = tab
            if self._picture is not None:
                tab.child = self._picture[0]
                self._waiting.add(tab)
        assert isinstance(tab, tab_class)
        return tab

    def draft_openers(self) -> list[Mapping[FormKind, DraftOpener]]:
        """How each record tab reopens its forms' drafts: every tab is built to say."""
        return [self.tab(tab_class).draft_openers() for tab_class in TAB_CLASSES]

    def set_child_chosen(self, chosen: bool) -> None:
        for index in range(1, self.count()):
            self.setTabEnabled(index, chosen)
        if not chosen:
            self._shown += 1
            self._picture = None
            self._waiting.clear()
            self.setCurrentIndex(0)

    def show_topic(self, topic: str) -> None:
        """Bring forward the tab a glance line is about."""
        self.setCurrentWidget(self.tab(_TOPIC_TABS[GlanceTopic(topic)]))

    def show_record(self, record_type: RecordType) -> None:
        """Bring forward the tab where a kind of structured record is amended."""
        self.setCurrentWidget(self.tab(_RECORD_TABS[record_type]))

    def setCurrentWidget(self, widget: QWidget) -> None:
        """Choosing a record tab chooses the scroll area it sits in."""
        area = next((a for a in self._areas.values() if a.widget() is widget), None)
        super().setCurrentWidget(area or widget)

    def parts_shown(self) -> frozenset[PicturePart]:
        """The parts of the picture the tab in view shows: none for the child's own tab."""
        current = self.currentWidget()
        shown = [c for c, area in self._areas.items() if area is current]
        return shown[0].PARTS if shown else frozenset()

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        self.set_child_chosen(True)
        self._shown += 1
        self._picture = (child, picture, now)
        for tab in self._built.values():
            tab.child = child
        self._waiting = set(self._built.values())
        self._fill_current()

    def _fill_current(self) -> None:
        current = self.currentWidget()
        for tab_class, area in self._areas.items():
            if area is current:
                tab = self.tab(tab_class)
                if tab in self._waiting and self._picture is not None:
                    child, picture, now = self._picture
                    if picture.parts >= tab.PARTS:
                        self._waiting.discard(tab)
                        tab.show_picture(child, picture, now)
                    elif child.id is not None:
                        self._read(child.id, tab.PARTS - picture.parts)

    def _read(self, child_id: int, parts: frozenset[PicturePart]) -> None:
        """Read the parts a tab shown needs, then fill it (unless another child was opened,
        or this one opened again, meanwhile)."""
        structured, shown = self._context.workspace.structured, self._shown

        def join(more: ChildPicture) -> None:
            if shown == self._shown and self._picture is not None:
                child, picture, now = self._picture
                self._picture = (child, picture.joined(more), now)
                self._fill_current()

        self._reading.run(lambda: structured.picture(child_id, parts), join, self._context.report)


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
