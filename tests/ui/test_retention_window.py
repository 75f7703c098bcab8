"""Retention review from the Records menu: who is past their date, holds, and deleting a child
after typing their name, which takes them out of the main window too. Locked, it is gone.

The clock says 20 November 2026. Every name is fictional.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from scr_reflect.domain.enums import Category
from scr_reflect.domain.kept import Kept
from scr_reflect.domain.records import Child, Concern
from scr_reflect.domain.retention import ChildRecords, ReviewChild
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.safety.delete_confirmation import DeleteConfirmation
from scr_reflect.ui.safety.retention_model import DUE_COLUMNS, HELD_COLUMNS, ReviewModel
from scr_reflect.ui.safety.retention_window import NONE_DUE, NONE_HELD, RetentionWindow
from scr_reflect.ui.shared import prompts
from tests.fictional import PASSPHRASE

LEFT = Qt.MouseButton.LeftButton
PAST = "Linnea Harrowgate-Osei"  # 25 on 3 May 2026
HELD = "Ambrose Kettleworth"  # 25 on 1 February 2026
YOUNG = "Ottilie Fairbairn"  # 12


def add_children(window: MainWindow) -> dict[str, int]:
    records = window.workspace.records
    ids = {
        name: records.add_child(Child(name, born)).child_id
        for name, born in (
            (PAST, date(2001, 5, 3)),
            (HELD, date(2001, 2, 1)),
            (YOUNG, date(2014, 6, 6)),
        )
    }
    records.record_concern(
        Concern(
            ids[PAST],
            datetime(2016, 3, 1, 10),
            datetime(2016, 3, 1, 10),
            "Mr Penrose, form tutor",
            "Came in without a coat again.",
            frozenset({Category.NEGLECT}),
        )
    )
    window.workspace.retention.place_hold(ids[HELD], "Claim notified by the trust's solicitors")
    window.view.children_pane.refresh()
    return ids


def open_review(window: MainWindow) -> RetentionWindow:
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Records"]
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == "Retention review…"]
    action.trigger()
    [review] = [w for w in window.view.findChildren(RetentionWindow) if w.isVisible()]
    return review


def cells(review: RetentionWindow, table: str) -> list[list[str]]:
    model = getattr(review, table).model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def listed_children(window: MainWindow) -> list[str]:
    model = window.view.children_pane.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_review_lists_who_is_past_their_date_and_who_is_held(unlocked, qtmodeltester):
    add_children(unlocked)

    review = open_review(unlocked)

    assert cells(review, "due") == [[PAST, "03/05/2001", "03/05/2026", "6 months"]]
    assert cells(review, "held") == [
        [HELD, "01/02/2026", "Claim notified by the trust's solicitors", "20/11/2026 by Sam Okafor"]
    ]
    for section in (review.due, review.held):
        qtmodeltester.check(section.model)
    assert not review.delete.isEnabled()  # nothing chosen yet


def test_an_empty_review_says_so_calmly(unlocked):
    review = open_review(unlocked)

    assert review.due.empty.text() == NONE_DUE and review.due.empty.isVisible()
    assert review.held.empty.text() == NONE_HELD and not review.held.table.isVisible()


def test_a_hold_needs_a_reason_and_keeps_the_child_off_the_list(unlocked, qtbot, monkeypatch):
    ids = add_children(unlocked)
    warned: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: warned.append(text))
    review = open_review(unlocked)
    review.due.table.selectRow(0)

    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "   ")
    qtbot.mouseClick(review.place_hold, LEFT)
    assert warned == ["Say why the records must be kept: an inquiry, a legal claim."]

    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "Local inquiry into the youth club")
    qtbot.mouseClick(review.place_hold, LEFT)

    assert cells(review, "due") == []
    assert [row[0] for row in cells(review, "held")] == [HELD, PAST]
    assert review.status.text() == "The hold is in place."
    assert unlocked.workspace.retention.review().on_hold[1].child_id == ids[PAST]


def test_lifting_a_hold_puts_the_child_back_on_the_list(unlocked, qtbot, monkeypatch):
    add_children(unlocked)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, yes="": asked.append(text) or True)
    review = open_review(unlocked)
    review.held.table.selectRow(0)

    qtbot.mouseClick(review.lift_hold, LEFT)

    assert "because: Claim notified by the trust's solicitors" in asked[0]
    assert [row[0] for row in cells(review, "due")] == [HELD, PAST]
    assert cells(review, "held") == []


def test_deleting_takes_the_child_out_of_the_main_window(unlocked, qtbot, monkeypatch):
    ids = add_children(unlocked)
    view = unlocked.view
    view.show_child(ids[PAST])
    qtbot.waitUntil(lambda: view.details.child_box.isVisible())
    view.new_concern()  # a form about the child, left open with a draft saved
    form = view.forms[-1]
    qtbot.keyClicks(form.findChild(QWidget, "raised_by"), "Ms Achterberg")
    form.save_draft_now()
    assert len(unlocked.workspace.records.drafts()) == 1
    shown: list[tuple[ReviewChild, ChildRecords, list[str]]] = []

    def typed(
        _parent: QWidget, child: ReviewChild, records: ChildRecords, copies: list[str]
    ) -> str:
        shown.append((child, records, copies))
        return PAST

    monkeypatch.setattr(DeleteConfirmation, "ask", typed)
    review = open_review(unlocked)
    review.due.table.selectRow(0)
    qtbot.mouseClick(review.delete, LEFT)

    [(child, records, copies)] = shown
    assert child.child_id == ids[PAST]
    assert any("backups" in line and "until each is pruned" in line for line in copies)
    assert records.counts[Kept.CONCERN] == 1 and records.counts[Kept.ENTRY] == 1
    assert PAST not in listed_children(unlocked)
    assert sorted(listed_children(unlocked)) == sorted([HELD, YOUNG])
    assert not view.details.child_box.isVisible()
    assert view.chronology.heading.text() == "Chronology"
    assert form not in view.forms
    assert unlocked.workspace.records.drafts() == []
    assert cells(review, "due") == [] and review.status.text() == "The records are deleted."


def test_cancelling_the_confirmation_deletes_nothing(unlocked, qtbot, monkeypatch):
    add_children(unlocked)
    monkeypatch.setattr(DeleteConfirmation, "ask", lambda *_a: None)
    review = open_review(unlocked)
    review.due.table.selectRow(0)

    qtbot.mouseClick(review.delete, LEFT)

    assert PAST in listed_children(unlocked)
    assert [row[0] for row in cells(review, "due")] == [PAST]


@pytest.mark.parametrize(("typed", "enabled"), [("Linnea", False), (PAST, True), ("DELETE", True)])
def test_delete_is_greyed_out_until_the_name_or_delete_is_typed(qtbot, typed, enabled):
    child = ReviewChild(7, PAST, "Lin", date(2001, 5, 3))
    copies = ["2 backups in /data/backups", "a copy of the whole store set aside in /d/x"]
    records = ChildRecords({Kept.CONCERN: 3, Kept.DRAFT: 1})
    dialog = DeleteConfirmation(None, child, records, copies)
    qtbot.addWidget(dialog)

    qtbot.keyClicks(dialog.typed, typed)

    assert dialog.delete.isEnabled() is enabled
    said = dialog.findChild(QWidget, "explanation").text()
    assert "• their details\n  • 3 concerns\n  • 1 unsaved draft" in said
    assert "cannot be undone" in said
    assert "• 2 backups in /data/backups\n  • a copy of the whole store set aside in" in said


def test_locking_closes_the_review_and_leaves_nothing_of_it(unlocked, qtbot):
    add_children(unlocked)
    review = open_review(unlocked)
    assert review.isVisible()

    unlocked.lock_action.trigger()

    assert not unlocked.retention_action.isEnabled()

    def gone() -> bool:
        QApplication.sendPostedEvents(None, 0)  # let Qt delete what was closed
        return not [w for w in QApplication.allWidgets() if isinstance(w, RetentionWindow)]

    qtbot.waitUntil(gone)


def test_the_review_models_pass_qt_checks_with_rows(qtmodeltester):
    for columns in (DUE_COLUMNS, HELD_COLUMNS):
        model = ReviewModel(columns)
        model.show([ReviewChild(1, PAST, "", date(2001, 5, 3))], date(2026, 11, 20))
        qtmodeltester.check(model)


def test_locking_while_the_confirmation_asks_deletes_nothing(unlocked, qtbot, monkeypatch):
    ids = add_children(unlocked)
    review = open_review(unlocked)
    review.due.table.selectRow(0)

    def lock_then_type(*_args: object) -> str:
        unlocked.lock()  # the idle timer fires while the DSL is still reading
        return "DELETE"

    monkeypatch.setattr(DeleteConfirmation, "ask", lock_then_type)
    qtbot.mouseClick(review.delete, LEFT)

    qtbot.keyClicks(unlocked.unlock_page.passphrase, PASSPHRASE)
    qtbot.mouseClick(unlocked.unlock_page.unlock, LEFT)
    assert unlocked.workspace.records.child(ids[PAST]).full_name == PAST
