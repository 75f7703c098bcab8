"""The unlocked records: children | chronology | details, and the forms opened from them.

It routes each ChangeSet to the panes it touches, so a save refreshes only what changed.
It is built at unlock and destroyed at lock, taking every loaded record with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ..domain.changes import ChangeSet
from ..domain.draft_key import FormKind
from ..domain.enums import RecordType
from ..domain.records import Child, ChronologyEntry, Concern, FollowUpAction
from ..services.documents import Document
from ..services.glance import GLANCE_PARTS, glance
from ..services.structured import ChildPicture
from ..services.workspace import Workspace
from .children_pane import ChildrenPane
from .chronology_pane import ChronologyPane, Listed
from .details_pane import ACTION_ID_ROLE, DetailsPane
from .documents.document_actions import DocumentActions
from .documents.supervision_actions import SupervisionActions
from .forms.core_forms import CoreForms
from .forms.history_dialog import open_history
from .forms.record_form import RecordForm
from .forms.unsaved_drafts import UnsavedDrafts
from .overdue_banner import OverdueBanner, load_overdue
from .reflect.reflect_window import open_reflection
from .safety.audit_links import AuditLinks
from .shared.errors import describe
from .shared.latest import Latest
from .shared.task_runner import Runner
from .tabs.child_tabs import ChildTabs, TabContext

# The panes' widths at the window's first size (1280 pixels), the right-hand one widened to
# show all its tabs' names (a scroll arrow would hide some), with a margin for its frame and a
# window a little narrower. The chronology has the rest.
CHILDREN_WIDTH, CHRONOLOGY_AND_TABS_WIDTH, TABS_WIDTH, TABS_MARGIN = 270, 1010, 450, 16

# What opening a child reads: the child, their actions, the parts of their picture shown, and
# their chronology listed (None when the same child is opened again).

Opened = tuple[Child, list[FollowUpAction], ChildPicture, Listed | None]


class WorkspaceView(QWidget):
    status = Signal(str)
    chosen_changed = Signal()  # a child or a chronology line was chosen, or the child went

    def __init__(self, workspace: Workspace, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self._runner = workspace, runner
        self._records = workspace.records
        self._child: Child | None = None
        self._entry: tuple[ChronologyEntry, Concern | None] | None = None
        self.forms: list[RecordForm] = []
        self._opening = Latest(runner)  # a child clicked past is not loaded
        self.banner = OverdueBanner(self)
        self.children_pane = ChildrenPane(runner, self._records, self.report, self)
        self.chronology = ChronologyPane(runner, self._records, self.report, self)
        self.details = DetailsPane(self)
        context = TabContext(workspace, runner, self._open_form, self.report)
        self.tabs = ChildTabs(self.details, context, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self, objectName="panes")
        # The chronology is what the DSL reads most: it gets the largest share.
        for pane, stretch in ((self.children_pane, 2), (self.chronology, 5), (self.tabs, 3)):
            splitter.addWidget(pane)
            splitter.setStretchFactor(splitter.indexOf(pane), stretch)
        tabs = max(TABS_WIDTH, self.tabs.tabBar().sizeHint().width() + TABS_MARGIN)
        splitter.setSizes([CHILDREN_WIDTH, CHRONOLOGY_AND_TABS_WIDTH - tabs, tabs])
        # On a small or scaled screen the three panes need not all fit: rather than push the
        # window off the screen, the splitter folds a pane away (drag its edge to bring it back).
        splitter.setMinimumWidth(400)
        # Problems are said here, over the records they are about, and stay until the next
        # thing is done; the status bar is easily missed at the foot of a small screen.
        self.notice = QLabel(self, objectName="viewNotice", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

        self.chronology.entry_selected.connect(self.open_entry)
        self.banner.child_chosen.connect(self.show_child)
        self.details.glance.topic_chosen.connect(self.tabs.show_topic)
        self.details.edit_child.clicked.connect(self.amend_child)
        self.details.child_history.clicked.connect(self.child_history)
        self.details.add_action.clicked.connect(lambda: self.new_action())
        self.details.mark_done.clicked.connect(self.complete_action)
        self.details.amend_entry.clicked.connect(self.amend_entry)
        self.details.entry_history.clicked.connect(self.entry_history)
        self.details.reflect.clicked.connect(self.reflect)
        self.documents = DocumentActions(self, workspace, runner, self.apply, self.report)
        self.supervision = SupervisionActions(
            self, runner, self._records, self._open_form, self.report
        )
        self.audit = AuditLinks(self, runner, lambda: self._child)
        # After the audit's own connection: an opening is logged first on the lane, so it is
        # recorded before the child shows, and no audit write competes with the rows' drawing.
        self.children_pane.child_selected.connect(self.open_child)
        self.core_forms = CoreForms(self, runner, self._records, self._open_form, self.report)
        self.drafts = UnsavedDrafts(
            self,
            lambda: [
                self.core_forms.draft_openers(),
                {FormKind.SUPERVISION: lambda draft, _key: self.supervision.open(draft)},
                *self.tabs.draft_openers(),
            ],
            self.say,
        )

    # Opening ------------------------------------------------------------------------------

    def start(self) -> None:
        # In the lane's order: the children listed first, then what can follow a moment later.
        self.children_pane.refresh()
        self.refresh_overdue()
        self._run(self._records.drafts, self.drafts.offer)
        self._run(self._records.read_search_fields_ahead, lambda _none: None)
        self._run(self.workspace.compile_opening_ahead, lambda _none: None)

    def _run(self, work: Callable[[], object], done: Callable[..., None]) -> None:
        self._runner.run(work, done, self.report)

    def report(self, error: Exception) -> None:
        self.say(describe(error))

    def say(self, message: str) -> None:
        """A problem or a warning, over the records until the next change is saved."""
        self.notice.setText(message)
        self.notice.show()
        self.status.emit(message)

    def refresh_overdue(self) -> None:
        records, space = self._records, self.workspace
        now = space.clock.now()
        self._run(
            lambda: load_overdue(records, space.structured, space.transfer_rows().transfers(), now),
            self.banner.show_overdue,
        )

    def show_child(self, child_id: int) -> None:
        """Select a child even if the current search hides them."""
        if self.children_pane.model.row_of(child_id) is None:
            self.children_pane.search.clear()
            self.children_pane.refresh(select_id=child_id)
        else:
            self.children_pane.select(child_id)

    def open_child(self, child_id: int) -> None:
        records, structured = self._records, self.workspace.structured
        # Only what the glance and the tab in view show: another tab reads its part when shown.
        parts = GLANCE_PARTS | self.tabs.parts_shown()
        # Another child's chronology is listed in the same go, so all of them show at once.
        other = self._child is None or self._child.id != child_id
        listing = self.chronology.listing_for(child_id) if other else None
        self._opening.run(
            lambda: (
                records.child(child_id),
                records.actions_for_child(child_id),
                structured.picture(child_id, parts),
                listing() if listing is not None else None,
            ),
            self._show_child,
            self.report,
        )

    def _show_child(self, loaded: Opened) -> None:
        child, actions, picture, listed = loaded
        changed_child = self._child is None or self._child.id != child.id
        self._child = child
        self.details.show_child(child, actions, self.workspace.clock.today())
        now = self.workspace.clock.now()
        self.details.glance.show_lines(glance(picture, now))
        self.tabs.show_picture(child, picture, now)
        if changed_child:
            self._entry = None
            assert child.id is not None
            self.chronology.show_child(child.id, child.display_name, listed)
        self.chosen_changed.emit()

    def open_entry(self, entry_id: int) -> None:
        records = self._records

        def load() -> tuple[ChronologyEntry, Concern | None]:
            entry = records.entry(entry_id)
            concern = records.concern(entry.concern_id) if entry.concern_id else None
            return entry, concern

        self._run(load, self._show_entry)

    def _show_entry(self, loaded: tuple[ChronologyEntry, Concern | None]) -> None:
        self._entry = loaded
        self.details.show_entry(*loaded)
        self.chosen_changed.emit()

    # Changes ------------------------------------------------------------------------------

    def apply(self, changes: ChangeSet) -> None:
        current = self._child.id if self._child else None
        if changes.children:
            select = changes.child_id if changes.child_id is not None else current
            self.children_pane.refresh(select_id=select)
        if changes.child_id is not None and changes.child_id == current:
            self.open_child(current)
            if changes.chronology:
                self.chronology.refresh()
                if self._entry and changes.record_id in self._ids_of_entry():
                    self.open_entry(self._entry[0].id or 0)
        elif changes.chronology and changes.child_id is None and current is not None:
            self.chronology.refresh()  # a change across children, such as a supervision session
        if changes.actions or changes.structured:
            self.refresh_overdue()
        self.notice.hide()
        self.status.emit("Saved.")

    def forget_child(self, child_id: int) -> None:
        """A deleted child leaves the list, and the panes if they were showing them."""
        if self._child is not None and self._child.id == child_id:
            self._child = self._entry = None
            self.details.clear_child()
            self.tabs.set_child_chosen(False)
            self.chronology.clear()
            self.chosen_changed.emit()
        self.children_pane.refresh()
        self.refresh_overdue()  # the banner names the child of each overdue action

    def _ids_of_entry(self) -> set[int | None]:
        assert self._entry is not None
        entry, concern = self._entry
        return {entry.id, concern.id if concern else None}

    # Forms --------------------------------------------------------------------------------

    def _open_form(self, form: RecordForm) -> None:
        self.forms.append(form)
        form.saved.connect(self.apply)
        form.finished.connect(lambda _result: self.forms.remove(form))
        form.open()

    def child_chosen(self) -> bool:
        return self._child is not None and self._child.id is not None

    def chosen_child_id(self) -> int | None:
        return self._child.id if self._child else None

    def chosen_concern(self) -> int | None:
        """The concern of the chosen chronology line (or of its reflection), if it has one."""
        entry = self._entry[0] if self._entry else None
        if entry is None:
            return None
        if entry.record_type is RecordType.REFLECTION:
            return entry.record_id
        return entry.concern_id

    def _child_name(self) -> str:
        return self._child.display_name if self._child else ""

    def new_child(self) -> None:
        self.core_forms.new_child()

    def amend_child(self) -> None:
        if self._child is not None and self._child.id is not None:
            self.core_forms.amend_child(self._child)

    def new_concern(self) -> None:
        if self._child is None or self._child.id is None:
            self.say("Choose a child first, then record the concern.")
            return
        self.core_forms.new_concern(self._child.id, self._child_name())

    def new_entry(self) -> None:
        if self._child is None or self._child.id is None:
            self.say("Choose a child first, then add to their chronology.")
            return
        self.core_forms.new_entry(self._child.id, self._child_name())

    def new_action(self, concern_id: int | None = None) -> None:
        """A follow-up action for the child, tied to a concern when set from its reflection."""
        if self._child is not None and self._child.id is not None:
            self.core_forms.new_action(self._child.id, self._child_name(), concern_id)

    def amend_entry(self) -> None:
        if self._entry is None:
            return
        entry, concern = self._entry
        if entry.record_type is RecordType.REFLECTION:
            self.reflect()
        elif entry.record_type not in (None, RecordType.CONCERN):
            self.tabs.show_record(entry.record_type)  # amended where the record lives
        elif concern is not None and concern.id is not None:
            self.core_forms.amend_concern(concern, self._child_name())
        else:
            self.core_forms.amend_entry(entry, self._child_name())

    def complete_action(self) -> None:
        item = self.details.action_list.currentItem()
        action_id = item.data(ACTION_ID_ROLE) if item else None
        if action_id is not None:
            self._run(lambda: self._records.complete_action(action_id), self.apply)

    def produce(self, document: Document) -> None:
        """Build a document for the chosen child (the supervision pack needs none)."""
        child_id = self._child.id if self._child else None
        if child_id is None and document is not Document.SUPERVISION:
            self.say("Choose a child first, then the document.")
            return
        self.documents.produce(document, child_id, self.chronology.current_filter())

    # Reflection ---------------------------------------------------------------------------

    def reflect(self) -> None:
        """Walk through the chosen concern, or the concern a reflection line belongs to."""
        concern_id = self.chosen_concern()
        if concern_id is None:
            self.say("Choose a concern in the chronology, then Reflect.")
            return
        open_reflection(
            self,
            self._runner,
            self.workspace,
            concern_id,
            self._reflection_saved,
            self.report,
            self.new_action,
        )

    def _reflection_saved(self, changes: ChangeSet) -> None:
        if self._child is not None and changes.child_id == self._child.id:
            self.chronology.refresh()

    # History ------------------------------------------------------------------------------

    def _show_history(self, title: str, record_type: RecordType, record_id: int) -> None:
        runner, records = self._runner, self._records
        open_history(self, runner, records, self.report, title, record_type, record_id)

    def child_history(self) -> None:
        if self._child and self._child.id is not None:
            self._show_history(self._child_name(), RecordType.CHILD, self._child.id)

    def entry_history(self) -> None:
        if self._entry is None:
            return
        entry, concern = self._entry
        if concern is not None and concern.id is not None:
            self._show_history(
                f"concern about {self._child_name()}", RecordType.CONCERN, concern.id
            )
        elif entry.id is not None:
            self._show_history(entry.title, RecordType.ENTRY, entry.id)

    # Drafts -------------------------------------------------------------------------------

    def save_open_drafts(self) -> None:
        for form in self.forms:
            form.save_draft_now()
