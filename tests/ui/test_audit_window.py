"""The audit trail window: reached from the Records menu and from a child, filtered by child,
person, action and dates, and gone when the window locks. Opening a child is logged once."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.changes import ChangeSet
from scr_reflect.domain.records import Child, SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.safety.audit_model import COL_ACTION, COL_CHILD, COL_RECORD, COL_WHO, AuditModel
from scr_reflect.ui.safety.audit_window import AuditWindow
from scr_reflect.ui.shared.task_runner import SyncRunner
from tests.ui.form_driving import retype
from tests.ui.test_idle_lock import anywhere, on_screen

NAME, OTHER = "Marigold Featherstonehaugh", "Tobias Quennell-Ashby"
SHOTS = Path("/tmp/shots")


def add_children(window: MainWindow) -> tuple[int, int]:
    assert window.workspace is not None and window.view is not None
    records = window.workspace.records
    first = records.add_child(Child(NAME, date(2016, 3, 9), year_group="Year 5")).child_id
    second = records.add_child(Child(OTHER, date(2014, 1, 2), year_group="Year 7")).child_id
    assert first is not None and second is not None
    window.view.children_pane.refresh()
    return first, second


def views(window: MainWindow) -> list[int | None]:
    assert window.workspace is not None
    audit = window.workspace.audit
    seqs = audit.seqs(AuditFilter(action=AuditAction.VIEW))
    return [e.child_id for e in reversed(audit.entries(seqs))]


def column(opened: AuditWindow, number: int) -> list[str]:
    model = opened.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def open_from_menu(window: MainWindow) -> AuditWindow:
    [records] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Records"]
    [action] = [a for a in records.actions() if a.text() == "&Audit trail…"]
    action.trigger()
    [opened] = window.findChildren(AuditWindow)
    return opened


def test_the_model_passes_qt_checks(qtmodeltester) -> None:
    clock = FixedClock(datetime(2026, 11, 20, 9))
    ws = workspace.in_memory(SchoolProfile("Riverside Academy", "Sam Okafor"), clock)
    try:
        child = ws.records.add_child(Child(NAME, date(2016, 3, 9))).child_id
        ws.audit.record(AuditAction.VIEW, child_id=child, record_type="child", record_id=child)
        ws.audit.record(AuditAction.VIEW, child_id=404)
        model = AuditModel(SyncRunner(), ws.audit.lines, pytest.fail)
        model.set_ids(ws.audit.seqs(AuditFilter()))
        qtmodeltester.check(model)
        assert [model.index(r, COL_CHILD).data() for r in range(3)] == [
            "Child 404 (no longer in the records)",
            NAME,
            NAME,
        ]
        assert model.index(1, COL_ACTION).data() == "View"
        assert model.index(2, COL_RECORD).data() == "child 1"
    finally:
        ws.close()


def test_opening_a_child_is_one_view_however_often_it_refreshes(unlocked) -> None:
    first, second = add_children(unlocked)
    view = unlocked.view
    view.show_child(first)
    view.apply(ChangeSet(children=True, chronology=True, child_id=first))  # a save refreshes
    view.children_pane.refresh(select_id=first)
    assert views(unlocked) == [first]
    view.show_child(second)
    view.show_child(first)
    assert views(unlocked) == [first, second, first]


def test_the_records_menu_opens_the_whole_trail_and_its_filters_narrow_it(unlocked, qtbot):
    first, second = add_children(unlocked)
    unlocked.view.show_child(first)
    opened = open_from_menu(unlocked)
    qtbot.waitExposed(opened)
    assert column(opened, COL_ACTION) == ["View", "Create", "Create"]
    assert column(opened, COL_WHO) == ["Sam Okafor"] * 3
    assert opened.count.text() == "3 entries"
    SHOTS.mkdir(exist_ok=True)
    opened.grab().save(str(SHOTS / "audit_window.png"))

    opened.action.setCurrentIndex(opened.action.findData(AuditAction.CREATE.value))
    assert column(opened, COL_CHILD) == [OTHER, NAME]
    opened.child.setCurrentIndex(opened.child.findData(second))
    assert column(opened, COL_CHILD) == [OTHER]
    opened.person.setCurrentIndex(opened.person.findText("Sam Okafor"))
    assert opened.count.text() == "1 entry"
    retype(qtbot, opened.date_from, "21/11/2026")
    assert column(opened, COL_CHILD) == [] and opened.count.text() == "No entries match."
    retype(qtbot, opened.date_to, "01/11/2026")
    assert opened.problem.isVisible() and "after" in opened.problem.text()


def test_a_child_opens_the_trail_of_their_records_only(unlocked, qtbot) -> None:
    _first, second = add_children(unlocked)
    unlocked.view.show_child(second)
    qtbot.mouseClick(unlocked.view.details.child_audit, Qt.MouseButton.LeftButton)
    [opened] = unlocked.findChildren(AuditWindow)
    assert opened.child.currentData() == second and opened.child.currentText() == OTHER
    assert column(opened, COL_ACTION) == ["View", "Create"]
    assert set(column(opened, COL_CHILD)) == {OTHER}


def test_locking_closes_the_trail_and_nothing_of_it_stays_on_screen(unlocked, qtbot) -> None:
    first, _second = add_children(unlocked)
    unlocked.view.show_child(first)
    opened = open_from_menu(unlocked)
    assert NAME in on_screen()

    qtbot.keyClick(unlocked, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert not opened.isVisible()
    assert NAME not in on_screen()
    qtbot.waitUntil(lambda: NAME not in anywhere())
    assert not unlocked.audit_action.isEnabled()
