"""Keyboard only: Enter never saves a record, Ctrl+S does; Ctrl+L locks from any window;
amending asks why first; the child search and the categories work from the keys."""

from __future__ import annotations

from datetime import date, datetime

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from scr_reflect.domain.enums import Category
from scr_reflect.domain.records import Child
from scr_reflect.ui.forms.record_form import REASON
from scr_reflect.ui.reflect.reflect_window import ReflectWindow
from scr_reflect.ui.shared import prompts
from tests.core_fixtures import make_concern
from tests.fictional import PASSPHRASE
from tests.ui.form_driving import (
    field,
    focus,
    new_child_form,
    new_concern_form,
    press,
    retype,
    save,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def child_form(qtbot, window):
    return new_child_form(qtbot, window, "03/09/2014")


def test_enter_in_a_one_line_field_does_not_save_but_ctrl_s_does(unlocked, qtbot):
    form = child_form(qtbot, unlocked)
    focus(qtbot, form)
    year = field(form, "year_group")
    year.setFocus()
    qtbot.keyClicks(year, "Year 7")
    qtbot.keyClick(year, Qt.Key.Key_Return)
    assert form in unlocked.view.forms and form.isVisible()
    assert unlocked.workspace.records.search_children("") == []
    qtbot.keyClick(year, Qt.Key.Key_S, CTRL)
    assert form not in unlocked.view.forms
    assert len(unlocked.workspace.records.search_children("")) == 1


def test_ctrl_enter_saves_too(unlocked, qtbot):
    form = child_form(qtbot, unlocked)
    focus(qtbot, form)
    field(form, "household").setFocus()
    qtbot.keyClick(field(form, "household"), Qt.Key.Key_Return, CTRL)
    assert len(unlocked.workspace.records.search_children("")) == 1


def test_ctrl_l_in_a_form_locks_and_the_draft_is_offered_back(unlocked, qtbot, monkeypatch):
    window = unlocked
    form = new_concern_form(qtbot, window)
    words = field(form, "what_happened")
    words.setFocus()
    qtbot.keyClicks(words, "Ada said her stepdad shouted")
    press(words, Qt.Key.Key_L, CTRL)

    assert window.view is None and window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page
    assert not shiboken6.isValid(form) or not form.isVisible()
    offered: list[str] = []
    monkeypatch.setattr(
        prompts, "confirm", lambda _p, _t, text, _y="": offered.append(text) or True
    )
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert "New concern: Ada Quillfeather" in offered[0]
    assert window.view.forms[-1].value("what_happened") == "Ada said her stepdad shouted"


def test_ctrl_l_on_the_unlock_page_does_nothing_odd(make_window, unlocked, qtbot):
    unlocked.lock()
    press(unlocked.unlock_page.passphrase, Qt.Key.Key_L, CTRL)
    assert unlocked.stack.currentWidget() is unlocked.unlock_page


def test_discard_changes_keeps_them_unless_discard_is_chosen(qtbot):
    box = prompts.discard_question(None, "Discard changes?", "Close the form?")
    qtbot.addWidget(box)
    assert box.defaultButton().text() == "Keep editing"
    assert box.escapeButton() is box.defaultButton()
    roles = {box.buttonRole(b): b.text() for b in box.buttons()}
    assert roles[QMessageBox.ButtonRole.DestructiveRole] == "Discard"


def test_the_amend_form_asks_why_first(unlocked, qtbot):
    form = child_form(qtbot, unlocked)
    save(qtbot, form)
    qtbot.mouseClick(unlocked.view.details.edit_child, Qt.MouseButton.LeftButton)
    amend = unlocked.view.forms[-1]
    first_label = amend.form.itemAt(0, amend.form.ItemRole.LabelRole).widget()
    assert first_label.text() == "Why amend?"
    assert amend.focusWidget() is field(amend, REASON)


def test_enter_or_down_in_the_search_goes_to_the_first_child_found(unlocked, qtbot):
    records = unlocked.workspace.records
    for name in ("Ada Quillfeather", "Bram Oakhollow", "Cai Oakhollow"):
        records.add_child(Child(name, date(2014, 9, 3)))
    children = unlocked.view.children_pane
    children.refresh()
    children.table.clearSelection()
    qtbot.keyClicks(children.search, "oakh")
    qtbot.keyClick(children.search, Qt.Key.Key_Return)
    assert children.model.rowCount() == 2
    assert children.selected_id() == children.model.id_at(0)
    assert (
        unlocked.view.chronology.heading.text()
        == f"Chronology: {children.model.index(0, 0).data()}"
    )

    retype(qtbot, children.search, "quill")
    children.table.clearSelection()
    qtbot.keyClick(children.search, Qt.Key.Key_Down)
    assert children.model.rowCount() == 1
    assert children.selected_id() == children.model.id_at(0)


def test_the_categories_are_one_tab_stop_with_arrow_keys_inside(unlocked, qtbot):
    window = unlocked
    form = new_concern_form(qtbot, window)
    boxes = list(field(form, "categories").boxes.values())
    field(form, "child_words").setFocus()
    qtbot.keyClick(field(form, "child_words"), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is boxes[0]
    qtbot.keyClick(boxes[0], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is boxes[1]
    qtbot.keyClick(boxes[1], Qt.Key.Key_Space)
    assert field(form, "categories").selected() == {list(Category)[1]}
    qtbot.keyClick(boxes[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field(form, "action_taken")
    qtbot.keyClick(field(form, "action_taken"), Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is boxes[1]  # back to the box last visited


def test_ctrl_l_in_reflect_locks_and_keeps_the_answer(unlocked, qtbot):
    window = unlocked
    records = window.workspace.records
    child = records.add_child(Child("Alfie Testperson", date(2021, 5, 1))).child_id
    moment = datetime(2026, 11, 19, 9, 0)
    records.record_concern(make_concern(child, occurred_at=moment, recorded_at=moment))
    window.view.show_child(child)
    window.view.chronology.table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    [reflect] = window.view.findChildren(ReflectWindow)
    answer = reflect.cards[0].answer
    qtbot.keyClicks(answer, "Seen arriving hungry at 8:40.")
    focus(qtbot, reflect)  # its own window: the main window's Lock action does not reach it
    press(answer, Qt.Key.Key_L, CTRL)
    assert window.view is None and not (shiboken6.isValid(reflect) and reflect.isVisible())
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    concern_id = window.workspace.records.concerns_for_child(child)[0].id
    answers = window.workspace.reflection.walkthrough(concern_id).answers
    assert "Seen arriving hungry at 8:40." in [a.text for a in answers.values()]
