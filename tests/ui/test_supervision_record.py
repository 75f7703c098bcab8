"""A supervision session saved back into the tool appears in each child's chronology."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import Category, EntryKind
from scr_reflect.domain.records import Child, Concern
from scr_reflect.ui.documents.child_picker import ChildPicker

LEFT = Qt.MouseButton.LeftButton


def add_case(records, name: str) -> int:
    child = records.add_child(Child(name, date(2013, 1, 5))).child_id
    records.record_concern(
        Concern(
            child,
            datetime(2026, 11, 18, 9),
            datetime(2026, 11, 18, 9),
            "Ms Ferreira, tutor",
            "Seen upset at registration.",
            frozenset({Category.EMOTIONAL}),
        )
    )
    return child


def test_a_session_is_written_to_each_child_ticked(unlocked, qtbot):
    window = unlocked
    records = window.workspace.records
    ada, bram = add_case(records, "Ada Quillfeather"), add_case(records, "Bram Oakhollow")
    records.add_child(Child("Cleo Nocase", date(2014, 2, 2)))  # no open concern: not offered

    window.view.supervision.open()
    form = window.view.forms[-1]
    picker = form.findChild(ChildPicker)
    assert picker.count() == 2
    save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(form.findChild(QWidget, "supervisor"), "Jo Marsh, head of safeguarding")
    qtbot.keyClicks(form.findChild(QWidget, "discussed"), "Whether to refer again.")
    qtbot.mouseClick(save, LEFT)
    assert "Choose at least one child" in form.problems.text()

    picker.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(form.findChild(QWidget, "agreed"), "Refer by Friday.")
    qtbot.mouseClick(save, LEFT)
    assert form not in window.view.forms

    def supervision_lines(child: int):
        entries = records.entries(records.entry_ids(child, ChronologyFilter()))
        return [e for e in entries if e.kind is EntryKind.SUPERVISION]

    [line] = supervision_lines(ada)
    assert line.title == "Supervision with Jo Marsh, head of safeguarding"
    assert "Agreed: Refer by Friday." in line.body
    assert supervision_lines(bram) == []
