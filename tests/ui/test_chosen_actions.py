"""Actions that need a chosen child or concern are greyed out, with the reason on hover, until
one is chosen; problems are said over the records, not only in the status bar."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QToolBar

from scr_reflect.domain.records import Child
from scr_reflect.ui.chosen_actions import NEEDS_CHILD, NEEDS_CONCERN
from tests.ui.caseload import child_with_concern
from tests.ui.test_recording import add_child


def test_child_actions_wait_for_a_child_and_say_why(unlocked):
    window = unlocked
    needs_child = [window.new_concern_action, window.new_entry_action, *window.document_actions[:3]]
    for action in needs_child:
        assert not action.isEnabled()
        assert NEEDS_CHILD in action.toolTip()
    assert not window.reflect_action.isEnabled()
    assert NEEDS_CONCERN in window.reflect_action.toolTip()
    assert window.new_child_action.isEnabled() and window.document_actions[3].isEnabled()
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert menus["&Records"].toolTipsVisible() and menus["&Documents"].toolTipsVisible()

    child, _concern = child_with_concern(window)
    window.view.show_child(child)
    for action in needs_child:
        assert action.isEnabled()
        assert NEEDS_CHILD not in action.toolTip()
    assert not window.reflect_action.isEnabled()

    window.view.chronology.table.selectRow(0)
    assert window.reflect_action.isEnabled()
    assert window.reflect_action.toolTip() == "Reflect on the concern"


def test_locking_greys_them_out(unlocked):
    window = unlocked
    records = window.workspace.records
    child = records.add_child(Child("Ada Quillfeather", date(2014, 9, 3))).child_id
    window.view.show_child(child)
    assert window.new_concern_action.isEnabled()
    window.lock()
    assert not window.new_concern_action.isEnabled()


def test_a_problem_is_said_over_the_records_until_the_next_save(unlocked, qtbot):
    view = unlocked.view
    assert view.notice.isHidden()
    view.report(OSError("the disk is full"))
    assert view.notice.isVisible()
    assert view.notice.text() == unlocked.statusBar().currentMessage() != ""
    add_child(qtbot, unlocked, "Ada Quillfeather")
    assert view.notice.isHidden()


def test_working_shows_in_the_toolbar_not_the_status_bar(unlocked):
    toolbar = unlocked.findChild(QToolBar, "recordsToolbar")
    assert unlocked.busy.parentWidget() is toolbar
