"""Records > Import pupils from the MIS…: a CTF straight to its preview, a CSV through its
column mapping; bad rows named and nothing imported until skipped; unsure pupils decided.

Every pupil is fictional (tests/fictional_mis.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTableWidget

from scr_reflect.domain.records import Child
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.pupils.pupil_import_dialog import PupilImportDialog
from scr_reflect.ui.pupils.pupil_import_preview import AS_NEW, CHOICE_COLUMN
from scr_reflect.ui.shared import prompts
from tests.fictional_mis import csv_text, ctf, many_pupils, with_wrong_letter

LEFT = Qt.MouseButton.LeftButton


def open_import(
    window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> PupilImportDialog:
    monkeypatch.setattr(prompts, "open_file_name", lambda *_args: str(path))
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Records"]
    [action] = [
        a for a in menu.actions() if a.text().replace("&", "") == "Import pupils from the MIS…"
    ]
    action.trigger()
    [dialog] = [w for w in window.view.findChildren(PupilImportDialog) if w.isVisible()]
    return dialog


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount()) if table.item(r, c)]
        for r in range(table.rowCount())
    ]


def tab_titles(dialog: PupilImportDialog) -> list[str]:
    return [dialog.preview.tabText(i) for i in range(dialog.preview.count())]


def listed(window: MainWindow) -> int:
    return window.view.children_pane.model.rowCount()


def test_a_ctf_is_previewed_then_imported_and_a_changed_one_shows_old_and_new(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:
    pupils = many_pupils(40)
    path = tmp_path / "roll.xml"
    path.write_bytes(ctf(pupils))
    dialog = open_import(unlocked, path, monkeypatch)
    assert tab_titles(dialog) == [
        "New (40)",
        "Changed (0)",
        "To decide (0)",
        "Not in the file (0)",
        "Bad rows (0)",
    ]
    assert listed(unlocked) == 0  # the preview wrote nothing
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.status.text() == "Imported: 40 added, 0 updated."
    assert listed(unlocked) == 40
    dialog.close()

    path.write_bytes(ctf([replace(pupils[0], year="8", group="8Q"), *pupils[1:39]]))
    dialog = open_import(unlocked, path, monkeypatch)
    assert tab_titles(dialog)[1] == "Changed (1)" and tab_titles(dialog)[3] == "Not in the file (1)"
    [[line, name, what]] = cells(dialog.preview.changed)
    assert (line, name) == ("10", f"{pupils[0].forename} {pupils[0].surname}")
    assert what == "Year: Year 7 -> Year 8; Registration group: 7Q -> 8Q"
    dialog.grab().save(str(tmp_path / "changed.png"))


def test_a_csv_with_bad_rows_names_each_and_imports_nothing_until_skipped(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:
    pupils = many_pupils(4)
    pupils[1] = replace(pupils[1], upn=with_wrong_letter(pupils[1].upn))
    pupils[2] = replace(pupils[2], upn="")
    text = csv_text(pupils).replace("Reg", "Tutor Group Name", 1)
    path = tmp_path / "roll.csv"
    path.write_text(text, encoding="cp1252")
    dialog = open_import(unlocked, path, monkeypatch)
    assert dialog.columns.isVisible()  # the column mapping step comes first for a CSV
    assert dialog.columns.boxes["upn"].currentText() == "UPN"
    assert dialog.columns.boxes["tutor_group"].currentText() == "(not in this file)"
    box = dialog.columns.boxes["tutor_group"]
    box.setCurrentIndex(box.findText("Tutor Group Name"))
    dialog.columns.boxes["upn"].setCurrentIndex(0)
    assert not dialog.columns.next_button.isEnabled()
    assert "Choose the column that holds the UPN." in dialog.columns.problems.text()
    dialog.columns.boxes["upn"].setCurrentIndex(dialog.columns.boxes["upn"].findText("UPN"))
    qtbot.mouseClick(dialog.columns.next_button, LEFT)
    assert dialog.pages.currentWidget() is dialog.preview
    assert dialog.preview.currentWidget() is dialog.preview.bad_rows
    assert [row[0] for row in cells(dialog.preview.bad_rows)] == ["3", "4"]
    assert "check letter is wrong" in cells(dialog.preview.bad_rows)[0][1]
    assert cells(dialog.preview.bad_rows)[1][1] == "The UPN is missing."
    assert (
        not dialog.import_button.isEnabled() and "Nothing will be imported" in dialog.status.text()
    )
    dialog.grab().save(str(tmp_path / "bad_rows.png"))
    dialog.skip_bad_rows.setChecked(True)
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.status.text() == "Imported: 2 added, 0 updated."
    assert (
        unlocked.workspace.pupil_import.guessed_mapping(
            unlocked.workspace.pupil_import.read(path).table
        )["tutor_group"]
        == "Tutor Group Name"
    )


def test_an_unsure_pupil_is_left_out_unless_the_dsl_decides(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:
    (pupil,) = many_pupils(1)
    unlocked.workspace.records.add_child(
        Child(f"{pupil.forename} {pupil.surname}", pupil.born, upn=many_pupils(1, 500)[0].upn)
    )
    unlocked.view.children_pane.refresh()
    path = tmp_path / "roll.xml"
    path.write_bytes(ctf([pupil]))
    dialog = open_import(unlocked, path, monkeypatch)
    assert tab_titles(dialog)[2] == "To decide (1)"
    box = dialog.preview.unsure.cellWidget(0, CHOICE_COLUMN)
    assert isinstance(box, QComboBox)
    assert [box.itemText(i) for i in range(box.count())][1].startswith("The same child as ")
    dialog.grab().save(str(tmp_path / "unsure.png"))
    box.setCurrentIndex(box.findText(AS_NEW))
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.status.text() == "Imported: 1 added, 0 updated."
    assert listed(unlocked) == 2


def test_a_refused_file_says_why_and_writes_nothing(unlocked, tmp_path, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda _parent, _title, text: warned.append(text))
    path = tmp_path / "roll.xml"
    path.write_bytes(
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/hostname'>]><CTfile>&e;</CTfile>"
    )
    dialog = open_import(unlocked, path, monkeypatch)
    assert warned and "refused unread" in warned[0]
    assert not dialog.import_button.isVisible() or not dialog.import_button.isEnabled()
    assert listed(unlocked) == 0


def test_locking_closes_the_import_with_its_preview(unlocked, qtbot, tmp_path, monkeypatch) -> None:
    path = tmp_path / "roll.xml"
    path.write_bytes(ctf(many_pupils(5)))
    open_import(unlocked, path, monkeypatch)
    qtbot.keyClick(unlocked, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlocked.view is None
    showing = [w for w in QApplication.topLevelWidgets() if isinstance(w, PupilImportDialog)]
    assert not any(w.isVisible() for w in showing)


def test_a_large_import_moves_its_progress_bar_then_hides_it(
    unlocked, qtbot, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "roll.xml"
    path.write_bytes(ctf(many_pupils(600)))
    dialog = open_import(unlocked, path, monkeypatch)
    seen: list[tuple[int, int]] = []
    dialog._progress.moved.connect(lambda done, total: seen.append((done, total)))
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Imported"))
    assert seen[0][1] == 600 and seen[-1] == (600, 600)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    assert not dialog.progress.isVisible()
