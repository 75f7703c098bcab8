"""The Referrals tab: each referral and what it is waiting on, newest first, and under the
chosen one its escalations through the local procedure.

A decision that may be challenged and has no escalation, a reply not received in time and an
overdue escalation step are marked in the table, so they are seen before anything is opened.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.records import Child, Draft
from ...domain.referrals import Referral
from ...services.structured import ChildPicture, PicturePart, ReferralCase
from ..documents.escalation_actions import EscalationActions
from ..forms.draft_openers import DraftOpener
from ..forms.referral_form import ReferralForm
from ..shared import prompts
from ..shared.kept_selection import KeptSelection
from ..shared.widgets import record_table
from . import referral_words as words
from .picture_tab import PictureTab, TabContext
from .record_panel import plain_label, refit
from .referral_panel import ReferralPanel
from .referrals_model import ATTENTION_ROLE, COL_MADE, ReferralsModel


class ReferralsTab(PictureTab):
    TITLE = "Referrals"
    RECORD_TYPES = (RecordType.REFERRAL, RecordType.ESCALATION, RecordType.ESCALATION_STEP)
    # An escalation's grounds are drafted from the accounts, missing episodes and factors too.
    PARTS = frozenset(
        {PicturePart.REFERRALS, PicturePart.ACCOUNTS, PicturePart.MISSING, PicturePart.FACTORS}
    )

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        procedure = context.workspace.structured.procedure
        self.escalations = EscalationActions(self, context)
        self._cases: dict[int, ReferralCase] = {}
        self.picture: ChildPicture | None = None  # the child shown, once one is
        self._repeats: dict[int, int] = {}
        self._now = datetime.min
        self.summary = plain_label(self, "referralsSummary")
        self.model = ReferralsModel(procedure)
        self.table = record_table(self, "referrals", self.model)
        self.kept_selection = KeptSelection(self.table, self.model)
        # The pane is narrow: long cells wrap onto a second line rather than being cut off.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)  # the rows on screen: see widgets.fit_columns
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_MADE, QHeaderView.ResizeMode.ResizeToContents)
        self.add = QPushButton("Record referral…", self, objectName="recordReferral")
        self.amend = QPushButton("Amend…", self, objectName="amendReferral")
        self.history = QPushButton("History", self, objectName="referralHistory")
        self.panel = ReferralPanel(procedure, self.escalations.connect_panel, self)
        self.panel.start_escalation.connect(lambda case: self.escalations.start(case.referral))

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.add, self.amend, self.history):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)
        self.panel_scroll = QScrollArea(self, widgetResizable=True)
        self.panel_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.panel_scroll.setWidget(self.panel)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.panel_scroll)
        splitter.setSizes([200, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.add.clicked.connect(self.record_referral)
        self.amend.clicked.connect(self.amend_referral)
        self.history.clicked.connect(self.show_history)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._show_selected()

    # Showing ------------------------------------------------------------------------------

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        keep = self.kept_selection.id_to_keep()
        self._now = now
        self.picture = picture
        self._cases = {c.referral.id: c for c in picture.referrals if c.referral.id is not None}
        self._repeats = words.repeat_numbers(picture.referrals)
        self.summary.setText(words.summary(picture.referrals, now))
        self.model.show_cases(picture.referrals, now)
        self.kept_selection.choose(keep, self._first_needing_attention())
        self._show_selected()

    def _first_needing_attention(self) -> int | None:
        rows = range(self.model.rowCount())
        marked = [row for row in rows if self.model.index(row, 0).data(ATTENTION_ROLE)]
        return (marked or list(rows) or [None])[0]

    def selected_case(self) -> ReferralCase | None:
        return self._cases.get(self.kept_selection.chosen_id() or 0)

    def _show_selected(self) -> None:
        case = self.selected_case()
        self.amend.setEnabled(case is not None)
        self.history.setEnabled(case is not None)
        self.panel.show_case(case, self._repeats, self._now)
        refit(self.panel_scroll)

    def case_of(self, referral_id: int) -> ReferralCase | None:
        return self._cases.get(referral_id)

    # Referral forms -----------------------------------------------------------------------

    def record_referral(self) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(FormKind.REFERRAL, self.child.id).text()
        self._open(Draft(key, f"New referral: {self.child_name()}"), self.child.id, None)

    def amend_referral(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        referral = case.referral
        key = DraftKey(FormKind.REFERRAL, referral.child_id, referral.id).text()
        draft = Draft(
            key, f"Amended referral: {self.child_name()}", ReferralForm.fields_of(referral)
        )
        self._open(draft, referral.child_id, referral)

    def _open(self, draft: Draft, child_id: int, referral: Referral | None) -> None:
        form = ReferralForm(self.context.form_context(self), draft, child_id, referral)
        to_offer: list[Referral] = []
        form.saved.connect(lambda changes: to_offer.extend(self._after_save(form, changes)))

        def offer() -> None:
            # Once the form has closed, so the escalation form is not hidden behind it.
            for referral in to_offer:
                self._offer_escalation(referral)

        form.accepted.connect(offer)
        self.context.open_form(form)

    def _after_save(self, form: ReferralForm, changes: ChangeSet) -> list[Referral]:
        """The saved referral, if its outcome may be challenged and nothing challenges it yet."""
        self.kept_selection.choose_saved(changes)
        referral = form.saved_referral
        if referral is None or changes.record_id is None:
            return []
        referral = replace(referral, id=changes.record_id)
        case = self.case_of(changes.record_id)
        escalated = case is not None and bool(case.escalations)
        return [referral] if referral.outcome.may_be_challenged and not escalated else []

    def _offer_escalation(self, referral: Referral) -> None:
        if prompts.confirm(
            self,
            "Challenge this decision?",
            f"The outcome is recorded as '{referral.outcome.label}'. If the school is still "
            "worried about the child, it can challenge the decision under the local procedure."
            "\n\nStart an escalation now?",
            "Start an escalation",
        ):
            self.escalations.start(referral)

    def show_history(self) -> None:
        case = self.selected_case()
        if case is None or case.referral.id is None:
            return
        referral = case.referral
        self.show_record_history(
            f"referral to {referral.agency.label.lower()}", RecordType.REFERRAL, case.referral.id
        )

    # Drafts -------------------------------------------------------------------------------

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {
            FormKind.REFERRAL: self.record_opener(RecordType.REFERRAL, self._open),
            **self.escalations.draft_openers(),
        }
