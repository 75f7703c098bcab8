"""The Factors tab: recorded through its form, seen on the timeline with national context."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from scr_reflect.domain.draft_key import DraftKey, FormKind
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.records import Child, Draft
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.shared import prompts
from scr_reflect.ui.tabs.factors_tab import FactorsTab
from scr_reflect.ui.tabs.timeline_axis import Axis, axis_start
from tests.fictional import PASSPHRASE
from tests.ui.form_driving import field, retype, save

LEFT = Qt.MouseButton.LeftButton
COL_WHAT = 2  # the chronology's "What" column


def open_child(window, name: str, born: date, *factors: CumulativeFactor) -> FactorsTab:
    space = window.workspace
    child_id = space.records.add_child(Child(name, born)).child_id
    for factor in factors:
        space.structured.add(replace(factor, child_id=child_id))
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(FactorsTab)
    window.view.tabs.setCurrentWidget(tab)
    return tab


def factor(
    kind: Factor, first_known: date, source: str = "Mother told the DSL"
) -> CumulativeFactor:
    return CumulativeFactor(0, kind, first_known, source)


def chronology_lines(window) -> list[str]:
    model = window.view.chronology.model
    return [model.index(row, COL_WHAT).data() for row in range(model.rowCount())]


def tick(qtbot, box: QWidget) -> None:
    """Click a check box on its indicator (a wide box ignores clicks past its text)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def click_row(qtbot, tab: FactorsTab, factor_id: int) -> None:
    qtbot.mouseClick(tab.timeline, LEFT, pos=tab.timeline.row_rect(factor_id).center())


def test_a_factor_added_through_the_form_shows_on_the_timeline_and_in_the_chronology(
    unlocked, qtbot
):
    window = unlocked
    tab = open_child(window, "Ada Quillfeather", date(2014, 9, 3))
    assert tab.summary.text() == "No factors recorded yet."
    assert "not a score" in tab.findChild(QLabel, "factorsIntro").text()

    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    assert not form.ended_on.isEnabled()  # only when it no longer applies
    kind = field(form, "factor")
    kind.setCurrentIndex(kind.findData(Factor.DOMESTIC_ABUSE.value))
    assert kind.currentText() == "Family: Domestic abuse"
    retype(qtbot, field(form, "first_known"), "14/02/2025")
    qtbot.keyClicks(field(form, "source"), "Operation Encompass notification")
    qtbot.keyClicks(field(form, "notes"), "Police called to the home overnight.")
    save(qtbot, form)

    assert form not in window.view.forms
    [row] = tab.timeline.rows
    assert (row.factor.factor, row.factor.first_known) == (Factor.DOMESTIC_ABUSE, date(2025, 2, 14))
    assert row.context.beside == "59% of SCRs 2014-17"
    assert tab.summary.text() == "1 factor recorded, 1 still applies; first noted 2025"
    assert "Family factor: Domestic abuse (still applies)" in chronology_lines(window)
    assert "Complexity and challenge" in tab.findChild(QLabel, "factorsSource").text()

    click_row(qtbot, tab, row.factor.id)
    assert tab.timeline.selected_id() == row.factor.id
    assert tab.details.values["source"].text() == "Operation Encompass notification"
    assert "164 of the 278 reviews (59%)" in tab.details.values["national"].text()


def test_a_four_year_old_is_told_the_national_figure_counted_only_children_of_six_and_over(
    unlocked, qtbot
):
    tab = open_child(
        unlocked,
        "Bo Lindqvist-Ayo",
        date(2022, 5, 1),
        factor(Factor.CHILD_MENTAL_HEALTH, date(2026, 9, 1), "GP letter"),
        factor(Factor.PARENT_MENTAL_HEALTH, date(2025, 3, 1), "Health visitor"),
    )
    beside = {r.factor.factor: r.context.beside for r in tab.timeline.rows}
    assert beside[Factor.CHILD_MENTAL_HEALTH] == (
        "National figure counted only children aged 6 and over"
    )
    assert beside[Factor.PARENT_MENTAL_HEALTH] == "55% of SCRs 2014-17"
    # Grouped parent or carer first, then child, whatever order they were recorded in.
    assert [r.factor.factor for r in tab.timeline.rows] == [
        Factor.PARENT_MENTAL_HEALTH,
        Factor.CHILD_MENTAL_HEALTH,
    ]
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Down)
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Down)
    national = tab.details.values["national"].text()
    assert "not shown for a child of 4" in national
    assert "half" not in national


def test_amending_a_factor_that_ended_keeps_the_earlier_version(unlocked, qtbot, monkeypatch):
    window = unlocked
    tab = open_child(
        window, "Ada Quillfeather", date(2014, 9, 3), factor(Factor.POVERTY, date(2024, 1, 8))
    )
    [row] = tab.timeline.rows
    click_row(qtbot, tab, row.factor.id)
    qtbot.mouseClick(tab.amend, LEFT)
    form = window.view.forms[-1]
    tick(qtbot, form.still_applies)
    assert form.ended_on.isEnabled()
    retype(qtbot, form.ended_on, "01/07/2026")
    qtbot.keyClicks(field(form, "reason"), "Family moved out of temporary housing")
    save(qtbot, form)

    [row] = tab.timeline.rows
    assert not row.factor.still_applies and row.factor.ended_on == date(2026, 7, 1)
    assert tab.summary.text() == "1 factor recorded, 0 still apply; first noted 2024"
    assert tab.details.values["state"].text() == "No longer applies from 01/07/2026"
    assert tab.details.values["version"].text().startswith("2")
    assert "Family factor: Poverty (no longer applies)" in chronology_lines(window)

    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    qtbot.mouseClick(tab.history, LEFT)
    history = shown[0]
    assert [history.table.horizontalHeaderItem(c).text() for c in range(2)] == ["Version 1", "Now"]
    assert "Family moved out of temporary housing" in history.findChild(QLabel, "summary").text()


def test_unsaved_factor_forms_reopen_after_the_app_closes(
    unlocked, make_window, qtbot, monkeypatch
):
    window = unlocked
    tab = open_child(
        window, "Ada Quillfeather", date(2014, 9, 3), factor(Factor.PARENT_DRUGS, date(2025, 5, 2))
    )
    [row] = tab.timeline.rows
    child_id, factor_id = row.factor.child_id, row.factor.id
    records = window.workspace.records
    records.save_draft(
        Draft(
            DraftKey(FormKind.FACTOR, child_id).text(),
            "New factor: Ada Quillfeather",
            {"factor": Factor.CHILD_BULLYING.value, "source": "Ada told her form tutor"},
        )
    )
    records.save_draft(
        Draft(
            DraftKey(FormKind.FACTOR, child_id, factor_id).text(),
            "Amended factor: Ada Quillfeather",
            {"factor": Factor.PARENT_DRUGS.value, "source": "Police disclosure", "reason": "Wrong"},
        )
    )
    window.close()

    monkeypatch.setattr(prompts, "confirm", lambda *_args: True)
    again = make_window()
    qtbot.keyClicks(again.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(again.unlock_page.passphrase, Qt.Key.Key_Return)

    forms = {form.draft_key: form for form in again.view.forms}
    new = forms[DraftKey(FormKind.FACTOR, child_id).text()]
    assert new.value("factor") == Factor.CHILD_BULLYING.value
    assert new.value("source") == "Ada told her form tutor"
    amend = forms[DraftKey(FormKind.FACTOR, child_id, factor_id).text()]
    assert amend.value("source") == "Police disclosure"
    save(qtbot, amend)
    changed = again.workspace.structured.picture(child_id).factors[0]
    assert (changed.source, changed.version) == ("Police disclosure", 2)


def test_the_axis_labels_years_over_a_long_span_and_months_over_a_short_one():
    long = Axis(date(2019, 9, 1), date(2026, 11, 20)).ticks(300)
    assert all(label.isdigit() for _day, label in long)
    assert long[0] == (date(2020, 1, 1), "2020")
    short = Axis(date(2026, 5, 1), date(2026, 11, 20)).ticks(600)
    assert [label for _day, label in short][:3] == ["May 2026", "Jun", "Jul"]
    narrow = Axis(date(2026, 5, 1), date(2026, 11, 20)).ticks(300)
    assert [label for _day, label in narrow] == ["Jul 2026", "Oct"]
    # Never before the child was born, and at least six months back from today.
    assert axis_start([date(2026, 10, 2)], date(2014, 1, 1), date(2026, 11, 20)) == date(2026, 5, 1)
    assert axis_start([date(2010, 3, 4)], date(2014, 6, 9), date(2026, 11, 20)) == date(2014, 6, 1)
