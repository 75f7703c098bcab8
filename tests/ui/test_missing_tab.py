"""The Missing tab: the pattern in words, each episode's return home interview, amendments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from scr_reflect.domain.draft_key import DraftKey, FormKind
from scr_reflect.domain.missing import (
    InterviewOffer,
    InterviewOutcome,
    MissingEpisode,
    missing_pattern,
    with_interview_dates,
)
from scr_reflect.domain.records import Child, Draft
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.tabs.missing_model import (
    COL_DURATION,
    COL_INTERVIEW,
    COL_RETURNED,
    duration_text,
    interview_text,
    pattern_lines,
)
from scr_reflect.ui.tabs.missing_tab import MissingTab
from tests.ui.form_driving import field, retype, save

LEFT = Qt.MouseButton.LeftButton


def choose(qtbot, box: QWidget, label: str) -> None:
    """Pick a choice with the keyboard, as a DSL would: focus the box, type its first letters."""
    box.setFocus()
    qtbot.keyClicks(box, label)
    assert box.currentText() == label


def tick(qtbot, box: QWidget) -> None:
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def when(day: datetime) -> str:
    return day.strftime("%d/%m/%Y %H:%M")


def open_child(window, *episodes: MissingEpisode, born: date = date(2011, 6, 1)) -> MissingTab:
    space = window.workspace
    child_id = space.records.add_child(Child("Kit Marlowe-Essien", born)).child_id
    for episode in episodes:
        space.structured.add(replace(episode, child_id=child_id))
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(MissingTab)
    window.view.tabs.setCurrentWidget(tab)
    return tab


def episode(started: datetime, ended: datetime | None, **fields) -> MissingEpisode:
    return MissingEpisode(0, started, ended, **fields)


def column(tab: MissingTab, col: int) -> list[str]:
    return [tab.model.index(row, col).data() for row in range(tab.model.rowCount())]


def record(qtbot, window, tab, started: datetime, ended: datetime, found: str) -> None:
    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    retype(qtbot, field(form, "started_at"), when(started))
    retype(qtbot, field(form, "ended_at"), when(ended))
    qtbot.keyClicks(field(form, "found_where"), found)
    qtbot.keyClicks(field(form, "reported_by"), "Mother, to police")
    qtbot.keyClicks(field(form, "police_reference"), "MP/26/0101")
    save(qtbot, form)
    assert form not in window.view.forms


def test_three_episodes_in_two_months_read_as_more_often_and_longer(unlocked, qtbot, qtmodeltester):
    window = unlocked
    tab = open_child(window)  # 15 years old
    assert tab.pattern.text() == "No missing episodes recorded."
    record(qtbot, window, tab, datetime(2026, 9, 25, 20, 0), datetime(2026, 9, 25, 23, 0), "Park")
    record(qtbot, window, tab, datetime(2026, 10, 20, 19, 0), datetime(2026, 10, 21, 3, 0), "Town")
    record(qtbot, window, tab, datetime(2026, 11, 10, 18, 0), datetime(2026, 11, 12, 0, 0), "Flat")

    lines = tab.pattern.text().splitlines()
    assert lines[0] == "Missing episodes: 3 in the last 90 days, 0 in the 90 days before."
    assert lines[1] == "More often than in the 90 days before."
    assert lines[2] == "The latest episode lasted longer than the ones before it."
    assert not tab.missing_now.isVisible()
    assert column(tab, COL_DURATION) == ["1 day 6 h", "8 h 0 min", "3 h 0 min"]  # newest first
    qtmodeltester.check(tab.model)
    newest_line = window.view.chronology.model.index(0, 2).data()
    assert newest_line.startswith("Missing episode: returned 12/11/2026 00:00; found at Flat")


def test_the_72_hour_window_for_the_return_home_interview(unlocked, qtmodeltester):
    # The clock reads 20/11/2026 09:30.
    tab = open_child(
        unlocked,
        episode(datetime(2026, 11, 1, 8, 0), datetime(2026, 11, 1, 12, 0), **held(3)),
        episode(
            datetime(2026, 11, 13, 22, 0),
            datetime(2026, 11, 14, 10, 0),
            interview_offer=InterviewOffer.OFFERED,
            interview_offered_on=date(2026, 11, 15),
        ),
        episode(
            datetime(2026, 11, 15, 9, 0),
            datetime(2026, 11, 15, 18, 0),
            interview_offer=InterviewOffer.NOT_OFFERED,
        ),
        episode(datetime(2026, 11, 16, 9, 0), datetime(2026, 11, 16, 18, 0)),
        episode(datetime(2026, 11, 18, 21, 0), datetime(2026, 11, 19, 8, 0)),
        episode(datetime(2026, 11, 19, 23, 0), None),
    )
    assert column(tab, COL_INTERVIEW) == [
        "after the child returns",
        "Not known whether offered; due by 22/11/2026 08:00",
        "Not known whether offered: 72-hour window passed",
        "Not offered: 72-hour window passed",
        "Offered 15/11/2026, not yet held: 72-hour window passed",
        "Offered 02/11/2026, held 03/11/2026 (2 days after return)",
    ]
    bold = [tab.model.index(r, COL_INTERVIEW).data(Qt.ItemDataRole.FontRole) for r in range(6)]
    assert [font is not None and font.bold() for font in bold] == [
        False,
        False,
        True,
        True,
        True,
        False,
    ]
    assert column(tab, COL_RETURNED)[0] == "not yet"
    assert tab.missing_now.isVisible()
    assert tab.missing_now.text() == (
        "Missing now: not returned since 19/11/2026 23:00 (10 h 30 min so far)."
    )
    qtmodeltester.check(tab.model)


def held(day: int) -> dict:
    return {
        "interview_offer": InterviewOffer.OFFERED,
        "interview_offered_on": date(2026, 11, 2),
        "interview_outcome": InterviewOutcome.HELD,
        "interview_held_on": date(2026, 11, day),
    }


def test_selecting_an_episode_shows_the_childs_words_and_amending_keeps_history(
    unlocked, qtbot, monkeypatch
):
    window = unlocked
    tab = open_child(
        window,
        episode(
            datetime(2026, 11, 2, 19, 0),
            datetime(2026, 11, 3, 7, 30),
            child_said="I stayed at Jay's, his brother picked me up",
            push_factors="Arguments about curfew",
            pull_factors="Older friends with a car",
        ),
    )
    tab.table.selectRow(0)
    values = tab.details.values
    assert values["child_said"].text() == "“I stayed at Jay's, his brother picked me up”"
    assert values["push"].text() == "Arguments about curfew"
    assert values["pull"].text() == "Older friends with a car"
    assert values["interview"].text() == "Not known whether offered: 72-hour window passed"

    qtbot.mouseClick(tab.amend, LEFT)
    form = window.view.forms[-1]
    assert not field(form, "interview_offered_on").isEnabled()
    assert not field(form, "interview_outcome").isEnabled()
    choose(qtbot, field(form, "interview_offer"), "Offered")
    retype(qtbot, field(form, "interview_offered_on"), "03/11/2026")
    assert not field(form, "interview_outcome_on").isEnabled()
    choose(qtbot, field(form, "interview_outcome"), "Held")
    retype(qtbot, field(form, "interview_outcome_on"), "04/11/2026")
    qtbot.keyClicks(field(form, "reason"), "Interview notes arrived from the RHI service")
    save(qtbot, form)

    assert values["interview"].text() == (
        "Offered 03/11/2026, held 04/11/2026 (1 day after return)"
    )
    assert values["version"].text().startswith("2")
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))
    qtbot.mouseClick(tab.history, LEFT)
    summary = shown[0].findChild(QLabel, "summary").text()
    assert "Interview notes arrived from the RHI service" in summary


def test_a_child_not_yet_returned_is_recorded_and_shown_as_missing_now(unlocked, qtbot):
    window = unlocked
    tab = open_child(window)
    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    retype(qtbot, field(form, "started_at"), when(datetime(2026, 11, 19, 21, 15)))
    tick(qtbot, form.not_returned)
    assert not field(form, "ended_at").isEnabled()
    qtbot.keyClicks(field(form, "reported_by"), "Foster carer, to police")
    save(qtbot, form)
    assert tab.missing_now.text().startswith("Missing now: not returned since 19/11/2026 21:15")
    assert column(tab, COL_RETURNED) == ["not yet"]


def test_an_unsaved_missing_form_reopens_from_its_draft(unlocked):
    window = unlocked
    tab = open_child(window)
    assert tab.child is not None
    draft = Draft(
        DraftKey(FormKind.MISSING, tab.child.id).text(),
        "New missing episode: Kit Marlowe-Essien",
        {"found_where": "Railway station", "not_returned": ""},
    )
    window.view.drafts.reopen(draft)
    form = window.view.forms[-1]
    assert form.value("found_where") == "Railway station"
    assert field(form, "ended_at").isEnabled()


def test_the_words_for_an_interview_on_the_day_or_too_late_and_for_short_episodes():
    back = datetime(2026, 11, 1, 12, 0)
    same_day = with_interview_dates(
        MissingEpisode(1, back - timedelta(minutes=45), back), back.date(), back.date()
    )
    late = replace(same_day, interview_held_on=date(2026, 11, 6))
    now = datetime(2026, 11, 20, 9, 30)
    assert interview_text(same_day, now) == (
        "Offered 01/11/2026, held 01/11/2026 (on the day of return)"
    )
    assert interview_text(late, now) == (
        "Offered 01/11/2026, held 06/11/2026 (5 days after return): after the 72-hour window"
    )
    assert duration_text(same_day.duration) == "45 min"


def test_episodes_long_ago_are_not_called_steady():
    old = episode(datetime(2026, 1, 5, 20, 0), datetime(2026, 1, 6, 8, 0))
    lines = pattern_lines(missing_pattern([old], datetime(2026, 11, 20, 9, 30)), [old])
    assert lines[:2] == [
        "Missing episodes: 0 in the last 90 days, 0 in the 90 days before.",
        "None in the last 180 days.",
    ]
