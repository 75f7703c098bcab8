"""On a 1366x768 screen the chronology gets the larger share, cut text is whole on hover,
every tab is named in view, and the Missing and Accounts tabs fit their pane without
scrolling sideways."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea

from scr_reflect.domain.accounts import Account, AccountSource, Claim, ClaimStatus, EvidenceKind
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child, ChronologyEntry
from scr_reflect.ui.children_model import COL_NAME
from scr_reflect.ui.chronology_model import COL_TITLE
from scr_reflect.ui.shared import window_size
from scr_reflect.ui.tabs.accounts_tab import AccountsTab
from scr_reflect.ui.tabs.missing_tab import MissingTab
from scr_reflect.ui.tabs.sharing_tab import SharingTab

TOOLTIP = Qt.ItemDataRole.ToolTipRole
NAME = "Zoë Łukasiewicz-Nguyễn-Featherstonehaugh"
TITLE = "Phoned mother about the new adult collecting Zoë from after-school club on Thursdays"


@pytest.fixture
def window(monkeypatch, request):
    monkeypatch.setattr(window_size, "available_geometry", lambda _w: QRect(0, 0, 1366, 768))
    unlocked = request.getfixturevalue("unlocked")
    records = unlocked.workspace.records
    child = records.add_child(Child(NAME, date(2011, 6, 25))).child_id
    records.add_entry(
        ChronologyEntry(child, EntryKind.CONTACT, datetime(2026, 11, 19, 9), TITLE, "No answer.")
    )
    unlocked.view.show_child(child)
    unlocked.child_id = child  # the test's own note of whom it chose
    return unlocked


def settle(qtbot, widget) -> None:
    qtbot.waitUntil(widget.isVisible)
    QApplication.processEvents()  # layouts run on posted events


def scrolls_sideways(tab) -> bool:
    """The tab in its pane, or its table within the tab."""
    pane = tab.parentWidget().parentWidget()  # the scroll area the tab sits in
    assert isinstance(pane, QScrollArea)
    table = tab.table.horizontalHeader().length() > tab.table.viewport().width()
    return table or pane.horizontalScrollBar().maximum() > 0


def test_the_chronology_is_wider_than_the_details_and_cut_text_is_whole_on_hover(window, qtbot):
    view = window.view
    settle(qtbot, view.chronology.table)
    assert view.chronology.width() > view.tabs.width()
    assert TITLE in view.chronology.model.index(0, COL_TITLE).data(TOOLTIP)
    assert "No answer." in view.chronology.model.index(0, COL_TITLE).data(TOOLTIP)
    assert NAME in view.children_pane.model.index(0, COL_NAME).data(TOOLTIP)


def test_missing_fits_its_pane(window, qtbot):
    space = window.workspace
    child = window.child_id
    for day in (3, 10):
        space.structured.add(
            MissingEpisode(
                child,
                datetime(2026, 11, day, 16),
                datetime(2026, 11, day + 1, 11),
                found_where="At a friend's flat above the shops on the high street",
                reported_by="Mr Dale, head of year",
                police_reference="MIS-2026-11-0042",
            )
        )
    window.view.open_child(child)
    tab = window.view.tabs.tab(MissingTab)
    window.view.tabs.setCurrentWidget(tab)
    settle(qtbot, tab.table)
    assert tab.model.rowCount() == 2
    assert not scrolls_sideways(tab)


def test_accounts_fit_their_pane(window, qtbot):
    structured = window.workspace.structured
    given = datetime(2026, 11, 18, 15, 10)
    account = Account(window.child_id, AccountSource.PARENT, "Mother", given, "At her aunt's")
    account_id = structured.add(account).record_id
    structured.add(Claim(account_id, "Zoë was at her aunt's all weekend"))
    structured.add(
        Claim(
            account_id,
            "Nobody else lives at home",
            ClaimStatus.CONTRADICTED,
            EvidenceKind.ACCOUNT,
            "Her brother said an uncle has stayed since the summer.",
        )
    )
    window.view.open_child(window.child_id)
    tab = window.view.tabs.tab(AccountsTab)
    window.view.tabs.setCurrentWidget(tab)
    settle(qtbot, tab.table)
    assert tab.model.rowCount() == 2
    assert not scrolls_sideways(tab)


def test_the_claims_matrix_has_no_sideways_scroll_bar_at_1366_with_many_sources(window, qtbot):
    """Four accounts, and claims checked against long-named sources: the matrix still fits."""
    structured, child = window.workspace.structured, window.child_id
    people = [
        (AccountSource.PARENT, "Mother"),
        (AccountSource.POLICE, "PC Example of the neighbourhood team"),
        (AccountSource.HEALTH, "School nurse"),
        (AccountSource.NEIGHBOUR, "Mr Hale at number four"),
    ]
    ids = [
        structured.add(Account(child, source, name, datetime(2026, 11, day, 9), "Said")).record_id
        for day, (source, name) in enumerate(people, start=10)
    ]
    sources = ["Police log, 12/11 (PC Example of the neighbourhood team)", "GP letter"]
    for number, against in enumerate(sources):
        made = structured.add(Claim(ids[0], f"Nobody else lives at home, claim {number}"))
        structured.check(
            Claim(
                ids[0],
                f"Nobody else lives at home, claim {number}",
                ClaimStatus.CONTRADICTED,
                EvidenceKind.RECORD,
                "An uncle has stayed since the summer.",
                checked_against=against,
                checked_on=date(2026, 11, 19),
                checked_by="Sam Okafor",
                id=made.record_id,
            )
        )
    window.view.open_child(child)
    tab = window.view.tabs.tab(AccountsTab)
    window.view.tabs.setCurrentWidget(tab)
    settle(qtbot, tab.table)
    assert tab.model.rowCount() == 2
    assert not tab.table.horizontalScrollBar().isVisible()
    pane = tab.parentWidget().parentWidget()
    assert not pane.horizontalScrollBar().isVisible()
    assert not scrolls_sideways(tab)


def test_sharing_with_no_decisions_keeps_its_words_together_at_the_top(window, qtbot):
    tab = window.view.tabs.tab(SharingTab)
    window.view.tabs.setCurrentWidget(tab)
    settle(qtbot, tab.empty)
    assert tab.table.isHidden()
    gap = tab.add.geometry().top() - tab.empty.geometry().bottom()
    assert gap <= 2 * tab.layout().spacing() + 2
    caption = tab.details.form.labelForField(tab.details.values["why"])
    assert caption.alignment() & Qt.AlignmentFlag.AlignTop


def test_every_tab_is_named_in_view(window, qtbot):
    """None of the eight is behind the tab bar's scroll arrows, where it is easily missed."""
    bar = window.view.tabs.tabBar()
    settle(qtbot, bar)
    assert bar.count() == 8
    assert bar.tabRect(bar.count() - 1).right() < bar.width()


def test_with_a_large_font_the_chronology_is_still_the_widest(request, qapp, qtbot):
    """The tabs' names then need more room than the tabs' pane is given first; the panes'
    least widths grow with the font, and the chronology keeps the larger share."""
    font = qapp.font()
    qapp.setFont(QFont(font.family(), 16))
    try:
        view = request.getfixturevalue("window").view
        settle(qtbot, view.chronology.table)
        assert view.chronology.width() > view.tabs.width()
    finally:
        qapp.setFont(font)
