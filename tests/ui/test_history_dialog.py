"""A record's history reads in words, labels every row, and marks what changed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from scr_reflect.domain.accounts import ClaimStatus
from scr_reflect.domain.enums import Category, ConcernStatus, RecordType
from scr_reflect.domain.field_words import words_for
from scr_reflect.ui.forms.history_dialog import CHANGED_ROLE, MAX_LINES, HistoryDialog
from tests.ui.caseload import child_with_concern

LONG = "She said again that she did not want to go home. " * 40


def test_an_amended_concern_shows_words_labels_and_the_changed_row(unlocked, qtbot, monkeypatch):
    records = unlocked.workspace.records
    child, concern_id = child_with_concern(unlocked, what=LONG)
    concern = records.concern(concern_id)
    amended = replace(concern, categories=frozenset({Category.PHYSICAL, Category.NEGLECT}))
    records.amend_concern(amended, "Neglect was also described")
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: (shown.append(self), self.show()))
    unlocked.view.show_child(child)
    unlocked.view.chronology.table.selectRow(0)
    unlocked.view.entry_history()
    [history] = shown
    table = history.table
    rows = {table.verticalHeaderItem(r).text(): r for r in range(table.rowCount())}

    assert all(rows), "every row has a label"
    categories = rows["Categories"]
    assert table.item(categories, 0).text() == "Physical abuse"
    assert table.item(categories, 1).text() == "Neglect, Physical abuse"
    assert table.item(rows["Status"], 1).text() == ConcernStatus.OPEN.label
    assert history.changed_fields() == ["Categories"]
    assert table.item(categories, 1).data(CHANGED_ROLE) is True
    assert not table.item(categories, 0).data(CHANGED_ROLE)
    assert not table.item(rows["What happened"], 1).data(CHANGED_ROLE)

    long_row = rows["What happened"]
    assert table.rowHeight(long_row) <= table.fontMetrics().lineSpacing() * MAX_LINES + 8
    assert table.item(long_row, 1).toolTip() == LONG
    top = table.item(long_row, 1).textAlignment()
    assert top & Qt.AlignmentFlag.AlignTop
    history.close()


def test_values_not_on_their_list_are_shown_as_written():
    claim, concern = words_for(RecordType.CLAIM), words_for(RecordType.CONCERN)
    assert claim("status", "unverified") == ClaimStatus.UNVERIFIED.label
    assert concern("status", "open") == "Open"
    assert words_for(RecordType.ENTRY)("kind", "concern") == "Concern"
    assert words_for(RecordType.FACTOR)("still_applies", "True") == "Yes"
    assert concern("raised_by", "physical") == "physical"
    assert concern("categories", "physical teacher") == "physical teacher"


def test_a_typed_field_reads_as_typed_though_it_shares_a_chosen_fields_name():
    # A concern's outcome and a factor's source are typed; a referral's outcome and an
    # account's source are chosen from lists.
    assert words_for(RecordType.CONCERN)("outcome", "assessment") == "assessment"
    assert words_for(RecordType.REFERRAL)("outcome", "assessment") != "assessment"
    assert words_for(RecordType.FACTOR)("source", "police") == "police"
    assert words_for(RecordType.ACCOUNT)("source", "police") != "police"
    assert words_for(RecordType.CONCERN)("what_happened", "True") == "True"
