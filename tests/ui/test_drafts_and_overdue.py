"""Typed text survives a close mid-edit; overdue actions show when the records open."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from scr_reflect.domain.records import Child, FollowUpAction
from scr_reflect.ui.shared import prompts
from tests.fictional import PASSPHRASE

CTRL = Qt.KeyboardModifier.ControlModifier


def unlock(qtbot, window) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.view is not None


def test_text_typed_in_a_concern_is_offered_back_after_the_app_closes(
    unlocked, make_window, qtbot, monkeypatch
):
    window = unlocked
    child_id = window.workspace.records.add_child(
        Child("Ada Quillfeather", date(2014, 9, 3))
    ).child_id
    window.view.show_child(child_id)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.view.forms[-1]
    qtbot.keyClicks(form.findChild(QWidget, "what_happened"), "Ada said her stepdad shouted")
    records = window.workspace.records
    # The autosave timer fires on its own after a pause in typing.
    qtbot.waitUntil(lambda: len(records.drafts()) == 1, timeout=5000)
    qtbot.keyClicks(form.findChild(QWidget, "what_happened"), " and threw a plate.")
    window.close()  # closing mid-edit saves the latest text too

    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, _y="": asked.append(text) or True)
    again = make_window()
    unlock(qtbot, again)

    assert "New concern: Ada Quillfeather" in asked[0]
    reopened = again.view.forms[-1]
    assert reopened.value("what_happened") == "Ada said her stepdad shouted and threw a plate."


def test_cancelling_a_form_discards_its_draft_after_asking(unlocked, qtbot, monkeypatch):
    window = unlocked
    child_id = window.workspace.records.add_child(
        Child("Ada Quillfeather", date(2014, 9, 3))
    ).child_id
    window.view.show_child(child_id)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.view.forms[-1]
    qtbot.keyClicks(form.findChild(QWidget, "raised_by"), "Ms Ferreira")
    form.save_draft_now()
    monkeypatch.setattr(prompts, "confirm_discard", lambda *_args: False)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form in window.view.forms  # kept: the DSL said not to discard
    monkeypatch.setattr(prompts, "confirm_discard", lambda *_args: True)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form not in window.view.forms
    assert window.workspace.records.drafts() == []


def test_overdue_actions_are_shown_on_opening(unlocked, make_window, qtbot, clock):
    records = unlocked.workspace.records
    child_id = records.add_child(Child("Bram Oakhollow", date(2012, 1, 9))).child_id
    records.add_action(
        FollowUpAction(child_id, "Chase CSC for outcome", "Sam Okafor", date(2026, 11, 1))
    )
    records.add_action(
        FollowUpAction(child_id, "Review attendance", "Sam Okafor", date(2026, 12, 1))
    )
    unlocked.close()

    again = make_window()
    unlock(qtbot, again)
    banner = again.view.banner
    assert banner.isVisible()
    assert banner.list.count() == 1
    assert "Chase CSC for outcome" in banner.list.item(0).text()
    assert "1 follow-up action is overdue" in banner.heading.text()
    qtbot.mouseClick(banner.toggle, Qt.MouseButton.LeftButton)  # the list starts folded
    qtbot.mouseClick(
        banner.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=banner.list.visualItemRect(banner.list.item(0)).center(),
    )
    assert again.view.children_pane.selected_id() == child_id
