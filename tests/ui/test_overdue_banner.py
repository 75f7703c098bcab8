"""The overdue banner: one line until shown, narrowed by kind, in place before its answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt

from scr_reflect.domain.records import Child
from scr_reflect.domain.transfer import Direction, Transfer
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.ui import overdue_banner
from scr_reflect.ui.overdue_banner import CHECKING, Overdue, OverdueBanner, OverdueRow, load_overdue
from tests.core_fixtures import NOW, PROFILE, make_action

LEFT = Qt.MouseButton.LeftButton
MANY = Overdue(
    actions=tuple(OverdueRow(n, f"Due 0{n % 9 + 1}/11/2026  Child {n}: chase") for n in range(283)),
    replies=(OverdueRow(7, "Child 7: referral to police, no reply"),),
)


def banner(qtbot) -> OverdueBanner:
    shown = OverdueBanner()
    qtbot.addWidget(shown)
    shown.resize(1200, 300)
    shown.show()
    return shown


def test_it_holds_its_place_while_checking_and_keeps_one_line_when_the_answer_comes(qtbot):
    shown = banner(qtbot)
    assert shown.isVisible() and shown.heading.text() == CHECKING
    height = shown.heightForWidth(1200)
    shown.show_overdue(MANY)
    assert shown.list.isHidden()
    assert shown.heightForWidth(1200) == height
    assert shown.heading.text().startswith("283 follow-up actions are overdue")
    assert shown.toggle.text() == "Show"


def test_show_lists_them_and_the_kind_narrows_the_list(qtbot):
    shown = banner(qtbot)
    shown.show_overdue(MANY)
    qtbot.mouseClick(shown.toggle, LEFT)
    assert shown.list.isVisible() and shown.list.count() == 284
    assert shown.toggle.text() == "Hide"
    kinds = [shown.kind.itemText(i) for i in range(shown.kind.count())]
    assert kinds == ["All (284)", "Follow-up actions (283)", "Referral replies (1)"]
    shown.kind.setCurrentIndex(2)
    assert [shown.list.item(i).text() for i in range(shown.list.count())] == [
        "Child 7: referral to police, no reply"
    ]
    with qtbot.waitSignal(shown.child_chosen) as chosen:
        item = shown.list.item(0)
        qtbot.mouseClick(shown.list.viewport(), LEFT, pos=shown.list.visualItemRect(item).center())
    assert chosen.args == [7]
    qtbot.mouseClick(shown.toggle, LEFT)
    assert shown.list.isHidden() and shown.kind.isHidden()


def test_nothing_overdue_takes_no_room(qtbot):
    shown = banner(qtbot)
    shown.show_overdue(Overdue())
    assert shown.isHidden()


def test_only_the_soonest_actions_are_listed_and_the_rest_counted(qtbot):
    shown = banner(qtbot)
    shown.show_overdue(Overdue(actions=MANY.actions[:3], replies=MANY.replies, actions_unlisted=40))
    assert shown.heading.text().startswith("43 follow-up actions are overdue")
    qtbot.mouseClick(shown.toggle, LEFT)
    kinds = [shown.kind.itemText(i) for i in range(shown.kind.count())]
    assert kinds == ["All (44)", "Follow-up actions (43)", "Referral replies (1)"]
    more = shown.list.item(shown.list.count() - 1)
    assert more.text().startswith("…and 40 more follow-up actions")
    assert not more.flags() & Qt.ItemFlag.ItemIsSelectable
    shown.kind.setCurrentIndex(2)
    assert shown.list.count() == 1  # the replies: no line about actions


def test_loading_reads_the_soonest_actions_and_counts_the_others(monkeypatch) -> None:
    space = workspace.in_memory(PROFILE, FixedClock(NOW))
    ada = space.records.add_child(Child("Ada Fernsby-Obi", date(2012, 3, 4))).child_id
    for day in (9, 2, 5):
        space.records.add_action(make_action(ada, due_on=date(2024, 1, day), description=f"#{day}"))
    monkeypatch.setattr(overdue_banner, "LISTED_ACTIONS", 2)

    overdue = load_overdue(space.records, space.structured, [], NOW)

    assert ["#2" in overdue.actions[0].text, "#5" in overdue.actions[1].text] == [True, True]
    assert len(overdue.actions) == 2 and overdue.actions_unlisted == 1
    assert overdue.count() == 3
    space.close()


def sent(child_id: int, days_ago: int, due_on: date) -> Transfer:
    return Transfer(
        Direction.SENT,
        f"pack-{days_ago}",
        child_id,
        "Hollinwood High",
        "AB12",
        "",
        "",
        9,
        NOW - timedelta(days=days_ago),
        due_on,
    )


def test_a_file_sent_with_no_receipt_after_5_school_days_is_overdue(qtbot) -> None:
    space = workspace.in_memory(PROFILE, FixedClock(NOW))
    ada = space.records.add_child(Child("Ada Fernsby-Obi", date(2012, 3, 4))).child_id
    late = sent(ada, 10, NOW.date() - timedelta(days=2))
    on_time = sent(ada, 1, NOW.date() + timedelta(days=6))
    acknowledged = replace(late, pack_id="pack-back", acknowledged_at=NOW)
    received = replace(late, pack_id="pack-in", direction=Direction.RECEIVED)

    overdue = load_overdue(
        space.records, space.structured, [late, on_time, acknowledged, received], NOW
    )
    space.close()

    [row] = overdue.receipts
    assert row.child_id == ada
    assert "Ada Fernsby-Obi: child protection file sent to Hollinwood High" in row.text
    shown = banner(qtbot)
    shown.show_overdue(overdue)
    assert shown.heading.text() == (
        "1 child protection file sent has had no receipt within 5 school days."
    )
