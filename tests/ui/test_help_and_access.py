"""Help lists the shortcuts (the same table as the README's) and says what and where this
is; every control has a name a screen reader can say; empty lists say what to do next."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QWidget

from scr_reflect import __version__
from scr_reflect.domain.records import Child, FollowUpAction
from scr_reflect.resource_files import resources_dir
from scr_reflect.ui.about_dialog import AboutDialog
from scr_reflect.ui.shared import shortcuts
from scr_reflect.ui.shared.shortcuts import ShortcutsDialog
from tests.fictional import PASSPHRASE

README = Path(__file__).resolve().parents[2] / "README.md"
INTERACTIVE = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView)


def help_action(window, text: str):
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    [action] = [a for a in menu.actions() if a.text() == text]
    return action


def test_help_lists_every_shortcut_from_the_one_table(unlocked, qtbot):
    help_action(unlocked, "&Keyboard shortcuts").trigger()
    dialog = unlocked.help.dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    listed = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert listed == [s.keys for s in shortcuts.ALL]
    assert unlocked.lock_action.shortcut().toString() == shortcuts.LOCK.keys
    assert unlocked.new_child_action.shortcut().toString() == shortcuts.NEW_CHILD.keys


def test_f1_opens_the_shortcuts(unlocked, qtbot):
    qtbot.keyClick(unlocked, Qt.Key.Key_F1)
    assert isinstance(unlocked.help.dialog, ShortcutsDialog)


def test_the_readme_table_is_the_same_list():
    rows = re.findall(r"^\| (.+?) \| (.+?) \|$", README.read_text(encoding="utf-8"), re.M)
    table = [(keys, does) for keys, does in rows if keys not in ("Shortcut", "---")]
    assert table[: len(shortcuts.ALL)] == [(s.keys, s.does) for s in shortcuts.ALL]


def test_about_names_the_version_licence_and_data_folder(unlocked, qtbot, tmp_path):
    help_action(unlocked, "&About SCR Reflect").trigger()
    dialog = unlocked.help.dialog
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    text = dialog.text.text()
    assert f"SCR Reflect {__version__}" in text
    assert "MIT licence" in text
    for part, licence in (
        (f"Qt {qVersion()}", "LGPL"),
        ("SQLCipher Community", "BSD"),
        ("DejaVu fonts", "licence"),
        ("reportlab", "BSD"),
        ("SQLAlchemy", "MIT"),
    ):
        [line] = [line for line in text.splitlines() if part in line]
        assert licence in line
    assert str(resources_dir() / "licences") in text
    assert str(tmp_path / "data") in text


def test_every_control_in_the_main_window_has_a_name(unlocked, qtbot):
    window = unlocked
    records = window.workspace.records
    child_id = records.add_child(Child("Ada Quillfeather", date(2014, 9, 3))).child_id
    records.add_action(FollowUpAction(child_id, "Chase CSC", "Sam Okafor", date(2026, 11, 1)))
    window.lock()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    window.view.show_child(child_id)
    checked, unnamed = [], []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        checked.append(widget)
        face = QAccessible.queryAccessibleInterface(widget)
        if not (face and face.text(QAccessible.Text.Name).strip()):
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert len(checked) >= 10  # the search, lists, filters, overdue list, the buttons
    assert unnamed == []


def test_the_named_lists_and_filters(unlocked):
    view = unlocked.view
    assert view.children_pane.search.accessibleName() == "Find a child"
    assert view.children_pane.table.accessibleName() == "Children"
    assert view.chronology.table.accessibleName() == "Chronology"
    assert view.chronology.date_from.accessibleName() == "From date"
    assert view.chronology.date_to.accessibleName() == "To date"
    assert unlocked.findChild(QWidget, "overdueList").accessibleName() == "Overdue actions"


def test_an_empty_list_says_what_to_do_next(unlocked):
    assert "Add your first child: Ctrl+Shift+N" in unlocked.view.children_pane.count.text()
    child_id = unlocked.workspace.records.add_child(Child("Ada Quillfeather", date(2014, 9, 3)))
    unlocked.view.show_child(child_id.child_id)
    empty = unlocked.view.chronology.empty
    assert empty.isVisible() and "Record a concern: Ctrl+N" in empty.text()
