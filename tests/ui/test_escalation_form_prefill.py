"""A new escalation's form is filled from the records: every decision not to act further is
offered, those not yet challenged ticked, and the grounds drafted from the evidence already
recorded, as text the DSL changes. Nothing is saved until Save; one escalation can then
challenge both decisions. The clock is Friday 20/11/2026 09:30; every name is fictional."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from scr_reflect.domain.accounts import Account, AccountSource, Claim, ClaimStatus, EvidenceKind
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.referrals import Agency, Escalation, Referral, ReferralOutcome
from scr_reflect.ui.forms.escalation_form import EscalationForm
from scr_reflect.ui.tabs.referrals_model import COL_STANDING
from scr_reflect.ui.tabs.referrals_tab import ReferralsTab
from tests.ui.form_driving import field, save
from tests.ui.test_referrals_tab import open_tab

LEFT = Qt.MouseButton.LeftButton


def closed(child_id: int, made_at: datetime, outcome: ReferralOutcome) -> Referral:
    return Referral(
        child_id, made_at, Agency.CHILDRENS_SOCIAL_CARE, "An assessment of risk outside home",
        outcome, "Parent engaging", heard_back_at=made_at.replace(hour=16),
    )  # fmt: skip


def record_the_evidence(window, child_id: int) -> tuple[int, int]:
    structured = window.workspace.structured
    account = structured.add(
        Account(child_id, AccountSource.PARENT, "Mother", datetime(2026, 10, 1, 9), "At the door")
    ).record_id
    assert account is not None
    structured.add(
        Claim(account, "He is home by nine every night", ClaimStatus.CONTRADICTED,
              EvidenceKind.RECORD, "Police found him two towns away at 2am")
    )  # fmt: skip
    structured.add(MissingEpisode(child_id, datetime(2026, 10, 10, 22), datetime(2026, 10, 11, 20)))
    structured.add(CumulativeFactor(child_id, Factor.DOMESTIC_ABUSE, date(2026, 6, 1), "Police"))
    first = structured.add(
        closed(child_id, datetime(2026, 9, 14, 11), ReferralOutcome.THRESHOLD_NOT_MET)
    ).record_id
    second = structured.add(
        closed(child_id, datetime(2026, 11, 2, 9), ReferralOutcome.NO_FURTHER_ACTION)
    ).record_id
    assert first is not None and second is not None
    return first, second


def start_from_the_prompt(window, qtbot, child_id: int) -> EscalationForm:
    window.view.open_child(child_id)
    tab = window.view.tabs.tab(ReferralsTab)
    window.view.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)  # the newest, "no further action"
    qtbot.mouseClick(tab.panel.prompt.start, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, EscalationForm)
    return form


def test_both_decisions_are_ticked_and_the_grounds_drafted_but_nothing_saved(unlocked, qtbot):
    window = unlocked
    child_id, _tab = open_tab(window, "Kai Fernhollow")
    first, second = record_the_evidence(window, child_id)

    form = start_from_the_prompt(window, qtbot, child_id)

    boxes = form.decisions.boxes
    assert list(boxes) == [str(first), str(second)]
    assert [b.text() for b in boxes.values()] == [
        "'Threshold not met' from children's social care (referral of 14/09/2026)",
        "'No further action' from children's social care (referral of 02/11/2026)",
    ]
    assert all(b.isChecked() for b in boxes.values())
    grounds = form.value("why_we_disagree")
    assert "He is home by nine every night" in grounds
    assert "Police found him two towns away at 2am" in grounds
    assert "return home interview: not known whether offered (not within 72 hours)" in grounds
    assert "Domestic abuse (known since 01/06/2026)" in grounds
    assert (
        "2 referrals so far: 14/09/2026 threshold not met; 02/11/2026 no further action" in grounds
    )

    form.reject()  # nothing typed: closes without asking
    picture = window.workspace.structured.picture(child_id)
    assert all(not case.escalations for case in picture.referrals)


def test_one_escalation_saved_for_both_decisions_quiets_both_prompts(unlocked, qtbot):
    window = unlocked
    child_id, _tab = open_tab(window, "Kai Fernhollow")
    first, second = record_the_evidence(window, child_id)
    form = start_from_the_prompt(window, qtbot, child_id)
    field(form, "why_we_disagree").appendPlainText("He told us he owes them now.")
    qtbot.keyClicks(field(form, "asking_for"), "A strategy discussion by 27/11")
    save(qtbot, form)

    picture = window.workspace.structured.picture(child_id)
    (escalation,) = {e.escalation for c in picture.referrals for e in c.escalations}
    assert escalation.challenges == (first, second)
    assert escalation.why_we_disagree.endswith("He told us he owes them now.")
    tab = window.view.tabs.tab(ReferralsTab)
    standings = [tab.model.index(row, COL_STANDING).data() for row in range(2)]
    assert standings == ["Escalating: no contact yet"] * 2
    for row in range(2):
        tab.table.selectRow(row)
        assert not tab.panel.prompt.isVisible()
        (panel,) = tab.panel.escalations  # the one escalation, under each decision it challenges
        named = panel.findChild(QLabel, "challenged").text()
        assert "'Threshold not met'" in named and "'No further action'" in named
    assert "Not challenged" not in tab.summary.text()


def test_a_decision_already_challenged_is_offered_but_not_ticked(unlocked, qtbot):
    window = unlocked
    child_id, _tab = open_tab(window, "Kai Fernhollow")
    first, _second = record_the_evidence(window, child_id)
    window.workspace.structured.add(
        Escalation(child_id, first, date(2026, 9, 16), "Missing again", "Reconsider")
    )

    form = start_from_the_prompt(window, qtbot, child_id)

    assert [b.isChecked() for b in form.decisions.boxes.values()] == [False, True]
    assert "'No further action'" in form.value("why_we_disagree")
    assert "The school disagrees with 'Threshold not met'" not in form.value("why_we_disagree")
