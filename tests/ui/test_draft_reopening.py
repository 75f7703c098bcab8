"""Every kind of form has one opener for its saved drafts, and a draft opens in its own form."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain.draft_key import DraftKey, FormKind
from scr_reflect.domain.records import Draft
from scr_reflect.domain.referrals import Agency, Escalation, Referral, ReferralOutcome
from scr_reflect.ui.forms import draft_openers
from scr_reflect.ui.forms.account_form import AccountForm, ClaimForm
from scr_reflect.ui.forms.action_form import ActionForm
from scr_reflect.ui.forms.body_mark_form import BodyMarkForm
from scr_reflect.ui.forms.child_form import ChildForm
from scr_reflect.ui.forms.concern_form import ConcernForm
from scr_reflect.ui.forms.education_form import EducationForm
from scr_reflect.ui.forms.entry_form import EntryForm
from scr_reflect.ui.forms.escalation_form import EscalationForm
from scr_reflect.ui.forms.escalation_step_form import EscalationStepForm
from scr_reflect.ui.forms.factor_form import FactorForm
from scr_reflect.ui.forms.missing_form import MissingForm
from scr_reflect.ui.forms.record_form import RecordForm
from scr_reflect.ui.forms.referral_form import ReferralForm
from scr_reflect.ui.forms.sharing_form import SharingForm
from scr_reflect.ui.forms.supervision_form import SupervisionForm
from tests.ui.caseload import child_with_concern

FORM_OF_KIND: dict[FormKind, type[RecordForm]] = {
    FormKind.CHILD: ChildForm,
    FormKind.CONCERN: ConcernForm,
    FormKind.ENTRY: EntryForm,
    FormKind.ACTION: ActionForm,
    FormKind.FACTOR: FactorForm,
    FormKind.MISSING: MissingForm,
    FormKind.EDUCATION: EducationForm,
    FormKind.ACCOUNT: AccountForm,
    FormKind.CLAIM: ClaimForm,
    FormKind.REFERRAL: ReferralForm,
    FormKind.ESCALATION: EscalationForm,
    FormKind.ESCALATION_STEP: EscalationStepForm,
    FormKind.SHARING: SharingForm,
    FormKind.BODY_MARK: BodyMarkForm,
    FormKind.SUPERVISION: SupervisionForm,
}


def test_every_kind_of_form_has_an_opener_for_its_drafts(unlocked):
    assert set(FORM_OF_KIND) == set(FormKind)
    assert set(unlocked.view.drafts.openers) == set(FormKind)


def test_a_kind_with_no_opener_or_two_is_refused():
    def opener(_draft: Draft, _key: DraftKey) -> None:
        return None

    everything = dict.fromkeys(FormKind, opener)
    assert draft_openers.one_per_kind(everything) == everything
    with pytest.raises(ValueError, match="No opener for supervision"):
        draft_openers.one_per_kind(
            {k: v for k, v in everything.items() if k is not FormKind.SUPERVISION}
        )
    with pytest.raises(ValueError, match="Two openers for factor"):
        draft_openers.one_per_kind(everything, {FormKind.FACTOR: opener})


@pytest.mark.parametrize("kind", list(FormKind), ids=str)
def test_a_new_records_draft_reopens_in_the_form_of_its_kind(unlocked, kind):
    window = unlocked
    child_id, _concern_id = child_with_concern(window)
    structured = window.workspace.structured
    made_at = datetime(2026, 11, 2, 9, 0)
    referral_id = structured.add(
        Referral(
            child_id,
            made_at,
            Agency.CHILDRENS_SOCIAL_CARE,
            "Assessment of home conditions",
            ReferralOutcome.THRESHOLD_NOT_MET,
            "Universal services to continue",
            heard_back_at=made_at.replace(hour=16),
        )
    ).record_id
    escalation_id = structured.add(
        Escalation(child_id, referral_id, date(2026, 11, 3), "New disclosure", "Reconsider")
    ).record_id
    # The two escalation forms are opened from the record they belong to.
    fields = {
        FormKind.ESCALATION: {"referral_id": str(referral_id)},
        FormKind.ESCALATION_STEP: {"escalation_id": str(escalation_id)},
    }.get(kind, {})
    child = None if kind in (FormKind.CHILD, FormKind.SUPERVISION) else child_id
    draft = Draft(DraftKey(kind, child).text(), f"Unsaved {kind.value} form", fields)

    window.view.drafts.reopen(draft)

    form = window.view.forms[-1]
    assert type(form) is FORM_OF_KIND[kind]


def test_an_amended_concerns_draft_reopens_with_the_concern_it_amends(unlocked):
    window = unlocked
    child_id, concern_id = child_with_concern(window)
    key = DraftKey(FormKind.CONCERN, child_id, concern_id)
    fields = {"what_happened": "Fingertip bruising on the upper arm."}

    window.view.drafts.reopen(Draft(key.text(), "Amended concern", fields))

    form = window.view.forms[-1]
    assert isinstance(form, ConcernForm)
    assert form.windowTitle() == "Amend concern"
    assert form.value("what_happened") == "Fingertip bruising on the upper arm."


def test_a_draft_of_a_form_this_app_does_not_have_is_said_so(unlocked):
    window = unlocked
    window.view.drafts.reopen(Draft("timetable:new:", "Unsaved timetable"))
    assert not window.view.forms
    assert window.view.notice.text() == "A draft could not be reopened: Unsaved timetable"


@pytest.mark.parametrize("kind", [FormKind.FACTOR, FormKind.CLAIM, FormKind.ESCALATION], ids=str)
def test_a_record_draft_that_names_no_child_opens_nothing_and_says_so(unlocked, kind):
    window = unlocked
    window.view.drafts.reopen(Draft(DraftKey(kind).text(), f"Unsaved {kind.value} form"))
    assert not window.view.forms
    assert (
        window.view.notice.text()
        == "That record is no longer in your records: it may have been deleted."
    )
