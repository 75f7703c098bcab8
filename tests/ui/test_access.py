"""Who may open the records, driven through the window: the recovery code after setup and its
sheet, "Forgotten your passphrase?", People, Change passphrase and New recovery sheet."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from scr_reflect.domain.records import Child
from scr_reflect.services import workspace
from scr_reflect.services.errors import WrongPassphrase, WrongRecoveryCode
from scr_reflect.storage.store import StoreFiles, create_store
from scr_reflect.ui.access.add_deputy_dialog import AddDeputyDialog
from scr_reflect.ui.access.change_passphrase_dialog import ChangePassphraseDialog
from scr_reflect.ui.access.people_dialog import PeopleDialog
from scr_reflect.ui.access.people_model import COL_REMOVED
from scr_reflect.ui.access.recovery_code_dialog import RecoveryCodeDialog
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.shared import prompts
from tests.core_fixtures import PROFILE
from tests.fictional import PASSPHRASE
from tests.reports.pdf_checks import page_texts, shows_code
from tests.ui.conftest import NOW, put_the_recovery_code_away
from tests.ui.test_setup_and_lock import visible_text

LEFT = Qt.MouseButton.LeftButton
DEPUTY = "Priya Deputy"
DEPUTY_PASSPHRASE = "marmalade lighthouse quarrel tundra"
NEW_PASSPHRASE = "otter saucepan glacier whistle"
GROUPED = re.compile(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){6}")


def access(window: MainWindow, text: str) -> QAction:
    """An action as the Access menu holds it, so the test also proves it is in the menu."""
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Access"]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def set_up_through_the_page(window: MainWindow, qtbot) -> RecoveryCodeDialog:
    page = window.setup_page
    qtbot.keyClicks(page.school, "Riverside Academy")
    qtbot.keyClicks(page.dsl, "Sam Okafor")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeated, PASSPHRASE)
    qtbot.mouseClick(page.create_button, LEFT)
    dialog = window.keys.dialog
    assert isinstance(dialog, RecoveryCodeDialog)
    return dialog


def code_in(dialog: RecoveryCodeDialog) -> str:
    return dialog.findChild(QLabel, "recoveryCode").text()


def unlock_with(window: MainWindow, qtbot, passphrase: str) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, passphrase)
    qtbot.mouseClick(window.unlock_page.unlock, LEFT)


def relock(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.lock_action.trigger()
    assert window.stack.currentWidget() is window.unlock_page


def test_the_setup_page_says_there_is_no_way_in_without_passphrase_or_code(make_window):
    text = visible_text(make_window())
    assert "Without the passphrase or the recovery code there is no way in" in text


def test_setup_shows_the_code_once_and_saves_a_one_page_sheet(
    make_window, qtbot, monkeypatch, tmp_path
):
    window = make_window()
    dialog = set_up_through_the_page(window, qtbot)
    code = code_in(dialog)
    assert GROUPED.fullmatch(code)
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert "only time it is shown" in visible_text(dialog)
    assert not dialog.done_button.isEnabled()  # not before it is stored

    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(sheet))
    qtbot.mouseClick(dialog.save_button, LEFT)

    [page] = page_texts(sheet.read_bytes())
    assert shows_code(page, code) and "Riverside Academy" in page
    assert f"Made {NOW:%d/%m/%Y %H:%M}" in page
    assert f"Saved to {sheet}" in dialog.saved.text()
    qtbot.mouseClick(dialog.stored, LEFT)
    assert dialog.done_button.isEnabled()
    qtbot.mouseClick(dialog.done_button, LEFT)
    qtbot.waitUntil(lambda: window.keys.dialog is None)

    assert code not in visible_text(window)
    relock(window, qtbot)
    unlock_with(window, qtbot, PASSPHRASE)
    assert window.view is not None and window.keys.dialog is None  # never shown again
    assert not window.keys.notice.isVisible()


def test_a_forgotten_passphrase_is_replaced_with_the_code_and_nothing_is_lost(make_window, qtbot):
    window = make_window()
    dialog = set_up_through_the_page(window, qtbot)
    code = code_in(dialog)
    put_the_recovery_code_away(window, qtbot)
    window.workspace.records.add_child(Child("Ada Quillfeather", date(2013, 4, 2)))
    relock(window, qtbot)

    qtbot.mouseClick(window.unlock_page.forgotten_button, LEFT)
    page = window.keys.recover_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.code, "2222 " * 7)
    qtbot.keyClicks(page.new.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(page.new.repeated, NEW_PASSPHRASE)
    qtbot.mouseClick(page.recover, LEFT)
    assert "does not open these records" in page.error.text()
    assert window.view is None

    page.code.clear()
    assert not page.recover.isEnabled()
    assert "7 groups of 4" in page.code_shape.text()
    qtbot.keyClicks(page.code, code.lower().replace("-", " "))
    qtbot.mouseClick(page.recover, LEFT)

    assert window.view is not None
    assert window.workspace.person.name == "Sam Okafor"
    assert "Ada Quillfeather" in visible_text(window)
    assert "new passphrase is set" in window.statusBar().currentMessage()
    assert page.code.text() == "" and page.new.passphrase.text() == ""
    relock(window, qtbot)
    unlock_with(window, qtbot, PASSPHRASE)
    assert "does not open" in window.unlock_page.error.text()
    unlock_with(window, qtbot, NEW_PASSPHRASE)
    assert window.view is not None


def test_back_from_the_recovery_page_to_the_unlock_page(unlocked, qtbot):
    relock(unlocked, qtbot)
    qtbot.mouseClick(unlocked.unlock_page.forgotten_button, LEFT)
    page = unlocked.keys.recover_page
    qtbot.keyClicks(page.code, "K7QH")
    qtbot.mouseClick(page.back_button, LEFT)
    assert unlocked.stack.currentWidget() is unlocked.unlock_page
    assert page.code.text() == ""


class HeldRunner:
    """Holds the next job until let_go(), to see what the window shows while it runs."""

    def __init__(self, runner: Any) -> None:
        self._runner = runner
        self._held: list[tuple[Any, ...]] = []

    def run(self, work: Any, on_done: Any, on_error: Any) -> None:
        self._held.append((work, on_done, on_error))

    def let_go(self) -> None:
        for job in self._held:
            self._runner.run(*job)


def test_people_adds_and_removes_a_deputy(unlocked, qtbot, monkeypatch, tmp_path, qtmodeltester):
    access(unlocked, "People…").trigger()
    dialog = unlocked.keys.dialog
    assert isinstance(dialog, PeopleDialog) and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1

    qtbot.mouseClick(dialog.add_button, LEFT)
    adding = dialog.adding
    assert isinstance(adding, AddDeputyDialog)
    assert not adding.save_button.isEnabled()
    qtbot.keyClicks(adding.name, DEPUTY)
    qtbot.keyClicks(adding.new.passphrase, "password1234")
    qtbot.keyClicks(adding.new.repeated, "password1234")
    assert not adding.save_button.isEnabled()
    adding.new.clear()
    qtbot.keyClicks(adding.new.passphrase, DEPUTY_PASSPHRASE)
    qtbot.keyClicks(adding.new.repeated, DEPUTY_PASSPHRASE)
    qtbot.mouseClick(adding.save_button, LEFT)
    qtbot.waitUntil(lambda: not adding.isVisible())

    rows = [
        [dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())
    ]
    assert rows == [
        ["Sam Okafor", "Designated Safeguarding Lead", f"{NOW:%d/%m/%Y}"],
        [DEPUTY, "Deputy DSL", f"{NOW:%d/%m/%Y}"],
    ]
    qtmodeltester.check(dialog.model)

    dialog.table.selectRow(0)
    assert not dialog.remove_button.isEnabled()  # the DSL cannot be removed
    dialog.table.selectRow(1)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    held = HeldRunner(dialog._runner)
    monkeypatch.setattr(dialog, "_runner", held)
    qtbot.mouseClick(dialog.remove_button, LEFT)
    assert "Remove Priya Deputy?" in asked[0] and "re-encrypted under a new key" in asked[0]
    # While the records are re-encrypted (seconds on a large store) the dialog says so.
    assert "re-encrypting the records" in dialog.message.text()
    assert not dialog.remove_button.isEnabled()
    held.let_go()
    assert dialog.model.index(1, COL_REMOVED).data() == f"{NOW:%d/%m/%Y}"
    assert "can no longer open the records" in dialog.message.text()
    with pytest.raises(WrongPassphrase):
        workspace.unlock(tmp_path / "data", DEPUTY_PASSPHRASE)


def test_a_deputy_unlocks_as_themselves_and_cannot_add_or_remove(unlocked, qtbot):
    deputy = unlocked.workspace.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    relock(unlocked, qtbot)
    unlock_with(unlocked, qtbot, DEPUTY_PASSPHRASE)

    assert unlocked.workspace.person == deputy
    assert not access(unlocked, "New recovery sheet…").isEnabled()
    assert access(unlocked, "Change passphrase…").isEnabled()
    access(unlocked, "People…").trigger()
    dialog = unlocked.keys.dialog
    assert isinstance(dialog, PeopleDialog)
    assert not dialog.add_button.isEnabled()
    dialog.table.selectRow(1)
    assert not dialog.remove_button.isEnabled()
    assert "Only the Designated Safeguarding Lead" in dialog.message.text()


def test_change_passphrase_refuses_a_wrong_current_one_then_changes_it(unlocked, qtbot):
    access(unlocked, "Change passphrase…").trigger()
    dialog = unlocked.keys.dialog
    assert isinstance(dialog, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.current, "not the passphrase at all")
    qtbot.keyClicks(dialog.new.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new.repeated, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.isVisible()
    assert dialog.error.text() == "That is not your current passphrase. Nothing was changed."
    assert dialog.current.text() == "" and not dialog.save_button.isEnabled()

    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: unlocked.keys.dialog is None)
    assert "passphrase is changed" in unlocked.statusBar().currentMessage()
    relock(unlocked, qtbot)
    unlock_with(unlocked, qtbot, PASSPHRASE)
    assert unlocked.view is None
    unlock_with(unlocked, qtbot, NEW_PASSPHRASE)
    assert unlocked.view is not None


def test_a_new_recovery_sheet_replaces_the_code(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    first = code_in(set_up_through_the_page(window, qtbot))
    put_the_recovery_code_away(window, qtbot)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)

    access(window, "New recovery sheet…").trigger()

    assert "stops working" in asked[0]
    dialog = window.keys.dialog
    assert isinstance(dialog, RecoveryCodeDialog)
    second = code_in(dialog)
    assert GROUPED.fullmatch(second) and second != first
    assert "were re-encrypted under a new key" in window.statusBar().currentMessage()
    assert "earlier recovery sheet has stopped working" in visible_text(dialog)
    with pytest.raises(WrongRecoveryCode):
        workspace.recover_with_code(tmp_path / "data", first, NEW_PASSPHRASE, NEW_PASSPHRASE)


def test_a_store_without_a_recovery_code_says_so_until_one_is_made(make_window, qtbot, tmp_path):
    create_store(StoreFiles(tmp_path / "data"), PASSPHRASE, PROFILE, NOW).close()
    window = make_window()
    unlock_with(window, qtbot, PASSPHRASE)
    assert window.keys.notice.isVisible()
    assert "no recovery code yet" in window.keys.notice.text()

    window.keys.notice.linkActivated.emit("#")  # no question: there is no code to replace

    assert isinstance(window.keys.dialog, RecoveryCodeDialog)
    assert not window.keys.notice.isVisible()
    put_the_recovery_code_away(window, qtbot)
    relock(window, qtbot)
    assert not window.keys.notice.isVisible()


def test_the_sheet_replaces_a_file_the_save_dialog_asked_about(
    make_window, qtbot, monkeypatch, tmp_path
):
    dialog = set_up_through_the_page(make_window(), qtbot)
    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(b"an old sheet")
    sheet.chmod(0o644)
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(sheet))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: "Saved to" in dialog.saved.text())
    [page] = page_texts(sheet.read_bytes())
    assert shows_code(page, code_in(dialog))
    assert sheet.stat().st_mode & 0o777 == 0o600
