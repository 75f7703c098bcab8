"""Missing from education and part-day absence through the window: the kind is chosen, what
the school was told is checked, a day alone is kept without a time, and amending keeps the
earlier version. Kept apart from the missing episodes. Every name is fictional.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from scr_reflect.domain.education import AbsenceKind, EducationAbsence, WhereaboutsCheck
from scr_reflect.domain.enums import RecordType
from scr_reflect.domain.field_words import words_for
from scr_reflect.domain.records import Child
from scr_reflect.ui.chronology_model import COL_KIND, COL_TITLE, COL_WHEN
from scr_reflect.ui.forms.education_form import EducationForm
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.tabs.education_model import COL_FROM, COL_TO
from scr_reflect.ui.tabs.education_model import COL_KIND as COL_ABSENCE
from scr_reflect.ui.tabs.education_tab import EducationTab
from scr_reflect.ui.tabs.missing_tab import MissingTab
from tests.ui.form_driving import choose, field, retype, save

LEFT = Qt.MouseButton.LeftButton


def open_tab(window) -> tuple[int, EducationTab]:
    records = window.workspace.records
    child_id = records.add_child(Child("Tamsin Ortega-Blythe", date(2011, 5, 9))).child_id
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(EducationTab)
    window.view.tabs.setCurrentWidget(tab)
    return child_id, tab


def tick(qtbot, box: QWidget) -> None:
    """Click a check box on its indicator (a wide box ignores clicks past its text)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def chronology_rows(window) -> list[tuple[str, str, str]]:
    model = window.view.chronology.model
    return [
        tuple(model.index(row, col).data() for col in (COL_WHEN, COL_KIND, COL_TITLE))
        for row in range(model.rowCount())
    ]


def test_an_absence_needs_its_kind_and_what_was_said_checked_before_it_is_saved(unlocked, qtbot):
    window = unlocked
    _child_id, tab = open_tab(window)
    assert "apart from going missing from home" in tab.findChild(QLabel, "educationIntro").text()
    assert tab.empty.isVisible()

    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, EducationForm)
    retype(qtbot, field(form, "started_at"), "18/11/2026")  # the day, not the time
    retype(qtbot, field(form, "ended_at"), "18/11/2026 15:20")
    qtbot.keyClicks(field(form, "said_by"), "Two friends in her tutor group")
    save(qtbot, form)
    assert "Choose the kind of absence." in form.problems.text()

    choose(form, "kind", AbsenceKind.MISSED_LESSONS.value)
    choose(form, "checked", WhereaboutsCheck.NOT_CONFIRMED.value)
    save(qtbot, form)
    assert "Say where the child was said to be." in form.problems.text()
    assert "Say how it was checked, and by whom." in form.problems.text()
    assert form.value("said_by") == "Two friends in her tutor group"  # nothing typed is lost

    qtbot.keyClicks(field(form, "said_to_be"), "In the library")
    qtbot.keyClicks(field(form, "check_notes"), "The librarian had not seen her")
    tick(qtbot, field(form, "la_told"))
    retype(qtbot, field(form, "la_told_on"), "19/11/2026")
    save(qtbot, form)

    assert form not in window.view.forms
    assert tab.model.index(0, COL_FROM).data() == "18/11/2026"
    assert tab.model.index(0, COL_TO).data() == "18/11/2026 15:20"
    assert tab.model.index(0, COL_ABSENCE).data() == "Part-day: missed lessons"
    assert tab.details.values["la"].text() == "19/11/2026"
    assert ("18/11/2026", "Education absence") in [row[:2] for row in chronology_rows(window)]
    # Not a missing episode: the Missing tab has none.
    missing = window.view.tabs.tab(MissingTab)
    window.view.tabs.setCurrentWidget(missing)
    assert window.workspace.structured.picture(_child_id).missing == ()


def test_amending_an_absence_keeps_the_earlier_version(unlocked, qtbot, monkeypatch):
    window = unlocked
    child_id, tab = open_tab(window)
    window.workspace.structured.add(
        EducationAbsence(
            child_id,
            AbsenceKind.WHEREABOUTS_UNKNOWN,
            datetime(2026, 11, 2, 9, 0),
            start_time_known=False,
            notes="Not in since half term; phone off.",
        )
    )
    window.view.open_child(child_id)
    assert tab.model.index(0, COL_TO).data() == "Still going on"
    assert tab.details.values["la"].text() == "Not told"
    assert tab.details.values["la"].property("attention")  # missing education, LA not told

    qtbot.mouseClick(tab.amend, LEFT)
    form = window.view.forms[-1]
    assert form.value("started_at") == "2026-11-02"  # still a day without a time
    assert form.value("ongoing") == "yes"
    qtbot.keyClicks(field(form, "said_to_be"), "Staying with an aunt in another town")
    qtbot.keyClicks(field(form, "said_by"), "Her mother, at a home visit")
    tick(qtbot, field(form, "la_told"))
    retype(qtbot, field(form, "la_told_on"), "16/11/2026")
    qtbot.keyClicks(field(form, "reason"), "Home visit found where she was said to be")
    save(qtbot, form)

    assert form not in window.view.forms
    assert tab.details.values["said"].text() == (
        "Staying with an aunt in another town (not checked)"
    )
    assert tab.details.values["version"].text().startswith("2")
    assert not tab.details.values["la"].property("attention")
    (stored,) = window.workspace.structured.picture(child_id).education
    assert stored.la_told_on == date(2026, 11, 16) and not stored.start_time_known
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    qtbot.mouseClick(tab.history, LEFT)
    assert "Home visit found where she was said to be" in (
        shown[0].findChild(QLabel, "summary").text()
    )
    assert stored.id is not None
    history = window.workspace.records.history(RecordType.EDUCATION, stored.id)
    assert [v.fields["said_to_be"] for v in history.earlier] == [""]


def test_a_kept_version_reads_the_chosen_kind_and_check_in_words() -> None:
    absence = words_for(RecordType.EDUCATION)
    assert absence("kind", "left_site") == "Part-day absence: left the school site"
    assert words_for(RecordType.ENTRY)("kind", "note") == "Note"  # a chronology line's kind
    assert absence("checked", "confirmed") == "Checked: it was so"
