"""Accounts and their claims through the window: record, check, amend with history kept, and
the matrix that puts contradicted claims first. Every name is fictional."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from scr_reflect.domain.accounts import Account, AccountSource, Claim, ClaimStatus
from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.draft_key import DraftKey, FormKind
from scr_reflect.domain.records import Child, Draft
from scr_reflect.ui.forms.account_form import AccountForm, ClaimForm
from scr_reflect.ui.forms.claim_check_form import ClaimCheckForm
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.tabs.accounts_tab import AccountsTab
from scr_reflect.ui.tabs.claims_matrix import COL_CHECKED, COL_CLAIM, COL_SAID_BY
from tests.ui.form_driving import choose, field, save

LEFT = Qt.MouseButton.LeftButton
GIVEN = datetime(2026, 11, 18, 15, 10)
POLICE_AT = datetime(2026, 11, 19, 22, 40)


def open_tab(window) -> tuple[int, AccountsTab]:
    records = window.workspace.records
    child_id = records.add_child(Child("Iris Pemberton-Vale", date(2018, 4, 2))).child_id
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(AccountsTab)
    window.view.tabs.setCurrentWidget(tab)
    return child_id, tab


def click_row(qtbot, tab: AccountsTab, row: int) -> None:
    cell = tab.table.visualRect(tab.model.index(row, COL_CLAIM)).center()
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=cell)


def column_titled(tab: AccountsTab, title: str) -> int:
    titles = [
        tab.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(tab.model.columnCount())
    ]
    return titles.index(title)


def record_account(qtbot, window, tab: AccountsTab, claims: list[str]) -> None:
    qtbot.mouseClick(tab.record, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, AccountForm)
    choose(form, "source", AccountSource.PARENT.value)
    qtbot.keyClicks(field(form, "given_by"), "Father")
    qtbot.keyClicks(field(form, "summary"), "Iris fell down the stairs at home on Sunday.")
    for number, claim in enumerate(claims):
        if number:
            qtbot.keyClick(field(form, "claims"), Qt.Key.Key_Return)
        qtbot.keyClicks(field(form, "claims"), claim)
    save(qtbot, form)
    assert form not in window.view.forms


def test_an_account_splits_into_unchecked_claims_and_a_contradicted_one_goes_first(
    unlocked, qtbot, qtmodeltester
):
    window = unlocked
    child_id, tab = open_tab(window)
    assert "accepted without anyone checking" in tab.findChild(QLabel, "accountsIntro").text()
    assert not tab.add_claim.isEnabled()  # nothing to add a claim to yet

    record_account(qtbot, window, tab, ["She fell on Sunday", "Nobody else was at home"])

    assert tab.model.rowCount() == 2
    assert [tab.model.index(r, COL_CHECKED).data() for r in range(2)] == ["? unchecked"] * 2
    assert tab.summary.text() == (
        "2 claims from 1 account: 0 contradicted, 2 unchecked, 0 corroborated."
    )
    assert tab.model.index(1, COL_SAID_BY).data() == "Father, 20/11"
    police = Account(child_id, AccountSource.POLICE, "PC Example", POLICE_AT, "Log of a call")
    window.workspace.structured.add(police)
    window.view.open_child(child_id)

    check_row(qtbot, window, tab, 1)
    form = window.view.forms[-1]
    choose(form, "against", "record")
    save(qtbot, form)
    assert "Say what it was checked against." in form.problems.text()
    [account_choice] = [
        form.against.itemData(i)
        for i in range(form.against.count())
        if "PC Example" in form.against.itemText(i)
    ]
    choose(form, "against", account_choice)
    choose(form, "result", ClaimStatus.CONTRADICTED.value)
    qtbot.keyClicks(field(form, "note"), "An uncle was at the address when officers called")
    save(qtbot, form)
    assert form not in window.view.forms

    first = tab.model.index(0, COL_CLAIM)
    assert first.data() == "Nobody else was at home"
    source = tab.model.index(0, COL_CHECKED).data()
    assert source == "✗ Contradicted by: PC Example (police or a police log), 19/11/2026"
    assert tab.model.headerData(COL_CHECKED, Qt.Orientation.Horizontal) == "Checked against"
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    assert tab.kept_selection.chosen_id() == first.data(Qt.ItemDataRole.UserRole + 1)
    assert tab.details.values["against"].text() == "PC Example (police or a police log), 19/11/2026"
    assert tab.details.values["checked"].text() == "20/11/2026 by Sam Okafor"
    assert tab.details.values["said"].text() == "Iris fell down the stairs at home on Sunday."
    qtmodeltester.check(tab.model)


def check_row(qtbot, window, tab: AccountsTab, row: int) -> None:
    """Choose a claim and press Ctrl+K: the check form opens, asking no reason."""
    click_row(qtbot, tab, row)
    qtbot.keyClick(tab.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    form = window.view.forms[-1]
    assert isinstance(form, ClaimCheckForm)
    assert field(form, "reason") is None


def test_a_check_is_the_next_version_and_the_history_chronology_and_trail_call_it_one(
    unlocked, qtbot, monkeypatch
):
    window = unlocked
    child_id, tab = open_tab(window)
    record_account(qtbot, window, tab, ["She was at her aunt's all weekend"])
    check_row(qtbot, window, tab, 0)
    form = window.view.forms[-1]
    choose(form, "against", "record")
    qtbot.keyClicks(field(form, "checked_against"), "Police log, 19/11 (PC Example)")
    choose(form, "result", ClaimStatus.CONTRADICTED.value)
    field(form, "checked_on").clear()
    qtbot.keyClicks(field(form, "checked_on"), "19/11/2026")
    save(qtbot, form)
    assert form not in window.view.forms

    _account, claim = tab.selected()
    assert claim.version == 2 and claim.checked_on == date(2026, 11, 19)
    assert claim.checked_against == "Police log, 19/11 (PC Example)"
    assert tab.model.index(0, COL_CHECKED).data() == (
        "✗ Contradicted by: Police log, 19/11 (PC Example)"
    )

    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    tab.claim_history.trigger()
    said = shown[-1].findChild(QLabel, "summary").text()
    assert "Claim checked: contradicted by Police log, 19/11 (PC Example)" in said

    records = window.workspace.records
    lines = records.entries(records.entry_ids(child_id, ChronologyFilter()))
    [check] = [line for line in lines if line.title.startswith("Claim checked")]
    assert check.title == (
        "Claim checked: “She was at her aunt's all weekend”, contradicted by "
        "Police log, 19/11 (PC Example)"
    )
    assert check.occurred_at.date() == date(2026, 11, 19)
    assert "Checked by Sam Okafor." in check.body

    audit = window.workspace.audit
    entries = audit.entries(audit.seqs(AuditFilter(child_id=child_id, action=AuditAction.AMEND)))
    assert [e.detail for e in entries] == ["claim checked, version 1 kept, now version 2"]


def test_amending_an_account_and_a_claim_keeps_their_earlier_versions(unlocked, qtbot, monkeypatch):
    window = unlocked
    _child_id, tab = open_tab(window)
    record_account(qtbot, window, tab, ["She fell on Sunday"])
    click_row(qtbot, tab, 0)

    qtbot.mouseClick(tab.amend, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, AccountForm) and field(form, "claims") is None
    field(form, "summary").clear()
    qtbot.keyClicks(field(form, "summary"), "Iris fell down the stairs on Saturday evening.")
    qtbot.keyClicks(field(form, "reason"), "Father corrected the day")
    save(qtbot, form)
    assert tab.details.values["said"].text() == "Iris fell down the stairs on Saturday evening."

    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    tab.account_history.trigger()
    table = shown[-1].table
    rows = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    summary = rows.index("Summary")
    assert table.item(summary, 0).text() == "Iris fell down the stairs at home on Sunday."
    assert table.item(summary, 1).text() == "Iris fell down the stairs on Saturday evening."
    assert "Father corrected the day" in shown[-1].findChild(QLabel, "summary").text()

    tab.claim_history.trigger()
    assert "not been amended" in shown[-1].findChild(QLabel, "summary").text()


def test_add_claim_goes_to_the_chosen_account_and_stays_chosen(unlocked, qtbot):
    window = unlocked
    _child_id, tab = open_tab(window)
    record_account(qtbot, window, tab, ["She fell on Sunday"])
    click_row(qtbot, tab, 0)

    qtbot.mouseClick(tab.add_claim, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, ClaimForm)
    qtbot.keyClicks(field(form, "text"), "She was taken to the GP on Monday")
    save(qtbot, form)

    assert tab.model.rowCount() == 2
    account, claim = tab.selected()
    assert claim.text == "She was taken to the GP on Monday" and account.given_by == "Father"


def test_unsaved_account_and_claim_forms_reopen_from_their_drafts(unlocked):
    window = unlocked
    child_id, _tab = open_tab(window)
    structured = window.workspace.structured
    account_id = structured.add(
        Account(child_id, AccountSource.CARER, "Aunt", GIVEN, "Collected Iris late")
    ).record_id
    claim_id = structured.add(Claim(account_id, "The bus was cancelled")).record_id

    new_account = Draft(
        DraftKey(FormKind.ACCOUNT, child_id).text(),
        "New account: Iris",
        {"given_by": "Neighbour at no. 4", "claims": "Heard shouting\nSaw a man leave"},
    )
    window.view.drafts.reopen(new_account)
    reopened = window.view.forms[-1]
    assert isinstance(reopened, AccountForm)
    assert reopened.value("claims") == "Heard shouting\nSaw a man leave"

    check = Draft(
        DraftKey(FormKind.CLAIM, child_id, claim_id).text(),
        "Check a claim: Iris",
        {"checking": "yes", "against": "record", "checked_against": "Bus company notice"},
    )
    window.view.drafts.reopen(check)
    reopened = window.view.forms[-1]
    assert isinstance(reopened, ClaimCheckForm)
    assert reopened.value("checked_against") == "Bus company notice"
    assert "Aunt (carer)" in reopened.findChild(QLabel, "claim").text()

    wording = Draft(
        DraftKey(FormKind.CLAIM, child_id, claim_id).text(),
        "Amended claim: Iris",
        {"text": "The bus was cancelled at 3pm"},
    )
    window.view.drafts.reopen(wording)
    reopened = window.view.forms[-1]
    assert isinstance(reopened, ClaimForm)
    assert "Aunt (carer)" in reopened.findChild(QLabel, "account").text()


def test_amending_a_claims_wording_asks_why_and_keeps_its_check(unlocked, qtbot):
    window = unlocked
    _child_id, tab = open_tab(window)
    record_account(qtbot, window, tab, ["She fell on Sunday"])
    check_row(qtbot, window, tab, 0)
    form = window.view.forms[-1]
    choose(form, "against", "observation")
    qtbot.keyClicks(field(form, "checked_against"), "Class teacher saw her on Monday")
    choose(form, "result", ClaimStatus.CORROBORATED.value)
    save(qtbot, form)

    click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.amend_claim, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, ClaimForm) and field(form, "reason") is not None
    field(form, "text").clear()
    qtbot.keyClicks(field(form, "text"), "She fell on Sunday afternoon")
    qtbot.keyClicks(field(form, "reason"), "Father gave the time")
    save(qtbot, form)

    _account, claim = tab.selected()
    assert (claim.text, claim.version) == ("She fell on Sunday afternoon", 3)
    assert claim.finding == "Corroborated by: Class teacher saw her on Monday"
