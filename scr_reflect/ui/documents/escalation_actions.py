"""What the Referrals tab does with escalations: start one, record the next step with the
local procedure's default deadline, amend, resolve, show history, and reopen drafts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ...domain import display_dates as show
from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.escalation_grounds import (
    challenged_ids,
    decision_words,
    decisions_to_offer,
    grounds_draft,
)
from ...domain.field_words import words_for
from ...domain.records import Draft
from ...domain.referrals import Escalation, EscalationStep, Referral
from ...services.errors import RecordNotFound
from ...services.structured import ChildPicture, EscalationCase, ReferralCase
from ..forms.draft_openers import DraftOpener
from ..forms.escalation_form import Choice, EscalationForm
from ..forms.escalation_step_form import EscalationStepForm
from ..forms.record_form import REASON, RecordForm
from ..shared.widgets import as_iso
from ..tabs import referral_words as words
from ..tabs.escalation_panel import EscalationPanel
from ..tabs.picture_tab import TabContext

if TYPE_CHECKING:
    from ..tabs.referrals_tab import ReferralsTab


def escalation_choice(escalation: Escalation, picture: ChildPicture) -> Choice:
    started = show.day(escalation.started_on)
    outcomes = {c.referral.id: f"'{c.referral.outcome.label}'" for c in picture.referrals}
    challenged = " and ".join(outcomes.get(r, "a decision") for r in escalation.challenges)
    return f"Challenge to {challenged}, started {started}", str(escalation.id)


def _decision_choices(picture: ChildPicture, escalation: Escalation | None) -> list[Choice]:
    """Every decision not to act further, and any this escalation already names."""
    named = set(escalation.challenges) if escalation else set()
    return [
        (decision_words(c.referral), str(c.referral.id))
        for c in sorted(picture.referrals, key=lambda c: c.referral.made_at)
        if c.referral.outcome.may_be_challenged or c.referral.id in named
    ]


class EscalationActions:
    def __init__(self, tab: ReferralsTab, context: TabContext) -> None:
        self._tab, self._context = tab, context

    def connect_panel(self, panel: EscalationPanel) -> None:
        panel.record_step.connect(self.record_step)
        panel.amend_step.connect(self.amend_step)
        panel.step_history.connect(self.step_history)
        panel.resolve.connect(self.resolve)
        panel.amend.connect(self.amend)
        panel.history.connect(self.history)

    def _title(self, what: str) -> str:
        return f"{what}: {self._tab.child_name()}"

    def _picture(self) -> ChildPicture:
        assert self._tab.picture is not None  # escalations are reached from a child's tab
        return self._tab.picture

    # Escalations --------------------------------------------------------------------------

    def start(self, referral: Referral) -> None:
        """A new escalation, filled from what is recorded: saved only when the DSL says so."""
        picture = _with_referral(self._picture(), referral)
        escalations = [e.escalation for c in picture.referrals for e in c.escalations]
        offered = decisions_to_offer(
            [c.referral for c in picture.referrals], challenged_ids(escalations), referral.id
        )
        ticked = [o.referral for o in offered if o.ticked] or [referral]
        grounds = grounds_draft(
            ticked,
            [c.referral for c in picture.referrals],
            picture.accounts,
            picture.missing,
            picture.factors,
            self._context.workspace.clock.now(),
        )
        fields = {
            "challenges": ",".join(str(r.id) for r in ticked),
            "why_we_disagree": grounds,
        }
        key = DraftKey(FormKind.ESCALATION, referral.child_id).text()
        self._open_escalation(Draft(key, self._title("New escalation"), fields), picture, None)

    def amend(self, case: EscalationCase) -> None:
        escalation = case.escalation
        key = DraftKey(FormKind.ESCALATION, escalation.child_id, escalation.id).text()
        draft = Draft(key, self._title("Amended escalation"), EscalationForm.fields_of(escalation))
        self._open_escalation(draft, self._picture(), escalation)

    def resolve(self, case: EscalationCase) -> None:
        escalation = case.escalation
        key = DraftKey(FormKind.ESCALATION, escalation.child_id, escalation.id).text()
        fields = EscalationForm.fields_of(escalation) | {
            "resolved": "yes",
            "resolved_on": as_iso(self._context.workspace.clock.today()),
            REASON: "Marked resolved",
        }
        draft = Draft(key, self._title("Resolving escalation"), fields)
        self._open_escalation(draft, self._picture(), escalation)

    def _open_escalation(
        self, draft: Draft, picture: ChildPicture, escalation: Escalation | None
    ) -> None:
        form_context = self._context.form_context(self._tab)
        child_id = DraftKey.parse(draft.key).child_id  # every escalation draft names one
        choices = _decision_choices(picture, escalation)
        assert child_id is not None
        self._open(EscalationForm(form_context, draft, child_id, choices, escalation))

    def history(self, case: EscalationCase) -> None:
        if case.escalation.id is not None:
            # The further decisions challenged are kept as ids: shown as the DSL chose them.
            decisions = {
                str(c.referral.id): decision_words(c.referral) for c in self._picture().referrals
            }
            self._tab.show_record_history(
                "escalation",
                RecordType.ESCALATION,
                case.escalation.id,
                words_for(RecordType.ESCALATION, {"also_challenges": decisions}),
            )

    # Steps --------------------------------------------------------------------------------

    def record_step(self, case: EscalationCase) -> None:
        escalation = case.escalation
        stage = words.next_stage(self._context.workspace.structured.procedure, case.steps)
        key = DraftKey(FormKind.ESCALATION_STEP, escalation.child_id).text()
        fields = {"escalation_id": str(escalation.id), "stage": stage.key}
        draft = Draft(key, self._title("Escalation step"), fields)
        self._open_step(draft, escalation_choice(escalation, self._picture()), None)

    def amend_step(self, step: EscalationStep) -> None:
        case = self._case_with_step(step)
        escalation = case.escalation
        key = DraftKey(FormKind.ESCALATION_STEP, escalation.child_id, step.id).text()
        draft = Draft(
            key, self._title("Amended escalation step"), EscalationStepForm.fields_of(step)
        )
        self._open_step(draft, escalation_choice(escalation, self._picture()), step)

    def _case_with_step(self, step: EscalationStep) -> EscalationCase:
        for panel in self._tab.panel.escalations:
            if panel.case.escalation.id == step.escalation_id:
                return panel.case
        raise RecordNotFound(step.escalation_id)

    def _open_step(self, draft: Draft, choice: Choice, step: EscalationStep | None) -> None:
        self._open(EscalationStepForm(self._context.form_context(self._tab), draft, choice, step))

    def step_history(self, step: EscalationStep) -> None:
        if step.id is not None:
            self._tab.show_record_history("escalation step", RecordType.ESCALATION_STEP, step.id)

    def _open(self, form: RecordForm) -> None:
        self._context.open_form(form)

    # Drafts -------------------------------------------------------------------------------

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {
            FormKind.ESCALATION: self._reopen_escalation,
            FormKind.ESCALATION_STEP: self._reopen_step,
        }

    def _reopen_escalation(self, draft: Draft, key: DraftKey) -> None:
        def show(picture: ChildPicture, escalation: Escalation | None) -> None:
            self._open_escalation(draft, picture, escalation)

        self._with_picture(key, RecordType.ESCALATION, show)

    def _reopen_step(self, draft: Draft, key: DraftKey) -> None:
        def show(picture: ChildPicture, step: EscalationStep | None) -> None:
            escalation_id = step.escalation_id if step else int(draft.fields["escalation_id"])
            escalation = _escalation_in(picture.referrals, escalation_id)
            self._open_step(draft, escalation_choice(escalation, picture), step)

        self._with_picture(key, RecordType.ESCALATION_STEP, show)

    def _with_picture(
        self, key: DraftKey, record_type: RecordType, show: Callable[[ChildPicture, Any], None]
    ) -> None:
        """Load the child's picture (and the record amended), for the choice the form offers."""
        structured = self._context.workspace.structured
        child_id, record_id = self._tab.child_of_draft(key), key.record_id
        if child_id is None:
            return

        def shown(loaded: tuple[ChildPicture, Any]) -> None:
            try:
                show(*loaded)
            except (KeyError, ValueError, RecordNotFound):
                self._context.report(RecordNotFound(key.text()))

        self._context.runner.run(
            lambda: (
                structured.picture(child_id),
                structured.get(record_type, record_id) if record_id is not None else None,
            ),
            shown,
            self._context.report,
        )


def _with_referral(picture: ChildPicture, referral: Referral) -> ChildPicture:
    """The picture with a referral just saved, which the tab may not show yet."""
    cases = [c for c in picture.referrals if c.referral.id != referral.id]
    old = [c for c in picture.referrals if c.referral.id == referral.id]
    added = ReferralCase(referral, old[0].escalations if old else ())
    return replace(picture, referrals=(*cases, added))


def _escalation_in(cases: tuple[ReferralCase, ...], escalation_id: int) -> Escalation:
    for case in cases:
        for escalation_case in case.escalations:
            if escalation_case.escalation.id == escalation_id:
                return escalation_case.escalation
    raise RecordNotFound(escalation_id)
