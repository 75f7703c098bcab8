"""The overdue banner: one line until shown, narrowed by kind, in place before its answer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from scr_reflect.ui.overdue_banner import CHECKING, Overdue, OverdueBanner, OverdueRow

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
