"""Information-sharing decisions through the window: a decision not to share needs its
reasons and why the family were not told; decisions list newest first; amend keeps history.

Every name is fictional.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from scr_reflect.domain.records import Child
from scr_reflect.domain.sharing import LawfulBasis, SharingDecision
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.forms.sharing_form import SharingForm
from scr_reflect.ui.shared import prompts
from scr_reflect.ui.tabs.sharing_model import COL_DECISION, COL_WHEN, COL_WITH
from scr_reflect.ui.tabs.sharing_tab import SharingTab
from tests.fictional import PASSPHRASE
from tests.ui.form_driving import choose, field, save

LEFT = Qt.MouseButton.LeftButton


def open_tab(window) -> tuple[int, SharingTab]:
    records = window.workspace.records
    child_id = records.add_child(Child("Noor Fenwick-Ashby", date(2011, 2, 14))).child_id
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(SharingTab)
    window.view.tabs.setCurrentWidget(tab)
    return child_id, tab


def decision(child_id: int, decided_at: datetime, with_whom: str) -> SharingDecision:
    return SharingDecision(
        child_id,
        decided_at,
        True,
        with_whom,
        "Attendance and the bruise seen on 02/11",
        "To inform the health assessment",
        LawfulBasis.PUBLIC_TASK,
        True,
    )


def test_a_decision_not_to_share_needs_its_reasons_and_why_the_family_were_not_told(
    unlocked, qtbot
):
    window = unlocked
    _child_id, tab = open_tab(window)
    assert "supports it" in tab.findChild(QLabel, "sharingIntro").text()

    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    assert isinstance(form, SharingForm)
    qtbot.keyClicks(field(form, "with_whom"), "Housing officer")
    qtbot.keyClicks(field(form, "what"), "The mother's new address")
    save(qtbot, form)
    assert "Choose whether the information was shared." in form.problems.text()
    assert "Choose whether the child and family were told." in form.problems.text()

    choose(form, "shared", "no")
    choose(form, "family_told", "no")
    save(qtbot, form)
    assert "Record the reasons for the decision." in form.problems.text()
    assert "Say why the child and family were not told." in form.problems.text()
    assert form.value("what") == "The mother's new address"  # nothing typed is lost

    qtbot.keyClicks(field(form, "why"), "Not needed for the housing review")
    qtbot.keyClicks(field(form, "why_not_told"), "Mother would move again without notice")
    save(qtbot, form)

    assert form not in window.view.forms
    assert tab.model.index(0, COL_DECISION).data() == "Not shared"
    assert tab.details.values["told"].text() == ("Not told: Mother would move again without notice")
    titles = [
        window.view.chronology.model.index(row, 2).data()
        for row in range(window.view.chronology.model.rowCount())
    ]
    assert "Decided not to share with Housing officer" in titles


def test_decisions_list_newest_first_and_amending_keeps_the_earlier_version(
    unlocked, qtbot, qtmodeltester, monkeypatch
):
    window = unlocked
    child_id, tab = open_tab(window)
    structured = window.workspace.structured
    structured.add(decision(child_id, datetime(2026, 10, 1, 9, 0), "School nurse"))
    structured.add(decision(child_id, datetime(2026, 11, 3, 14, 0), "Health visitor"))
    window.view.open_child(child_id)

    qtmodeltester.check(tab.model)
    assert tab.model.index(0, COL_WHEN).data() == "03/11/2026 14:00"
    assert tab.model.index(1, COL_WITH).data() == "School nurse"
    tab.table.selectRow(1)
    qtbot.mouseClick(tab.amend, LEFT)
    form = window.view.forms[-1]
    field(form, "with_whom").clear()
    qtbot.keyClicks(field(form, "with_whom"), "School nurse and GP")
    qtbot.keyClicks(field(form, "reason"), "The GP was copied in")
    save(qtbot, form)

    assert tab.details.values["with_whom"].text() == "School nurse and GP"
    assert tab.details.values["version"].text().startswith("2")
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    qtbot.mouseClick(tab.history, LEFT)
    assert "The GP was copied in" in shown[0].findChild(QLabel, "summary").text()


def test_an_unsaved_sharing_decision_is_offered_back(unlocked, make_window, qtbot, monkeypatch):
    window = unlocked
    _child_id, tab = open_tab(window)
    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    qtbot.keyClicks(field(form, "with_whom"), "Police early intervention officer")
    form.save_draft_now()
    window.close()

    monkeypatch.setattr(prompts, "confirm", lambda *_args: True)
    again = make_window()
    qtbot.keyClicks(again.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(again.unlock_page.passphrase, Qt.Key.Key_Return)
    reopened = again.view.forms[-1]
    assert isinstance(reopened, SharingForm)
    assert reopened.value("with_whom") == "Police early intervention officer"
