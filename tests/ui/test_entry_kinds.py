"""The chronology form offers notes, contacts and meetings; an older line keeps its kind."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.records import Child, ChronologyEntry
from tests.store_access import store_of

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def kinds_offered(form: QWidget) -> list[str]:
    box = form.findChild(QWidget, "kind")
    return [box.itemData(i) for i in range(box.count())]


def test_a_new_entry_is_a_note_contact_or_meeting(unlocked, qtbot):
    window = unlocked
    added = window.workspace.records.add_child(Child("Ada Quillfeather", date(2014, 9, 3)))
    window.view.show_child(added.child_id)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)

    assert kinds_offered(window.view.forms[-1]) == ["note", "contact", "meeting"]


def test_amending_a_line_typed_before_records_existed_keeps_its_kind(unlocked, qtbot):
    window = unlocked
    added = window.workspace.records.add_child(Child("Ada Quillfeather", date(2014, 9, 3)))
    old = ChronologyEntry(
        added.child_id, EntryKind.REFERRAL, datetime(2026, 11, 2, 14, 0), "Referral to CSC"
    )
    store_of(window.workspace).repository.add_entry(old)  # as an older version let a DSL type it
    window.view.show_child(added.child_id)
    window.view.chronology.table.selectRow(0)

    qtbot.mouseClick(window.view.details.amend_entry, Qt.MouseButton.LeftButton)

    form = window.view.forms[-1]
    assert kinds_offered(form) == ["note", "contact", "meeting", "referral"]
    assert form.value("kind") == "referral"
