"""Words naming a new adult at home bring an offer on the Factors tab, which the DSL takes
up through the factor form or puts aside; nothing is recorded from the words alone."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import Factor
from scr_reflect.domain.records import Child, Concern
from scr_reflect.ui.tabs.factors_tab import FactorsTab
from tests.ui.form_driving import field, new_child_form, save

LEFT = Qt.MouseButton.LeftButton


def open_factors(window, child: Child) -> tuple[FactorsTab, int]:
    child_id = window.workspace.records.add_child(child).child_id
    window.view.show_child(child_id)
    tab = window.view.tabs.tab(FactorsTab)
    window.view.tabs.setCurrentWidget(tab)
    return tab, child_id


def test_a_household_note_naming_a_new_boyfriend_offers_the_factor(unlocked, qtbot):
    window = unlocked
    household = "Lives with mum, two brothers and mum's new boyfriend, Dan."
    tab, child_id = open_factors(
        window, Child("Lottie Fennimore", date(2020, 2, 11), household=household)
    )
    assert tab.offer.isVisibleTo(tab)
    assert tab.offer.text.text() == (
        "The household note mentions \u201cnew boyfriend\u201d. "
        "<b>Record: new adult in the household?</b>"
    )
    assert window.workspace.structured.picture(child_id).factors == ()  # an offer, not a record

    qtbot.mouseClick(tab.offer.record, LEFT)
    form = window.view.forms[-1]
    assert field(form, "factor").currentText() == (
        "Family: A new partner or an adult not known to school in the household"
    )
    assert form.value("source") == "The household note says \u201cnew boyfriend\u201d"
    save(qtbot, form)

    [recorded] = window.workspace.structured.picture(child_id).factors
    assert recorded.factor is Factor.NEW_ADULT_IN_HOUSEHOLD
    assert not tab.offer.isVisibleTo(tab)  # recorded: nothing more to offer
    [row] = tab.timeline.rows
    assert "left out of the picture" in row.context.detail


def test_a_concern_naming_a_man_staying_offers_it_and_not_now_puts_it_aside(unlocked, qtbot):
    window = unlocked
    tab, child_id = open_factors(window, Child("Ivo Penhallow", date(2017, 8, 30)))
    assert not tab.offer.isVisibleTo(tab)
    at = datetime(2026, 10, 14, 8, 50)
    words = "Said a man called Rob is staying and shouts at night."
    window.workspace.records.record_concern(
        Concern(child_id, at, at, "Mrs Arkwright", words, frozenset({Category.EMOTIONAL}))
    )
    window.view.open_child(child_id)
    assert tab.offer.isVisibleTo(tab)
    assert "The concern of 14/10/2026 mentions \u201ca man called Rob is staying\u201d" in (
        tab.offer.text.text()
    )

    qtbot.mouseClick(tab.offer.later, LEFT)
    assert not tab.offer.isVisibleTo(tab)
    window.view.open_child(child_id)  # the same words again: still put aside
    assert not tab.offer.isVisibleTo(tab)
    assert window.workspace.structured.picture(child_id).factors == ()


def test_no_offer_where_the_words_name_no_new_adult(unlocked):
    household = "Lives with mum and her partner of ten years; no new adults."
    tab, _child = open_factors(
        unlocked, Child("Wren Albury", date(2015, 1, 3), household=household)
    )
    assert not tab.offer.isVisibleTo(tab)


def test_the_child_form_says_when_the_household_words_name_a_new_adult(unlocked, qtbot):
    form = new_child_form(qtbot, unlocked, "03/03/2019")
    household = field(form, "household")
    qtbot.keyClicks(household, "Lives with dad and his partner.")
    assert not form.new_adult.isVisibleTo(form)
    qtbot.keyClicks(household, " A woman called Jo has moved in")
    assert form.new_adult.isVisibleTo(form)
    assert form.new_adult.text() == (
        "This names a new adult at home (\u201cA woman called Jo has moved in\u201d). Once "
        "saved, the Factors tab offers to record it as a factor."
    )
