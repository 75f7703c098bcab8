"""Opening a child reads what the glance and the tab in view show; another tab reads its own
records when it is first shown, and a read for a child opened past is never shown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine, event

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child, ChronologyEntry, SchoolProfile
from scr_reflect.domain.sharing import LawfulBasis, SharingDecision
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.glance import GLANCE_PARTS
from scr_reflect.ui.tabs.child_tabs import ChildTabs
from scr_reflect.ui.tabs.missing_tab import MissingTab
from scr_reflect.ui.tabs.picture_tab import TabContext
from scr_reflect.ui.tabs.referrals_tab import ReferralsTab
from scr_reflect.ui.tabs.sharing_tab import SharingTab
from scr_reflect.ui.workspace_view import WorkspaceView
from tests.ui.deferred_runner import DeferredRunner

NOW = datetime(2026, 11, 20, 9, 30)
PICTURE_TABLES = {
    "factors",
    "missing_episodes",
    "education_absences",
    "accounts",
    "claims",
    "referrals",
    "escalations",
    "escalation_steps",
    "sharing_decisions",
    "body_marks",
}


@contextmanager
def tables_read() -> Iterator[list[str]]:
    """The tables of the child's picture each statement run meanwhile reads, in order."""
    read: list[str] = []

    def note(_conn, _cursor, statement: str, *_rest) -> None:
        found = re.search(r"\bFROM (\w+)", statement)
        if found and found.group(1) in PICTURE_TABLES:
            read.append(found.group(1))

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield read
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def sharing(child_id: int) -> SharingDecision:
    return SharingDecision(
        child_id,
        datetime(2026, 11, 3, 10),
        True,
        "School nurse",
        "Attendance and the bruise seen on 02/11",
        "To inform the health assessment",
        LawfulBasis.PUBLIC_TASK,
        True,
    )


def add_child(space, name: str) -> int:
    child_id = space.records.add_child(Child(name, date(2012, 3, 4))).child_id
    space.structured.add(
        CumulativeFactor(child_id, Factor.DOMESTIC_ABUSE, date(2026, 9, 1), "Class teacher")
    )
    space.structured.add(sharing(child_id))
    return child_id


def test_opening_reads_the_glance_and_a_tab_reads_its_own_when_shown(unlocked) -> None:
    window = unlocked
    space, view = window.workspace, window.view
    child_id = add_child(space, "Ada Fernsby-Obi")

    with tables_read() as read:
        view.show_child(child_id)
    # Each kind the glance counts, once; nothing the glance does not show.
    assert sorted(read) == ["accounts", "escalations", "factors", "missing_episodes", "referrals"]
    assert view.details.glance.texts() == [
        "• 1 of 1 recorded factor still applies (first noted 09/2026)."
    ]

    tab = view.tabs.tab(SharingTab)
    with tables_read() as read:
        view.tabs.setCurrentWidget(tab)
    assert read == ["sharing_decisions"]
    assert tab.model.rowCount() == 1

    with tables_read() as read:  # shown again: already read
        view.tabs.setCurrentIndex(0)
        view.tabs.setCurrentWidget(tab)
    assert read == []


def test_opening_with_a_record_tab_in_view_reads_that_tab_at_once(unlocked) -> None:
    window = unlocked
    space, view = window.workspace, window.view
    first = add_child(space, "Ada Fernsby-Obi")
    second = add_child(space, "Tom Halloran-Wu")
    space.structured.add(sharing(second))
    view.show_child(first)
    view.tabs.setCurrentWidget(view.tabs.tab(SharingTab))

    with tables_read() as read:
        view.show_child(second)
    assert read.count("sharing_decisions") == 1
    assert "education_absences" not in read and "body_marks" not in read
    assert view.tabs.tab(SharingTab).model.rowCount() == 2  # the second child's two


@pytest.fixture
def space():
    ws = workspace.in_memory(SchoolProfile("Riverside Academy", "Sam Okafor"), FixedClock(NOW))
    yield ws
    ws.close()


def test_a_tab_read_for_a_child_opened_past_is_not_shown(qtbot, space) -> None:
    runner = DeferredRunner()
    tabs = ChildTabs(QWidget(), TabContext(space, runner, lambda _form: None, pytest.fail))
    qtbot.addWidget(tabs)
    children = []
    for name, started in (("Ada Fernsby-Obi", 6), ("Tom Halloran-Wu", 9)):
        child_id = space.records.add_child(Child(name, date(2012, 3, 4))).child_id
        space.structured.add(
            MissingEpisode(child_id, datetime(2026, 11, started, 16), datetime(2026, 11, 10, 9))
        )
        children.append(space.records.child(child_id))
    first, second = children
    tab = tabs.tab(MissingTab)

    tabs.show_picture(first, space.structured.picture(first.id or 0, GLANCE_PARTS - tab.PARTS), NOW)
    tabs.setCurrentWidget(tab)  # the first child's episodes asked for, not yet read
    tabs.show_picture(second, space.structured.picture(second.id or 0, tab.PARTS), NOW)
    runner.flush()
    shown = [tab.model.episode_at(row) for row in range(tab.model.rowCount())]
    assert [e.child_id for e in shown if e] == [second.id]
    referrals = tabs.tab(ReferralsTab)  # drafts an escalation from the missing episodes too
    tabs.setCurrentWidget(referrals)
    runner.flush()
    assert referrals.picture is not None
    assert [e.child_id for e in referrals.picture.missing] == [second.id]


def test_opening_a_child_lists_their_chronology_in_the_same_go(qtbot, space) -> None:
    runner = DeferredRunner()
    view = WorkspaceView(space, runner)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    child_id = add_child(space, "Ada Fernsby-Obi")
    for day in range(1, 6):
        space.records.add_entry(
            ChronologyEntry(child_id, EntryKind.NOTE, datetime(2026, 11, day, 9), f"Note {day}")
        )

    view.open_child(child_id)
    runner.run_next()  # the opening: nothing more need run for the chronology to show
    chronology = view.chronology
    assert chronology.heading.text() == "Chronology: Ada Fernsby-Obi"
    listed = space.records.entry_ids(child_id, ChronologyFilter())
    assert len(listed) == 7  # the five notes, and the factor's and sharing's lines
    assert [chronology.model.id_at(row) for row in range(7)] == listed
    assert chronology.model.loaded(0) is not None


def test_a_childs_opening_is_logged_before_it_is_read_and_shown(qtbot, space) -> None:
    runner = DeferredRunner()
    view = WorkspaceView(space, runner)
    qtbot.addWidget(view)
    child_id = add_child(space, "Ada Fernsby-Obi")
    views = AuditFilter(child_id=child_id, action=AuditAction.VIEW)
    view.children_pane.refresh()
    runner.flush()

    view.children_pane.select(child_id)
    runner.run_next()  # the lane's first work for the opening
    assert len(space.audit.seqs(views)) == 1
    assert view.chronology.heading.text() == "Chronology"  # not shown yet
    runner.flush()
    assert view.chronology.heading.text() == "Chronology: Ada Fernsby-Obi"
