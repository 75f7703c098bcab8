"""The body map through the window: a click on the figure opens the form with the region
named; without a mouse, the region is chosen from a list; marks are numbered on the figure
and in the list, described for a screen reader, and found by region. Every name is fictional.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from scr_reflect.domain import display_dates as show
from scr_reflect.domain.body_map import BodyView
from scr_reflect.domain.body_regions import VIEW_SIZE
from scr_reflect.domain.headlines import dated_headline
from scr_reflect.domain.records import Child
from scr_reflect.ui.forms.body_mark_form import BodyMarkForm
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.shared import prompts
from scr_reflect.ui.tabs.body_map_model import COL_NUMBER, COL_WHERE
from scr_reflect.ui.tabs.body_map_tab import BodyMapTab
from tests.core_fixtures import make_concern
from tests.ui.form_driving import choose, field, retype, save
from tests.ui.history_cells import history_cells

LEFT = Qt.MouseButton.LeftButton


def open_tab(qtbot, window) -> tuple[int, int, BodyMapTab]:
    records = window.workspace.records
    child_id = records.add_child(Child("Tilly Marchbank", date(2019, 5, 4))).child_id
    concern_id = records.record_concern(make_concern(child_id)).record_id
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(BodyMapTab)
    window.view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.concern.count() == 2)  # "All concerns" and the one recorded
    return child_id, concern_id, tab


def fill_and_save(qtbot, form: BodyMarkForm, concern_id: int) -> None:
    choose(form, "concern", str(concern_id))
    choose(form, "how_known", "seen")
    qtbot.keyClicks(field(form, "seen_by"), "Ms Pell, teaching assistant")
    qtbot.keyClicks(field(form, "length_cm"), "3")
    qtbot.keyClicks(field(form, "width_cm"), "2,5")
    qtbot.keyClicks(field(form, "colour"), "purple-blue")
    qtbot.keyClicks(field(form, "child_said"), "I banged it on the door.")
    save(qtbot, form)
    qtbot.waitUntil(lambda: form not in form.parentWidget().window().view.forms)


def add_mark(qtbot, window, tab, concern_id: int, region: str, view=BodyView.FRONT) -> None:
    """A mark recorded through the Add mark button's form, the place chosen from its lists."""
    listed = tab.model.rowCount()
    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    choose(form, "view", view.value)
    choose(form, "region", region)
    fill_and_save(qtbot, form, concern_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == listed + 1)


def test_a_click_on_the_figure_records_a_mark_there(unlocked, qtbot) -> None:
    window = unlocked
    _child_id, concern_id, tab = open_tab(qtbot, window)
    figure = tab.figure
    # The point 85% across and a third down the front: on the viewer's right, the child's left.
    scale, left, top = figure._frame()
    width, height = VIEW_SIZE[BodyView.FRONT]
    point = QPoint(int(left + 0.85 * width * scale), int(top + 0.33 * height * scale))
    qtbot.mouseClick(figure, LEFT, pos=point)

    form = window.view.forms[-1]
    assert isinstance(form, BodyMarkForm)
    assert form.value("region") == "left upper arm, front"
    assert (
        "No photograph is asked for or kept here" in form.findChild(QLabel, "noPhotograph").text()
    )
    fill_and_save(qtbot, form, concern_id)

    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.index(0, COL_NUMBER).data() == "1"
    assert tab.model.index(0, COL_WHERE).data() == "left upper arm, front"
    mark = window.workspace.structured.picture(_child_id).marks[0]
    assert (mark.length_cm, mark.width_cm) == (3.0, 2.5)
    assert "mark 1: left upper arm, front: 3 x 2.5 cm" in figure.accessibleDescription()


def test_without_a_mouse_the_region_is_chosen_from_a_list(unlocked, qtbot, monkeypatch) -> None:
    window = unlocked
    child_id, concern_id, tab = open_tab(qtbot, window)
    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    choose(form, "view", BodyView.HEAD.value)
    choose(form, "region", "left cheek")
    fill_and_save(qtbot, form, concern_id)

    mark = window.workspace.structured.picture(child_id).marks[0]
    assert (mark.view, mark.region) == (BodyView.HEAD, "left cheek")
    assert mark.x > 0.5  # the child's left cheek is on the viewer's right

    # A second mark on the same cheek is pointed out as the form is filled.
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    choose(form, "view", BodyView.HEAD.value)
    choose(form, "region", "left cheek")
    seen = show.day(mark.seen_on)
    assert form.earlier.text() == f"A mark was recorded on the left cheek on {seen}."
    monkeypatch.setattr(prompts, "confirm_discard", lambda *_a: True)
    form.reject()


def test_the_earlier_marks_note_follows_the_date_typed(unlocked, qtbot, monkeypatch) -> None:
    window = unlocked
    child_id, concern_id, tab = open_tab(qtbot, window)
    add_mark(qtbot, window, tab, concern_id, "left shin")
    first = window.workspace.structured.picture(child_id).marks[0]

    qtbot.mouseClick(tab.add, LEFT)
    form = window.view.forms[-1]
    choose(form, "region", "left shin")
    assert (
        form.earlier.text() == f"A mark was recorded on the left shin on {show.day(first.seen_on)}."
    )
    # Seen a day before the first mark: the first is not earlier, so nothing is pointed out.
    the_day_before = first.seen_on - timedelta(days=1)
    retype(qtbot, field(form, "seen_on"), the_day_before.strftime("%d/%m/%Y"))
    assert form.earlier.isHidden()
    monkeypatch.setattr(prompts, "confirm_discard", lambda *_a: True)
    form.reject()


def test_marks_are_found_by_region(unlocked, qtbot) -> None:
    window = unlocked
    _child_id, concern_id, tab = open_tab(qtbot, window)
    add_mark(qtbot, window, tab, concern_id, "left shin")
    add_mark(qtbot, window, tab, concern_id, "lower back", BodyView.BACK)
    qtbot.keyClicks(tab.search, "back")
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, COL_WHERE).data() == "lower back"
    assert tab.model.index(0, COL_NUMBER).data() == "2"  # its number among all the marks


def test_a_marks_history_names_the_concern_it_was_seen_under(unlocked, qtbot, monkeypatch):
    window = unlocked
    _child_id, concern_id, tab = open_tab(qtbot, window)
    add_mark(qtbot, window, tab, concern_id, "left shin")
    tab.table.selectRow(0)
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: shown.append(self))

    qtbot.mouseClick(tab.history, LEFT)
    qtbot.waitUntil(lambda: bool(shown))
    concern = window.workspace.records.concern(concern_id)
    assert history_cells(shown[-1])["Concern"] == dated_headline(concern)
