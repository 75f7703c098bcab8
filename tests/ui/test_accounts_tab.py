"""Accounts and their claims through the window: record, check, amend with history kept, and
the matrix that puts contradicted claims first. Every name is fictional."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from scr_reflect.domain.accounts import Account, AccountSource, Claim, ClaimStatus
from scr_reflect.domain.draft_key import DraftKey, FormKind
from scr_reflect.domain.records import Child, Draft
from scr_reflect.ui.forms.account_form import AccountForm, ClaimForm
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.tabs.accounts_tab import AccountsTab
from scr_reflect.ui.tabs.claims_matrix import COL_CLAIM, COL_STATUS
from tests.ui.form_driving import choose, field, save

LEFT = Qt.MouseButton.LeftButton
GIVEN = datetime(2026, 11, 18, 15, 10)


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
    _child_id, tab = open_tab(window)
    assert "accepted without anyone checking" in tab.findChild(QLabel, "accountsIntro").text()
    assert not tab.add_claim.isEnabled()  # nothing to add a claim to yet

    record_account(qtbot, window, tab, ["She fell on Sunday", "Nobody else was at home"])

    assert tab.model.rowCount() == 2
    assert [tab.model.index(r, COL_STATUS).data() for r in range(2)] == ["? unchecked"] * 2
    assert tab.summary.text() == (
        "2 claims from 1 account: 0 contradicted, 2 unchecked, 0 corroborated."
    )
    father = column_titled(tab, "Father\n20/11")
    assert tab.model.index(1, father).data() == "● said"

    click_row(qtbot, tab, 1)
    qtbot.mouseClick(tab.check, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, ClaimForm)
    choose(form, "status", ClaimStatus.CONTRADICTED.value)
    save(qtbot, form)
    assert "checked against" in form.problems.text()
    choose(form, "evidence_kind", "observation")
    qtbot.keyClicks(field(form, "reason"), "Checked with the neighbour")
    save(qtbot, form)
    assert "Say what shows the claim is contradicted." in form.problems.text()
    qtbot.keyClicks(field(form, "evidence"), "Neighbour saw the uncle arrive at noon")
    save(qtbot, form)
    assert form not in window.view.forms

    first = tab.model.index(0, COL_CLAIM)
    assert first.data() == "Nobody else was at home"
    assert tab.model.index(0, COL_STATUS).data() == "✗ contradicted"
    assert tab.model.index(0, column_titled(tab, "Checked\nagainst")).data() == "✗ an observation"
    assert tab.model.index(0, COL_STATUS).data(Qt.ItemDataRole.FontRole).bold()
    assert tab.kept_selection.chosen_id() == first.data(Qt.ItemDataRole.UserRole + 1)
    assert tab.details.values["evidence"].text() == "Neighbour saw the uncle arrive at noon"
    assert tab.details.values["said"].text() == "Iris fell down the stairs at home on Sunday."
    qtmodeltester.check(tab.model)


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
        {"status": "corroborated", "evidence_kind": "record", "evidence": "Bus company notice"},
    )
    window.view.drafts.reopen(check)
    reopened = window.view.forms[-1]
    assert isinstance(reopened, ClaimForm)
    assert reopened.value("evidence") == "Bus company notice"
    assert "Aunt (carer)" in reopened.findChild(QLabel, "account").text()
