"""Opening a child fills the record tab in view; the others are filled when first shown."""

from __future__ import annotations

from datetime import date, datetime

from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child
from scr_reflect.ui.tabs.missing_tab import MissingTab


def test_a_hidden_tab_shows_the_child_it_was_opened_for(unlocked) -> None:
    window = unlocked
    space, view = window.workspace, window.view
    first = space.records.add_child(Child("Ada Fernsby-Obi", date(2012, 3, 4))).child_id
    second = space.records.add_child(Child("Tom Halloran-Wu", date(2011, 9, 8))).child_id
    space.structured.add(MissingEpisode(first, datetime(2025, 1, 6, 16), datetime(2025, 1, 7, 9)))
    tab = view.tabs.tab(MissingTab)

    view.show_child(first)
    assert tab.model.rowCount() == 0  # not yet shown: not yet filled
    view.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 1

    view.tabs.setCurrentIndex(0)
    view.show_child(second)
    view.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0  # the second child's, not the first child's episode
