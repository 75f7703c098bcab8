"""The unlocked records: children | chronology | details, and the forms opened from them.

It routes each ChangeSet to the panes it touches, so a save refreshes only what changed.
It is built at unlock and destroyed at lock, taking every loaded record with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ..domain import display_dates as show
from ..domain.changes import ChangeSet
from ..domain.draft_key import DraftKey, FormKind
from ..domain.enums import RecordType
from ..domain.records import Child, ChronologyEntry, Concern, Draft, FollowUpAction
from ..services.documents import Document
from ..services.glance import glance
from ..services.reflection import Walkthrough
from ..services.structured import ChildPicture
from ..services.workspace import Workspace
from . import prompts
from .action_form import ActionForm
from .audit_links import AuditLinks
from .child_form import ChildForm
from .child_tabs import ChildTabs, TabContext
from .children_pane import ChildrenPane
from .chronology_pane import ChronologyPane
from .concern_form import ConcernForm
from .details_pane import ACTION_ID_ROLE, DetailsPane
from .document_actions import DocumentActions
from .draft_forms import form_for_draft, record_for_draft
from .entry_form import EntryForm
from .errors import describe
from .history_dialog import HistoryDialog
from .overdue_banner import OverdueBanner, load_overdue
from .record_form import RecordForm
from .reflect_window import ReflectWindow
from .supervision_actions import SupervisionActions
from .task_runner import Runner

# Forms this view opens itself; the record tabs reopen drafts of their own forms.
_CORE_FORMS = frozenset({FormKind.CHILD, FormKind.CONCERN, FormKind.ENTRY, FormKind.ACTION})


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
        self.banner = OverdueBanner(self)
        self.children = ChildrenPane(runner, self._records, self.report, self)
        self.chronology = ChronologyPane(runner, self._records, self.report, self)
        self.details = DetailsPane(self)
        context = TabContext(workspace, runner, self._open_form, self.report)
        self.tabs = ChildTabs(self.details, context, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self, objectName="panes")
        # The chronology is what the DSL reads most: it gets the largest share.
        for pane, stretch in ((self.children, 2), (self.chronology, 5), (self.tabs, 3)):
            splitter.addWidget(pane)
            splitter.setStretchFactor(splitter.indexOf(pane), stretch)
        splitter.setSizes([270, 560, 450])
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

        self.children.child_selected.connect(self.open_child)
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

    # Opening ------------------------------------------------------------------------------

    def start(self) -> None:
        self.children.refresh()
        self.refresh_overdue()
        self._run(self._records.drafts, self._offer_drafts)

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
        self._run(lambda: load_overdue(records, space.structured, now), self.banner.show_overdue)

    def show_child(self, child_id: int) -> None:
        """Select a child even if the current search hides them."""
        if self.children.model.row_of(child_id) is None:
            self.children.search.clear()
            self.children.refresh(select_id=child_id)
        else:
            self.children.select(child_id)

    def open_child(self, child_id: int) -> None:
        records, structured = self._records, self.workspace.structured
        self._run(
            lambda: (
                records.child(child_id),
                records.actions_for_child(child_id),
                structured.picture(child_id),
            ),
            self._show_child,
        )

    def _show_child(self, loaded: tuple[Child, list[FollowUpAction], ChildPicture]) -> None:
        child, actions, picture = loaded
        changed_child = self._child is None or self._child.id != child.id
        self._child = child
        self.details.show_child(child, actions, self.workspace.clock.today())
        now = self.workspace.clock.now()
        self.details.glance.show_lines(glance(picture, now))
        self.tabs.show_picture(child, picture, now)
        if changed_child:
            self._entry = None
            assert child.id is not None
            self.chronology.show_child(child.id, child.display_name)
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
            self.children.refresh(select_id=select)
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
        self.children.refresh()
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
        self._open_form(
            ChildForm(
                self,
                self._runner,
                self._records,
                Draft(DraftKey(FormKind.CHILD).text(), "New child"),
            )
        )

    def amend_child(self) -> None:
        if self._child is None or self._child.id is None:
            return
        draft = Draft(
            DraftKey(FormKind.CHILD, self._child.id, self._child.id).text(),
            f"Amended details: {self._child_name()}",
            ChildForm.fields_of(self._child),
        )
        self._open_form(ChildForm(self, self._runner, self._records, draft, self._child))

    def new_concern(self) -> None:
        if self._child is None or self._child.id is None:
            self.say("Choose a child first, then record the concern.")
            return
        draft = Draft(
            DraftKey(FormKind.CONCERN, self._child.id).text(), f"New concern: {self._child_name()}"
        )
        self._open_form(ConcernForm(self, self._runner, self._records, draft, self._child.id))

    def new_entry(self) -> None:
        if self._child is None or self._child.id is None:
            self.say("Choose a child first, then add to their chronology.")
            return
        draft = Draft(
            DraftKey(FormKind.ENTRY, self._child.id).text(), f"New entry: {self._child_name()}"
        )
        self._open_form(EntryForm(self, self._runner, self._records, draft, self._child.id))

    def new_action(self, concern_id: int | None = None) -> None:
        """A follow-up action for the child, tied to a concern when set from its reflection."""
        if self._child is None or self._child.id is None:
            return
        draft = Draft(
            DraftKey(FormKind.ACTION, self._child.id).text(), f"New action: {self._child_name()}"
        )
        self._open_form(
            ActionForm(self, self._runner, self._records, draft, self._child.id, concern_id)
        )

    def amend_entry(self) -> None:
        if self._entry is None:
            return
        entry, concern = self._entry
        if entry.record_type is RecordType.REFLECTION:
            self.reflect()
            return
        if entry.record_type not in (None, RecordType.CONCERN):
            self.tabs.show_record(entry.record_type)  # amended where the record lives
            return
        if concern is not None and concern.id is not None:
            draft = Draft(
                DraftKey(FormKind.CONCERN, concern.child_id, concern.id).text(),
                f"Amended concern: {self._child_name()}",
                ConcernForm.fields_of(concern),
            )
            form: RecordForm = ConcernForm(
                self, self._runner, self._records, draft, concern.child_id, concern
            )
        else:
            draft = Draft(
                DraftKey(FormKind.ENTRY, entry.child_id, entry.id).text(),
                f"Amended entry: {self._child_name()}",
                EntryForm.fields_of(entry),
            )
            form = EntryForm(self, self._runner, self._records, draft, entry.child_id, entry)
        self._open_form(form)

    def complete_action(self) -> None:
        item = self.details.actions.currentItem()
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
        service = self.workspace.reflection
        self._run(lambda: service.walkthrough(concern_id), self._open_reflection)

    def _open_reflection(self, walkthrough: Walkthrough) -> None:
        window = ReflectWindow(
            self,
            self._runner,
            self.workspace.reflection,
            walkthrough,
            self.workspace.clock.now(),
            self._reflection_saved,
            self.report,
            lambda: self.new_action(walkthrough.concern.id),
        )
        window.show()

    def _reflection_saved(self, changes: ChangeSet) -> None:
        if self._child is not None and changes.child_id == self._child.id:
            self.chronology.refresh()

    # History ------------------------------------------------------------------------------

    def _show_history(self, title: str, record_type: RecordType, record_id: int) -> None:
        def show(history: object) -> None:
            dialog = HistoryDialog(self, title, history)  # type: ignore[arg-type]
            dialog.open()

        self._run(lambda: self._records.history(record_type, record_id), show)

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

    def _offer_drafts(self, drafts: list[Draft]) -> None:
        if not drafts:
            return
        titles = "\n".join(f"• {d.title} (saved {show.day_and_time(d.saved_at)})" for d in drafts)
        if prompts.confirm(
            self,
            "Unsaved work",
            f"These forms were not saved last time:\n{titles}\n\nReopen them now?",
            "Reopen",
        ):
            for draft in drafts:
                key = DraftKey.parse(draft.key)
                if key.form in _CORE_FORMS:
                    self._run(lambda d=draft: (d, record_for_draft(self._records, d)), self._reopen)
                elif key.form is FormKind.SUPERVISION:
                    self.supervision.open(draft)
                elif not self.tabs.reopen(draft, key):
                    self.say(f"A draft could not be reopened: {draft.title}")

    def _reopen(self, loaded: tuple[Draft, object]) -> None:
        draft, record = loaded
        self._open_form(form_for_draft(self, self._runner, self._records, draft, record))
