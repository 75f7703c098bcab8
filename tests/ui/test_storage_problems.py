"""In the window: a full disk, a read-only folder or busy records lose nothing typed and say
what to do, at unlock, when saving a form, while drafts save themselves, and when backing up."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from scr_reflect.domain.enums import Category
from scr_reflect.domain.records import Child, Draft
from scr_reflect.services import workspace
from scr_reflect.ui.forms.entry_form import EntryForm
from scr_reflect.ui.shared import prompts
from scr_reflect.ui.shared.task_runner import LaneRunner
from tests.core_fixtures import PROFILE
from tests.faults import (
    DISK_FULL,
    LOCKED,
    READ_ONLY,
    failing_file_writes,
    failing_sql,
    needs_chmod,
    read_only,
)
from tests.fictional import PASSPHRASE
from tests.ui.form_driving import field, retype, save
from tests.ui.test_recording import add_child

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
WHAT = "Said she was scared to go home after school on Friday."
WORDS = "I don't want to go back there"


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box the window would have shown."""
    shown: list[tuple[str, str]] = []
    for kind in ("inform", "warn"):
        monkeypatch.setattr(prompts, kind, lambda _p, title, text: shown.append((title, text)))
    return shown


def fill_concern(qtbot, window):
    add_child(qtbot, window, "Ada Quillfeather")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.view.forms[-1]
    retype(qtbot, field(form, "occurred_at"), "19/11/2026 10:15")
    qtbot.keyClicks(field(form, "raised_by"), "Mr Lewin, PE teacher")
    qtbot.keyClicks(field(form, "what_happened"), WHAT)
    qtbot.keyClicks(field(form, "child_words"), WORDS)
    qtbot.mouseClick(field(form, "categories").boxes[Category.EMOTIONAL], LEFT)
    return form


def assert_everything_typed_is_kept(form) -> None:
    assert form.isVisible()
    assert form.value("raised_by") == "Mr Lewin, PE teacher"
    assert form.value("what_happened") == WHAT
    assert form.value("child_words") == WORDS


def test_a_concern_saved_onto_a_full_disk_stays_open_and_saves_once_there_is_room(
    unlocked, qtbot, said
):
    window = unlocked
    form = fill_concern(qtbot, window)

    with failing_sql(DISK_FULL):
        save(qtbot, form)

    assert_everything_typed_is_kept(form)
    message = form.problems.text()
    assert message.startswith("Not saved. The disk that holds the folder")
    assert "is full" in message and "Free some space" in message
    assert "Everything you typed is still in this form" in message
    assert WHAT not in message
    assert window.view.chronology.model.rowCount() == 0
    assert said == []  # beside the form, not in a box on top of it

    save(qtbot, form)  # space freed: the same Save now works

    assert form not in window.view.forms
    assert window.view.chronology.model.rowCount() == 1
    assert WHAT[:20] in window.view.chronology.model.index(0, 2).data()


@pytest.mark.parametrize(
    ("failure", "words"),
    [(READ_ONLY, "read-only"), (LOCKED, "busy: another program is writing to them")],
)
def test_a_read_only_folder_or_busy_records_keep_the_form_open(unlocked, qtbot, failure, words):
    form = fill_concern(qtbot, unlocked)
    with failing_sql(failure):
        save(qtbot, form)
    assert_everything_typed_is_kept(form)
    assert words in form.problems.text()


def test_drafts_that_cannot_be_saved_say_so_once_and_keep_the_text(unlocked, qtbot, said):
    window = unlocked
    form = fill_concern(qtbot, window)
    window.statusBar().clearMessage()  # "Saved." for the child

    with failing_sql(DISK_FULL):
        for more in (" She", " was", " quiet."):  # each pause in typing tries again
            qtbot.keyClicks(field(form, "what_happened"), more)
            form.save_draft_now()
            assert form.draft_note.isVisible()
            note = form.draft_note.text()

    assert note.startswith("Your typing is not being kept as a draft just now.")
    assert "is full" in note and WHAT not in note
    assert said == [] and window.statusBar().currentMessage() == ""
    assert form.value("what_happened") == WHAT + " She was quiet."
    drafts = window.view.workspace.records.drafts()
    assert all(d.fields["what_happened"] != WHAT + " She was quiet." for d in drafts)

    form.save_draft_now()  # room again: the draft saves and the note goes

    assert form.draft_note.isHidden()
    [draft] = window.view.workspace.records.drafts()
    assert draft.fields["what_happened"] == WHAT + " She was quiet."


def test_a_draft_that_fails_as_its_form_closes_on_the_lane_is_let_go_quietly(qtbot, clock):
    ws = workspace.in_memory(PROFILE, clock)
    child = ws.records.add_child(Child("Ada Quillfeather", date(2013, 6, 1))).child_id
    lane = LaneRunner()
    form = EntryForm(None, lane, ws.records, Draft("entry-new", "A note"), child)
    qtbot.keyClicks(field(form, "title"), "Spoke to Ada at break")
    with failing_sql(DISK_FULL):
        form.save_draft_now()
        form.done(0)  # the window locks as the draft is being saved
        lane.wait_until_idle()
    # Qt deletes the closed form first, then hands back the draft's result: nothing may fail.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    ws.close()


def lock(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert window.workspace is None


def unlock_through_the_page(qtbot, window) -> None:
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_page.unlock, LEFT)


def test_unlocking_a_store_that_cannot_be_written_opens_it_to_read_and_says_why(unlocked, qtbot):
    window = unlocked
    lock(qtbot, window)

    with failing_sql(READ_ONLY):
        unlock_through_the_page(qtbot, window)
        assert window.workspace is not None
        said = window.statusBar().currentMessage()
        assert "open for reading only" in said and "Ask IT support" in said
        assert "passphrase" not in said  # not mistaken for a wrong passphrase or key
        lock(qtbot, window)

    unlock_through_the_page(qtbot, window)
    assert window.workspace is not None
    assert "reading only" not in window.statusBar().currentMessage()


@needs_chmod
def test_unlocking_a_read_only_data_folder_for_real(unlocked, qtbot, tmp_path):
    window = unlocked
    lock(qtbot, window)
    root = tmp_path / "data"
    with read_only(root, root / "scr-reflect.db", root / "keys.json"):
        unlock_through_the_page(qtbot, window)
        assert window.workspace is not None
        assert "open for reading only" in window.statusBar().currentMessage()
        lock(qtbot, window)
    unlock_through_the_page(qtbot, window)
    assert window.workspace is not None


def test_back_up_now_onto_a_full_disk_says_so(unlocked, said, monkeypatch):
    failing_file_writes(monkeypatch)
    [menu] = [a.menu() for a in unlocked.menuBar().actions() if a.text() == "&Safety"]
    next(a for a in menu.actions() if a.text() == "&Back up now…").trigger()
    [(title, text)] = said
    assert title == "Not done"
    assert "is full" in text and "Free some space" in text
    assert unlocked.workspace is not None  # the records stay open


# The app as a separate process, on a data folder it may not write.
RUN_APP = """
import sys
from scr_reflect.app import build_window
window = build_window(["--data-dir", sys.argv[1]])
print("open" if window else "refused", flush=True)
"""


@needs_chmod
def test_the_window_opens_on_a_read_only_data_folder_without_a_traceback(unlocked, tmp_path):
    root = tmp_path / "data"
    unlocked.close()  # the app closed; then the folder was made read-only
    with read_only(root, root / "scr-reflect.db", root / "keys.json"):
        run = subprocess.run(
            [sys.executable, "-c", RUN_APP, str(root)],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            cwd=Path(__file__).parents[2],
            timeout=60,
        )
    assert run.stdout.strip() == "open"
    assert "Traceback" not in run.stderr
