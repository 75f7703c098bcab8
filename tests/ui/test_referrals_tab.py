"""Referrals through the window: a decision that may be challenged offers an escalation, each
step gets the local procedure's deadline, repeats and overdue replies are called out, and an
overdue step is in the banner when the records next open.

The clock is Friday 20/11/2026 09:30 (tests/ui/conftest.NOW). Every name is fictional.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from scr_reflect.domain.records import Child
from scr_reflect.domain.referrals import (
    Agency,
    Escalation,
    EscalationStep,
    Referral,
    ReferralOutcome,
)
from scr_reflect.ui.forms.escalation_form import EscalationForm
from scr_reflect.ui.forms.escalation_step_form import EscalationStepForm
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.forms.referral_form import ReferralForm
from scr_reflect.ui.shared import prompts
from scr_reflect.ui.tabs.escalation_panel import EscalationPanel
from scr_reflect.ui.tabs.referrals_model import ATTENTION_ROLE, COL_STANDING
from scr_reflect.ui.tabs.referrals_tab import ReferralsTab
from tests.fictional import PASSPHRASE
from tests.ui.form_driving import choose, field, retype, save
from tests.ui.history_cells import history_cells

LEFT = Qt.MouseButton.LeftButton


def open_tab(window, name: str = "Noor Fenwick-Ashby") -> tuple[int, ReferralsTab]:
    child_id = window.workspace.records.add_child(Child(name, date(2011, 2, 14))).child_id
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(ReferralsTab)
    window.view.tabs.setCurrentWidget(tab)
    return child_id, tab


def threshold_not_met(child_id: int, made_at: datetime) -> Referral:
    return Referral(
        child_id,
        made_at,
        Agency.CHILDRENS_SOCIAL_CARE,
        "Assessment: hunger, and a bruise explained differently by mother and child",
        ReferralOutcome.THRESHOLD_NOT_MET,
        "Universal services to continue",
        heard_back_at=made_at.replace(hour=16),
    )


def chronology_titles(window) -> list[str]:
    model = window.view.chronology.model
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def test_threshold_not_met_offers_an_escalation_then_steps_with_the_procedures_deadline(
    unlocked, qtbot, monkeypatch
):
    window = unlocked
    _child_id, tab = open_tab(window)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, _y="": asked.append(text) or True)

    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, ReferralForm)
    retype(qtbot, field(form, "made_at"), "18/11/2026 10:15")
    qtbot.keyClicks(field(form, "asked_for"), "Assessment of home conditions")
    choose(form, "outcome", ReferralOutcome.THRESHOLD_NOT_MET.value)
    assert form.heard_back.isChecked()  # an outcome means the school has heard back
    qtbot.keyClicks(field(form, "outcome_reasons"), "Needs can be met by universal services")
    save(qtbot, form)

    assert "'Threshold not met'" in asked[0]
    escalation_form = window.view.forms[-1]
    assert isinstance(escalation_form, EscalationForm)
    (decision,) = escalation_form.decisions.boxes.values()
    assert decision.isChecked() and "Threshold not met" in decision.text()
    field(escalation_form, "why_we_disagree").clear()
    qtbot.keyClicks(field(escalation_form, "why_we_disagree"), "Three hunger concerns in a month")
    qtbot.keyClicks(field(escalation_form, "asking_for"), "A single assessment by 27/11")
    save(qtbot, escalation_form)

    assert not tab.panel.prompt.isVisible()
    (panel,) = tab.panel.escalations
    assert "no one contacted yet" in panel.standing.text()
    qtbot.mouseClick(panel.buttons["recordStep"], LEFT)
    step_form = window.view.forms[-1]
    assert isinstance(step_form, EscalationStepForm)
    assert step_form.value("stage") == "practitioner"
    # Contacted Friday 20/11; stage 1 expects a reply within 2 working days: Tuesday 24/11.
    assert step_form.value("next_deadline") == "2026-11-24"
    retype(qtbot, field(step_form, "contacted_on"), "19/11/2026")
    assert step_form.value("next_deadline") == "2026-11-23"
    qtbot.keyClicks(field(step_form, "contacted"), "Ms Pell, duty social worker")
    save(qtbot, step_form)

    assert (
        "Escalation, Stage 1: practitioner to practitioner: contacted Ms Pell, duty social worker"
        in chronology_titles(window)
    )
    (panel,) = tab.panel.escalations
    assert "reply due 23/11/2026" in panel.standing.text()
    qtbot.mouseClick(panel.buttons["recordStep"], LEFT)
    next_form = window.view.forms[-1]
    assert next_form.value("stage") == "manager"
    assert next_form.value("next_deadline") == "2026-11-25"  # 3 working days


def test_a_second_threshold_not_met_is_called_out_and_waits_to_be_challenged(
    unlocked, qtbot, qtmodeltester
):
    window = unlocked
    child_id, _tab = open_tab(window)
    structured = window.workspace.structured
    first = structured.add(threshold_not_met(child_id, datetime(2026, 9, 14, 11, 0))).record_id
    structured.add(Escalation(child_id, first, date(2026, 9, 15), "Bruising", "Reconsider"))
    structured.add(threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0)))
    window.view.open_child(child_id)
    tab = window.view.tabs.tab(ReferralsTab)

    qtmodeltester.check(tab.model)
    assert (
        "2 decisions not to act further for this child: 'Threshold not met', then "
        "'Threshold not met'." in tab.summary.text()
    )
    assert "Not challenged yet" in tab.summary.text()
    assert tab.model.index(0, 0).data() == "02/11/2026"  # newest first
    assert tab.model.index(0, COL_STANDING).data() == "Not challenged"
    assert tab.model.index(0, 0).data(ATTENTION_ROLE)
    assert tab.kept_selection.chosen_id() == tab.model.index(0, 0).data(
        Qt.ItemDataRole.UserRole + 1
    )
    repeat = tab.panel.referral_box.values["repeat"]
    assert repeat.text() == (
        "The second decision not to act further for this child ('Threshold not met')."
    )
    assert tab.panel.prompt.isVisible()
    assert "rarely challenged" in tab.panel.prompt.findChild(QLabel, "challengeText").text()

    assert "Not challenged yet: 'Threshold not met' of 02/11/2026." in tab.summary.text()
    assert "14/09/2026" not in tab.summary.text()  # that one is being challenged

    tab.table.selectRow(1)
    assert not tab.panel.referral_box.values["repeat"].isVisible()
    assert not tab.panel.prompt.isVisible()
    assert [panel.isVisible() for panel in tab.panel.escalations] == [True]
    tab.table.selectRow(0)
    visible = [p for p in tab.panel.findChildren(EscalationPanel) if p.isVisible()]
    assert visible == []  # the other referral's escalation is not left showing


def test_a_reply_not_received_within_a_working_day_is_shown_plainly(unlocked, qtbot):
    window = unlocked
    child_id, tab = open_tab(window)
    # Made Wednesday 18/11 10:00: due Thursday 19/11 10:00; now Friday 20/11 09:30.
    window.workspace.structured.add(
        Referral(child_id, datetime(2026, 11, 18, 10, 0), Agency.EARLY_HELP, "Family support")
    )
    window.view.open_child(child_id)

    expected = "No reply: due 19/11/2026 10:00, now 1 working day late"
    assert tab.model.index(0, COL_STANDING).data() == "No reply: 1 working day late"
    assert tab.model.index(0, COL_STANDING).data(Qt.ItemDataRole.ToolTipRole) == expected
    assert tab.panel.referral_box.values["heard"].text() == expected
    assert "No reply in time to 1 referral." in tab.summary.text()
    assert not tab.panel.prompt.isVisible()


def test_amending_a_referral_keeps_its_history_and_does_not_offer_twice(
    unlocked, qtbot, monkeypatch
):
    window = unlocked
    child_id, tab = open_tab(window)
    structured = window.workspace.structured
    referral_id = structured.add(threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0))).record_id
    structured.add(
        Escalation(child_id, referral_id, date(2026, 11, 3), "New disclosure", "Reconsider")
    )
    window.view.open_child(child_id)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda *args: asked.append(args[2]) or True)

    qtbot.mouseClick(tab.amend, LEFT)
    form = window.view.forms[-1]
    field(form, "outcome_reasons").clear()
    qtbot.keyClicks(field(form, "outcome_reasons"), "Below threshold for a single assessment")
    qtbot.keyClicks(field(form, "reason"), "Reasons copied from the letter")
    save(qtbot, form)

    assert asked == []  # already escalated
    assert tab.panel.referral_box.values["version"].text().startswith("2")
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    qtbot.mouseClick(tab.history, LEFT)
    assert "Reasons copied from the letter" in shown[0].findChild(QLabel, "summary").text()


def test_marking_an_escalation_resolved_closes_it(unlocked, qtbot):
    window = unlocked
    child_id, tab = open_tab(window)
    structured = window.workspace.structured
    referral_id = structured.add(threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0))).record_id
    structured.add(
        Escalation(child_id, referral_id, date(2026, 11, 3), "New disclosure", "Reconsider")
    )
    window.view.open_child(child_id)

    qtbot.mouseClick(tab.panel.escalations[0].buttons["resolveEscalation"], LEFT)
    form = window.view.forms[-1]
    assert form.value("resolved") == "yes" and form.value("reason") == "Marked resolved"
    save(qtbot, form)
    assert "Say how the disagreement was resolved." in form.problems.text()
    qtbot.keyClicks(field(form, "resolution"), "Single assessment agreed at stage 2")
    save(qtbot, form)

    (panel,) = tab.panel.escalations
    assert panel.title() == "Escalation started 03/11/2026, resolved 20/11/2026"
    assert "recordStep" not in panel.buttons
    standing = tab.model.index(0, COL_STANDING)
    assert standing.data() == "Escalation resolved"
    assert standing.data(Qt.ItemDataRole.ToolTipRole) == "Escalation resolved 20/11/2026"
    assert "Escalation resolved" in chronology_titles(window)


def test_an_overdue_step_and_a_late_reply_are_in_the_banner_on_the_next_unlock(
    unlocked, make_window, qtbot
):
    window = unlocked
    structured = window.workspace.structured
    child_id = window.workspace.records.add_child(Child("Ezra Quill", date(2012, 3, 1))).child_id
    referral_id = structured.add(threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0))).record_id
    escalation_id = structured.add(
        Escalation(child_id, referral_id, date(2026, 11, 3), "New disclosure", "Reconsider")
    ).record_id
    structured.add(
        EscalationStep(
            escalation_id,
            "manager",
            "Mr Dale, team manager",
            date(2026, 11, 12),
            "",
            date(2026, 11, 17),
        )
    )
    structured.add(
        Referral(child_id, datetime(2026, 11, 18, 10, 0), Agency.POLICE, "Welfare check")
    )
    window.close()

    again = make_window()
    qtbot.keyClicks(again.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(again.unlock_page.passphrase, Qt.Key.Key_Return)
    banner = again.view.banner
    assert banner.isVisible()
    rows = [banner.list.item(row).text() for row in range(banner.list.count())]
    assert rows == [
        "Reply due 17/11/2026  Ezra Quill: escalation, Stage 2: DSL to team manager "
        "(contacted Mr Dale, team manager)",
        "Ezra Quill: referral to police made 18/11/2026 10:00. "
        "No reply: due 19/11/2026 10:00, now 1 working day late",
    ]
    heading = banner.heading.text()
    assert "1 escalation step has had no response by the deadline" in heading
    assert "1 referral has had no reply within a working day" in heading
    qtbot.mouseClick(banner.toggle, Qt.MouseButton.LeftButton)  # the list starts folded
    qtbot.mouseClick(
        banner.list.viewport(), LEFT, pos=banner.list.visualItemRect(banner.list.item(0)).center()
    )
    assert again.view.children_pane.selected_id() == child_id


def test_an_unsaved_step_is_offered_back_with_its_escalation(
    unlocked, make_window, qtbot, monkeypatch
):
    window = unlocked
    child_id, tab = open_tab(window)
    structured = window.workspace.structured
    referral_id = structured.add(threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0))).record_id
    structured.add(
        Escalation(child_id, referral_id, date(2026, 11, 3), "New disclosure", "Reconsider")
    )
    window.view.open_child(child_id)
    qtbot.mouseClick(tab.panel.escalations[0].buttons["recordStep"], LEFT)
    form = window.view.forms[-1]
    qtbot.keyClicks(field(form, "contacted"), "Ms Pell")
    form.save_draft_now()
    window.close()

    monkeypatch.setattr(prompts, "confirm", lambda *_args: True)
    again = make_window()
    qtbot.keyClicks(again.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(again.unlock_page.passphrase, Qt.Key.Key_Return)

    reopened = again.view.forms[-1]
    assert isinstance(reopened, EscalationStepForm)
    assert reopened.value("contacted") == "Ms Pell"
    assert "started 03/11/2026" in field(reopened, "escalation_id").currentText()
    qtbot.keyClicks(field(reopened, "response"), "Will discuss with her manager")
    save(qtbot, reopened)
    (case,) = structured_picture(again, child_id).referrals
    assert case.escalations[0].steps[0].contacted == "Ms Pell"


def structured_picture(window, child_id: int):
    return window.workspace.structured.picture(child_id)


def test_unsaved_escalation_and_referral_amendment_are_offered_back(
    unlocked, make_window, qtbot, monkeypatch
):
    window = unlocked
    child_id, tab = open_tab(window)
    structured = window.workspace.structured
    structured.add(threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0)))
    window.view.open_child(child_id)
    qtbot.mouseClick(tab.panel.prompt.start, LEFT)
    escalation_form = window.view.forms[-1]
    field(escalation_form, "why_we_disagree").clear()
    qtbot.keyClicks(field(escalation_form, "why_we_disagree"), "She has disclosed more since")
    escalation_form.save_draft_now()
    qtbot.mouseClick(tab.amend, LEFT)
    referral_form = window.view.forms[-1]
    qtbot.keyClicks(field(referral_form, "reason"), "Letter received")
    referral_form.save_draft_now()
    window.close()

    monkeypatch.setattr(prompts, "confirm", lambda *_args: True)
    again = make_window()
    qtbot.keyClicks(again.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(again.unlock_page.passphrase, Qt.Key.Key_Return)

    forms = {type(form): form for form in again.view.forms}
    assert forms[EscalationForm].value("why_we_disagree") == "She has disclosed more since"
    (decision,) = forms[EscalationForm].decisions.boxes.values()
    assert decision.isChecked() and "Threshold not met" in decision.text()
    assert forms[ReferralForm].value("reason") == "Letter received"
    assert forms[ReferralForm].value("outcome") == ReferralOutcome.THRESHOLD_NOT_MET.value


def test_a_broken_procedure_file_is_named_when_unlocking(
    unlocked, make_window, qtbot, monkeypatch, tmp_path
):
    unlocked.close()
    resources = tmp_path / "resources"
    resources.mkdir()
    (resources / "escalation_procedure.toml").write_text('name = "Local"\n[[stage]\nkey = 1\n')
    monkeypatch.setattr("scr_reflect.services.workspace.resources_dir", lambda: resources)

    again = make_window()
    qtbot.keyClicks(again.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(again.unlock_page.passphrase, Qt.Key.Key_Return)

    assert again.view is None
    shown = again.unlock_page.findChild(QLabel, "error").text()
    assert "escalation_procedure.toml, line 2: not valid TOML" in shown


def test_threshold_not_met_then_no_further_action_are_two_decisions_not_to_act(unlocked, qtbot):
    window = unlocked
    child_id, _tab = open_tab(window)
    structured = window.workspace.structured
    structured.add(threshold_not_met(child_id, datetime(2026, 9, 14, 11, 0)))
    nfa = replace(
        threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0)),
        outcome=ReferralOutcome.NO_FURTHER_ACTION,
    )
    structured.add(nfa)
    window.view.open_child(child_id)
    tab = window.view.tabs.tab(ReferralsTab)

    assert "2 decisions not to act further for this child" in tab.summary.text()
    assert "'Threshold not met', then 'No further action'." in tab.summary.text()
    assert tab.panel.referral_box.values["repeat"].text() == (
        "The second decision not to act further for this child ('No further action')."
    )


def test_an_escalations_history_names_the_further_decisions_it_challenges(
    unlocked, qtbot, monkeypatch
):
    window = unlocked
    child_id, tab = open_tab(window)
    structured = window.workspace.structured
    first = threshold_not_met(child_id, datetime(2026, 11, 2, 9, 0))
    second = replace(
        threshold_not_met(child_id, datetime(2026, 11, 9, 9, 0)),
        outcome=ReferralOutcome.NO_FURTHER_ACTION,
    )
    first_id = structured.add(first).record_id
    second_id = structured.add(second).record_id
    structured.add(
        Escalation(
            child_id,
            first_id,
            date(2026, 11, 10),
            "New disclosure",
            "Reconsider",
            also_challenges=(second_id,),
        )
    )
    window.view.open_child(child_id)
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))

    (panel,) = tab.panel.escalations
    qtbot.mouseClick(panel.buttons["escalationHistory"], LEFT)
    cells = history_cells(shown[-1])
    assert cells["Also challenges"] == (
        "'No further action' from children's social care (referral of 09/11/2026)"
    )
