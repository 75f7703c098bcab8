"""Record or amend a referral: to whom, what was asked, the outcome and its reasons, and when
the school heard back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QSizePolicy

from ...domain.changes import ChangeSet
from ...domain.records import Draft
from ...domain.referrals import Agency, Referral, ReferralOutcome
from ..shared.widgets import as_iso, choice_box, datetime_edit, text_box
from ..tabs.record_panel import plain_label
from .form_context import FormContext
from .record_form import REASON, RecordForm

YES = "yes"
FEEDBACK_NOTE = (
    "Working Together expects the agency to acknowledge a referral and say what it has "
    "decided within one working day. The Referrals tab shows when that has not happened."
)


class ReferralForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        referral: Referral | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(
            context.parent, context.runner, records, draft, amending=referral is not None
        )
        self._structured, self._child_id, self._referral = structured, child_id, referral
        self.saved_referral: Referral | None = None  # what the last save sent, for the tab
        self.setWindowTitle("Amend referral" if referral else "Record a referral")
        now = records.now()
        self.add_field("made_at", "Made", datetime_edit(self, now))
        self.add_field("agency", "To", choice_box(self, [(a.label, a.value) for a in Agency]))
        self.add_field(
            "asked_for",
            "What the school asked for",
            text_box(
                self, "What the school was worried about and what it asked the agency to do.", 4
            ),
        )
        self.add_field(
            "outcome",
            "Outcome",
            choice_box(self, [(o.label, o.value) for o in ReferralOutcome]),
            "Leave as 'Awaiting decision' until the agency has decided.",
        )
        self.add_field(
            "outcome_reasons",
            "Reasons given",
            text_box(
                self, "The reasons the agency gave for its decision, in its words if you can.", 3
            ),
        )
        self.heard_back = QCheckBox("The school has heard back", self)
        self.add_field(
            "heard_back",
            "Heard back",
            self.heard_back,
            "Working Together expects a decision and acknowledgement within one working day.",
        )
        self.add_field("heard_back_at", "When the school heard back", datetime_edit(self, now))
        note = plain_label(self, "feedbackNote", FEEDBACK_NOTE)
        note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form.addRow("", note)
        self.finish_building()
        self._heard_back_changed()
        # Connected after filling, so a draft brought back keeps exactly what it held.
        self.heard_back.toggled.connect(self._heard_back_changed)
        self._fields["outcome"].changed.connect(self._outcome_changed)

    @staticmethod
    def fields_of(referral: Referral) -> dict[str, str]:
        heard = referral.heard_back_at
        return {
            "made_at": as_iso(referral.made_at),
            "agency": referral.agency.value,
            "asked_for": referral.asked_for,
            "outcome": referral.outcome.value,
            "outcome_reasons": referral.outcome_reasons,
            "heard_back": YES if heard else "",
            **({"heard_back_at": as_iso(heard)} if heard else {}),
        }

    @property
    def outcome(self) -> ReferralOutcome:
        return ReferralOutcome(self.value("outcome"))

    def _heard_back_changed(self) -> None:
        self._fields["heard_back_at"].widget.setEnabled(self.heard_back.isChecked())

    def _outcome_changed(self) -> None:
        # An outcome is news from the agency: the school has heard back.
        if self.outcome is not ReferralOutcome.AWAITING:
            self.heard_back.setChecked(True)

    def make_save(self) -> Callable[[], ChangeSet]:
        heard = self.value("heard_back") == YES
        referral = Referral(
            child_id=self._child_id,
            made_at=self.datetime_value("made_at"),
            agency=Agency(self.value("agency")),
            asked_for=self.value("asked_for"),
            outcome=self.outcome,
            outcome_reasons=self.value("outcome_reasons"),
            heard_back_at=self.datetime_value("heard_back_at") if heard else None,
        )
        structured = self._structured
        self.saved_referral = referral
        if self._referral is None:
            return lambda: structured.add(referral)
        amended = replace(referral, id=self._referral.id, version=self._referral.version)
        self.saved_referral = amended
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)
