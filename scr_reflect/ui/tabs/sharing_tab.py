"""The Sharing tab: each decision to share, or not to share, information about the child,
newest first, with its reasons and whether the child and family were told."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...domain import display_dates as show
from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.records import Child, Draft
from ...domain.sharing import SharingDecision
from ...services.structured import ChildPicture
from ..forms.draft_openers import DraftOpener
from ..forms.sharing_form import SharingForm
from ..shared.kept_selection import KeptSelection
from ..shared.widgets import fit_columns, record_table
from .picture_tab import PictureTab, TabContext
from .record_panel import FieldsBox, plain_label, version_text
from .sharing_model import COL_WITH, SharingModel, decision_text

INTRO = (
    "Data protection law is not a barrier to sharing information to keep a child safe: all "
    "national guidance on confidentiality and data protection supports it. Record each "
    "decision here, including a decision not to share, with its reasons."
)
SOURCE = (
    "Source: Learning from serious case reviews, on the triennial review of SCRs; Information "
    "sharing: advice for practitioners providing safeguarding services (2018)."
)
_DETAIL_ROWS = [
    ("decision", "Decision"),
    ("when", "Decided"),
    ("with_whom", "With whom"),
    ("what", "What"),
    ("why", "Why"),
    ("basis", "Lawful basis"),
    ("told", "Child and family"),
    ("version", "Version"),
]


class SharingTab(PictureTab):
    TITLE = "Sharing"
    RECORD_TYPES = (RecordType.SHARING,)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._decisions: dict[int, SharingDecision] = {}
        self.model = SharingModel()
        self.table = record_table(self, "sharing", self.model)
        self.kept_selection = KeptSelection(self.table, self.model)
        fit_columns(self.table, COL_WITH)
        self.empty = plain_label(self, "sharingEmpty", "No information-sharing decisions yet.")
        self.add = QPushButton("Record decision…", self, objectName="recordSharing")
        self.amend = QPushButton("Amend…", self, objectName="amendSharing")
        self.history = QPushButton("History", self, objectName="sharingHistory")
        self.details = FieldsBox("Selected decision", _DETAIL_ROWS, self)
        self.details.setObjectName("sharingDetails")
        buttons = QHBoxLayout()
        for button in (self.add, self.amend, self.history):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "sharingIntro", INTRO))
        layout.addWidget(plain_label(self, "sharingSource", SOURCE))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addStretch(0)  # with no table to fill the pane, the room goes below, not between

        self.add.clicked.connect(self.record_decision)
        self.amend.clicked.connect(self.amend_decision)
        self.history.clicked.connect(self.show_history)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._show_selected()

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        keep = self.kept_selection.id_to_keep()
        self._decisions = {d.id: d for d in picture.sharing if d.id is not None}
        self.model.show_decisions(picture.sharing)
        self.empty.setVisible(not picture.sharing)
        self.table.setVisible(bool(picture.sharing))
        self.kept_selection.choose(keep, 0 if picture.sharing else None)
        self._show_selected()

    def _selected(self) -> SharingDecision | None:
        return self._decisions.get(self.kept_selection.chosen_id() or 0)

    def _show_selected(self) -> None:
        decision = self._selected()
        self.amend.setEnabled(decision is not None)
        self.history.setEnabled(decision is not None)
        self.details.setVisible(decision is not None)
        if decision is None:
            return
        told = "Told" if decision.family_told else f"Not told: {decision.why_not_told}"
        self.details.show_values(
            {
                "decision": decision_text(decision),
                "when": show.day_and_time(decision.decided_at),
                "with_whom": decision.with_whom,
                "what": decision.what,
                "why": decision.why,
                "basis": decision.lawful_basis.label,
                "told": told,
                "version": version_text(decision.version),
            }
        )

    # Forms --------------------------------------------------------------------------------

    def record_decision(self) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(FormKind.SHARING, self.child.id).text()
        self._open(Draft(key, f"New sharing decision: {self.child_name()}"), self.child.id, None)

    def amend_decision(self) -> None:
        decision = self._selected()
        if decision is None:
            return
        key = DraftKey(FormKind.SHARING, decision.child_id, decision.id).text()
        title = f"Amended sharing decision: {self.child_name()}"
        draft = Draft(key, title, SharingForm.fields_of(decision))
        self._open(draft, decision.child_id, decision)

    def _open(self, draft: Draft, child_id: int, decision: SharingDecision | None) -> None:
        form = SharingForm(self.context.form_context(self), draft, child_id, decision)
        form.saved.connect(self.kept_selection.choose_saved)
        self.context.open_form(form)

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {FormKind.SHARING: self.record_opener(RecordType.SHARING, self._open)}

    def show_history(self) -> None:
        decision = self._selected()
        if decision is not None and decision.id is not None:
            title = f"sharing decision: {decision.with_whom}"
            self.show_record_history(title, RecordType.SHARING, decision.id)
