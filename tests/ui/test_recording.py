"""Record a child and a concern, see them in the chronology, amend with history kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from scr_reflect.domain.enums import Category, EntryKind
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from tests.ui.form_driving import field, retype, save

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def add_child(qtbot, window, name: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = window.view.forms[-1]
    qtbot.keyClicks(field(form, "full_name"), name)
    retype(qtbot, field(form, "date_of_birth"), "03/09/2014")
    qtbot.keyClicks(field(form, "year_group"), "Year 7")
    qtbot.keyClicks(field(form, "sex"), "Female")
    save(qtbot, form)


def test_add_child_then_concern_appears_in_chronology_with_the_childs_words(unlocked, qtbot):
    window = unlocked
    add_child(qtbot, window, "Ada Quillfeather")
    assert window.view.children_pane.model.rowCount() == 1
    assert window.view.children_pane.selected_id() is not None
    assert window.view.details.child_box.values["sex"].text() == "Female"

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.view.forms[-1]
    retype(qtbot, field(form, "occurred_at"), "19/11/2026 10:15")
    qtbot.keyClicks(field(form, "raised_by"), "Mr Lewin, PE teacher")
    qtbot.keyClicks(field(form, "what_happened"), "Fingertip bruising seen on upper arm.")
    qtbot.keyClicks(field(form, "child_words"), "I fell off my bike, don't tell")
    qtbot.mouseClick(field(form, "categories").boxes[Category.PHYSICAL], LEFT)
    save(qtbot, form)

    chronology = window.view.chronology
    assert chronology.model.rowCount() == 1
    assert chronology.model.index(0, 0).data() == "19/11/2026 10:15"
    assert "Fingertip bruising" in chronology.model.index(0, 2).data()
    chronology.table.selectRow(0)
    details = window.view.details
    assert details.entry_box.values["child_words"].text() == "“I fell off my bike, don't tell”"
    assert details.entry_box.values["raised_by"].text() == "Mr Lewin, PE teacher"
    assert window.view.children_pane.model.index(0, 2).data() == "1"  # one open concern


def test_invalid_concern_names_each_problem_and_keeps_the_text(unlocked, qtbot):
    window = unlocked
    add_child(qtbot, window, "Ada Quillfeather")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.view.forms[-1]
    qtbot.keyClicks(field(form, "what_happened"), "Said she was scared to go home.")
    save(qtbot, form)

    assert form.isVisible()
    assert "Say who raised the concern." in form.problems.text()
    assert "Choose at least one category." in form.problems.text()
    assert form.value("what_happened") == "Said she was scared to go home."
    assert window.view.chronology.model.rowCount() == 0


def test_amending_keeps_the_earlier_version_and_asks_why(unlocked, qtbot, monkeypatch):
    window = unlocked
    add_child(qtbot, window, "Ada Quillfeather")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = window.view.forms[-1]
    kind = field(form, "kind")
    kind.setCurrentIndex(kind.findData(EntryKind.CONTACT.value))
    qtbot.keyClicks(field(form, "title"), "Phoned mother")
    qtbot.keyClicks(field(form, "body"), "Mother said Ada was at her aunt's on Friday.")
    save(qtbot, form)
    window.view.chronology.table.selectRow(0)
    assert window.view.chronology.model.index(0, 1).data() == "Contact"

    qtbot.mouseClick(window.view.details.amend_entry, LEFT)
    amend = window.view.forms[-1]
    field(amend, "title").clear()
    qtbot.keyClicks(field(amend, "title"), "Phoned mother: no answer, voicemail left")
    save(qtbot, amend)
    assert "Say why the record is being amended." in amend.problems.text()
    qtbot.keyClicks(field(amend, "reason"), "Wrong call recorded")
    save(qtbot, amend)
    assert amend not in window.view.forms
    assert window.view.details.entry_box.values["version"].text().startswith("2")

    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    qtbot.mouseClick(window.view.details.entry_history, LEFT)
    history = shown[0]
    assert [history.table.horizontalHeaderItem(c).text() for c in range(2)] == ["Version 1", "Now"]
    title_row = [
        history.table.verticalHeaderItem(r).text() for r in range(history.table.rowCount())
    ].index("Title")
    assert history.table.item(title_row, 0).text() == "Phoned mother"
    assert history.table.item(title_row, 1).text() == "Phoned mother: no answer, voicemail left"
    assert "Wrong call recorded" in history.findChild(QLabel, "summary").text()
    assert "Sam Okafor" in history.findChild(QLabel, "summary").text()


def test_search_as_you_type_and_filter_by_type(unlocked, qtbot):
    window = unlocked
    add_child(qtbot, window, "Ada Quillfeather")
    add_child(qtbot, window, "Bram Oakhollow")
    children = window.view.children_pane
    assert children.model.rowCount() == 2
    qtbot.keyClicks(children.search, "oakh")
    qtbot.waitUntil(lambda: children.model.rowCount() == 1)
    assert children.model.index(0, 0).data() == "Bram Oakhollow"

    first_row = children.table.visualRect(children.model.index(0, 0)).center()
    qtbot.mouseClick(children.table.viewport(), LEFT, pos=first_row)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = window.view.forms[-1]
    qtbot.keyClicks(field(form, "title"), "Spoke to Bram about lunchtimes")
    save(qtbot, form)
    chronology = window.view.chronology
    assert chronology.model.rowCount() == 1
    chronology.kind.setCurrentIndex(chronology.kind.findData(EntryKind.CONCERN.value))
    assert chronology.model.rowCount() == 0
    chronology.kind.setCurrentIndex(chronology.kind.findData(EntryKind.NOTE.value))
    assert chronology.model.rowCount() == 1
    retype(qtbot, chronology.date_to, "01/01/2000")
    assert chronology.model.rowCount() == 0
