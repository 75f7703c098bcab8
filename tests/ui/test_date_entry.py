"""Dates are typed as dd/mm/yyyy into the real boxes, and what is saved is what was typed."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.records import Child
from scr_reflect.ui.shared.date_field import DateField
from tests.ui.form_driving import field, new_child_form, retype, save

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def saved_birthday(window) -> date:
    child_id = window.view.children_pane.selected_id()
    return window.workspace.records.child(child_id).date_of_birth


def test_a_date_of_birth_typed_in_full_is_saved_as_typed_and_echoed_as_an_age(unlocked, qtbot):
    form = new_child_form(qtbot, unlocked)
    dob = field(form, "date_of_birth")
    assert dob.text() == "" and dob.placeholderText() == "dd/mm/yyyy"  # nothing guessed
    qtbot.keyClicks(dob, "14/03/2012")
    assert dob.note.text() == "(age 14)"  # the window's clock says 20/11/2026
    save(qtbot, form)
    assert saved_birthday(unlocked) == date(2012, 3, 14)


def test_a_short_day_and_month_are_read_day_first(unlocked, qtbot):
    form = new_child_form(qtbot, unlocked)
    qtbot.keyClicks(field(form, "date_of_birth"), "4/3/2012")
    save(qtbot, form)
    assert saved_birthday(unlocked) == date(2012, 3, 4)


def test_an_impossible_date_is_refused_with_a_message_and_nothing_saved(unlocked, qtbot):
    form = new_child_form(qtbot, unlocked)
    dob = field(form, "date_of_birth")
    qtbot.keyClicks(dob, "31/02/2012")
    qtbot.keyClick(dob, Qt.Key.Key_Return)  # done typing: what is wrong is said beside it
    assert "no such date as 31/02/2012" in dob.note.text()
    save(qtbot, form)
    assert form.isVisible()
    assert "Date of birth: there is no such date as 31/02/2012." in form.problems.text()
    assert unlocked.workspace.records.search_children("") == []
    assert dob.text() == "31/02/2012"  # kept to be put right


def test_a_two_digit_year_is_refused_rather_than_guessed(unlocked, qtbot):
    form = new_child_form(qtbot, unlocked)
    qtbot.keyClicks(field(form, "date_of_birth"), "14/03/12")
    save(qtbot, form)
    assert "type the year in full" in form.problems.text()
    assert unlocked.workspace.records.search_children("") == []


def test_a_date_of_birth_is_required(unlocked, qtbot):
    form = new_child_form(qtbot, unlocked)
    save(qtbot, form)
    assert form.isVisible()
    assert "Date of birth: enter it as dd/mm/yyyy." in form.problems.text()
    assert unlocked.workspace.records.search_children("") == []


def test_a_concern_is_saved_at_the_day_and_time_typed(unlocked, qtbot):
    window = unlocked
    child_id = window.workspace.records.add_child(Child("Ada Quillfeather", date(2014, 9, 3)))
    window.view.show_child(child_id.child_id)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.view.forms[-1]
    when = field(form, "occurred_at")
    assert when.placeholderText() == "dd/mm/yyyy hh:mm"
    retype(qtbot, when, "31/02/2026 10:15")
    qtbot.keyClicks(field(form, "raised_by"), "Mr Lewin, PE teacher")
    qtbot.keyClicks(field(form, "what_happened"), "Bruising seen on the upper arm.")
    qtbot.mouseClick(
        field(form, "categories").boxes[next(iter(field(form, "categories").boxes))],
        Qt.MouseButton.LeftButton,
    )
    save(qtbot, form)
    assert "When it happened: there is no such date" in form.problems.text()
    assert window.workspace.records.concerns_for_child(child_id.child_id) == []
    retype(qtbot, when, "4/11/2026 9:05")
    save(qtbot, form)
    [concern] = window.workspace.records.concerns_for_child(child_id.child_id)
    assert concern.occurred_at == datetime(2026, 11, 4, 9, 5)


def test_the_date_filters_read_typed_dates_and_say_when_one_cannot_be_read(unlocked, qtbot):
    window = unlocked
    records = window.workspace.records
    child_id = records.add_child(Child("Ada Quillfeather", date(2014, 9, 3))).child_id
    window.view.show_child(child_id)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)
    form = window.view.forms[-1]
    retype(qtbot, field(form, "occurred_at"), "10/11/2026 09:00")
    qtbot.keyClicks(field(form, "title"), "Spoke to Ada about lunchtimes")
    save(qtbot, form)
    chronology = window.view.chronology
    assert chronology.model.rowCount() == 1

    qtbot.keyClicks(chronology.date_from, "31/02/2026")
    qtbot.keyClick(chronology.date_from, Qt.Key.Key_Return)
    assert chronology.problem.isVisible()
    assert "The From date cannot be read" in chronology.problem.text()
    assert chronology.model.rowCount() == 1  # the list stays as it was meanwhile

    retype(qtbot, chronology.date_from, "11/11/2026")
    assert not chronology.problem.isVisible()
    assert chronology.model.rowCount() == 0
    retype(qtbot, chronology.date_from, "9/11/2026")
    assert chronology.model.rowCount() == 1
    chronology.date_from.clear()  # empty: no limit on that side
    retype(qtbot, chronology.date_to, "9/11/2026")
    assert chronology.model.rowCount() == 0


def test_an_entry_typed_with_a_date_alone_keeps_its_time_not_known(unlocked, qtbot):
    window = unlocked
    records = window.workspace.records
    child_id = records.add_child(Child("Ada Quillfeather", date(2014, 9, 3))).child_id
    window.view.show_child(child_id)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | SHIFT)
    form = window.view.forms[-1]
    retype(qtbot, field(form, "occurred_at"), "10/11/2026")
    qtbot.keyClicks(field(form, "title"), "Aunt phoned about the weekend")
    save(qtbot, form)
    [entry] = records.entries(records.entry_ids(child_id, ChronologyFilter()))
    assert entry.occurred_at.date() == date(2026, 11, 10) and not entry.time_known
    assert window.view.chronology.model.index(0, 0).data() == "10/11/2026"
    window.view.chronology.table.selectRow(0)
    qtbot.waitUntil(lambda: window.view.details.entry_box.values["when"].text() == "10/11/2026")
    qtbot.mouseClick(window.view.details.amend_entry, Qt.MouseButton.LeftButton)
    assert field(window.view.forms[-1], "occurred_at").text() == "10/11/2026"


def test_a_date_alone_comes_back_from_a_draft_as_a_date_alone(qtbot):
    typed = DateField(None, with_time=True, time_optional=True)
    reopened = DateField(None, with_time=True, time_optional=True)
    for text, kept in (("10/11/2026", "2026-11-10"), ("10/11/2026 14:30", "2026-11-10T14:30:00")):
        typed.setText(text)
        assert typed.text_value() == kept
        reopened.set_text_value(kept)
        assert reopened.text() == text
