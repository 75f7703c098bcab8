"""Every window and dialog fits a school laptop's screen, with its buttons on it, at 1x and
at 2x scaling.

The screen the windows size themselves from is set to 1366x768, to 910x512 (the same screen
scaled 1.5x) and, for the forms and dialogs, 683x384 (scaled 2x); each window is opened as the
DSL would open it and its buttons are found. At 2x the three panes of the records do not fit
side by side, so the main window is tried at 1x and 1.5x.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

from scr_reflect.services.reports import Document
from scr_reflect.settings import Settings
from scr_reflect.ui.about_dialog import AboutDialog
from scr_reflect.ui.access.add_deputy_dialog import AddDeputyDialog
from scr_reflect.ui.access.change_passphrase_dialog import ChangePassphraseDialog
from scr_reflect.ui.access.people_dialog import PeopleDialog
from scr_reflect.ui.documents.document_preview import DocumentPreview
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.pupils.pupil_import_dialog import PupilImportDialog
from scr_reflect.ui.reflect.reflect_window import ReflectWindow
from scr_reflect.ui.safety.audit_window import AuditWindow
from scr_reflect.ui.safety.retention_window import RetentionWindow, open_retention_review
from scr_reflect.ui.settings_dialog import SettingsDialog
from scr_reflect.ui.shared import window_size
from scr_reflect.ui.tabs.child_tabs import TAB_CLASSES
from tests.fictional import PASSPHRASE
from tests.fictional_mis import ctf, many_pupils
from tests.ui.caseload import child_with_concern

LAPTOP = QRect(0, 0, 1366, 768)
LAPTOP_AT_1_5X = QRect(0, 0, 910, 512)
LAPTOP_AT_2X = QRect(0, 0, 683, 384)
SCREENS = {"1366x768": LAPTOP, "at 1.5x": LAPTOP_AT_1_5X, "at 2x": LAPTOP_AT_2X}


@pytest.fixture(params=list(SCREENS))
def screen(request, monkeypatch) -> QRect:
    area = SCREENS[request.param]
    monkeypatch.setattr(window_size, "available_geometry", lambda _window: area)
    return area


@pytest.fixture
def window(screen, unlocked):
    """The records open on a child with a concern chosen in the chronology."""
    child, _concern = child_with_concern(unlocked)
    unlocked.view.show_child(child)
    unlocked.view.chronology.table.selectRow(0)
    return unlocked


def outside(window: QWidget, screen: QRect) -> list[str]:
    """What of the window lies off the screen: the window itself, or any button not in a
    scrolling area (a button there can be scrolled to)."""
    assert window.isVisible()
    problems = [] if screen.contains(window.frameGeometry()) else [f"window {window.geometry()}"]
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _scrolls(button, window):
            continue
        place = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
        if not (screen.contains(place) and window.geometry().contains(place)):
            problems.append(f"{button.text() or button.objectName()!r} at {place}")
    return problems


def _scrolls(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_the_main_window_and_every_record_form_fit(window, screen):
    assert outside(window, screen) == []
    view = window.view
    openers = [view.new_child, view.new_concern, view.new_entry, view.new_action]
    openers += [tab.findChild(QAbstractButton, name).click for tab, name in _adders(view)]
    openers.append(view.supervision.open)
    for open_form in openers:
        open_form()
        form = view.forms[-1]
        assert outside(form, screen) == [], form.windowTitle()
        form.done(0)


def _adders(view) -> list[tuple[QWidget, str]]:
    for tab_class in TAB_CLASSES:  # each record tab is built when first needed
        view.tabs.tab(tab_class)
    names = ["recordAccount", "addFactor", "addMissing", "recordReferral", "recordSharing"]
    return [(view.tabs, name) for name in names]


def test_reflect_preview_history_audit_retention_and_people_fit(window, screen, monkeypatch):
    view = window.view
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "open", lambda self: (shown.append(self), self.show()))
    view.reflect()
    view.produce(Document.REFERRAL)
    view.entry_history()
    view.audit.open()
    open_retention_review(view, window._runner)
    PeopleDialog(view, view.workspace.people, window._runner, "Riverside Academy").show()
    kinds = (ReflectWindow, DocumentPreview, HistoryDialog, AuditWindow, RetentionWindow)
    opened = [view.findChild(kind) for kind in kinds] + [view.findChild(PeopleDialog)]
    for opened_window in opened:
        assert opened_window is not None
        assert outside(opened_window, screen) == [], opened_window.windowTitle()
        opened_window.close()


def test_the_setup_page_and_the_recovery_code_fit(screen, make_window, qtbot):
    window = make_window()
    assert outside(window, screen) == []
    page = window.setup_page
    for box, text in ((page.school, "Riverside Academy"), (page.dsl, "Sam Okafor")):
        qtbot.keyClicks(box, text)
    for box in (page.passphrase, page.repeated):
        qtbot.keyClicks(box, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert outside(window.keys.dialog, screen) == []


def test_the_small_dialogs_fit(window, screen, tmp_path):
    view, people, school = window.view, window.view.workspace.people, "Riverside Academy"
    roll = tmp_path / "roll.xml"
    roll.write_bytes(ctf(many_pupils(3)))
    dialogs: list[QWidget] = [
        SettingsDialog(window, Settings()),
        AboutDialog(window, str(tmp_path)),
        ChangePassphraseDialog(view, people, window._runner, school),
        AddDeputyDialog(view, people, window._runner, school),
        PupilImportDialog(view, window._runner, view.workspace.pupil_import, lambda _c: None),
    ]
    for dialog in dialogs:
        dialog.show()
        if isinstance(dialog, PupilImportDialog):
            dialog.read(roll)
        assert outside(dialog, screen) == [], dialog.windowTitle()
        dialog.close()
