"""'Try with fictional demo records' on the setup page: a demo store beside the data folder,
never in it, opened with the passphrase the page shows and marked as a demo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from scr_reflect import app
from scr_reflect.demo.store import DEMO_PASSPHRASE, demo_folder
from scr_reflect.demo.stories import STORIES
from scr_reflect.services.workspace import data_folder_is_set_up, unlock
from tests.whole_app import process_state_kept


def test_the_setup_page_offers_the_demo_with_its_folder_and_passphrase(make_window, tmp_path):
    page = make_window().setup_page
    about = page.findChild(type(page.error), "demoAbout")
    assert str(tmp_path / "data (demo)") in about.text()
    assert DEMO_PASSPHRASE in about.text()
    assert page.try_demo.text() == "Try with fictional demo records"


def test_trying_the_demo_opens_fictional_records_kept_apart_from_the_real_folder(
    make_window, qtbot, tmp_path
):
    window = make_window()
    root = tmp_path / "data"
    qtbot.mouseClick(window.setup_page.try_demo, Qt.MouseButton.LeftButton)

    assert window.view is not None
    assert window.windowTitle() == (
        "SCR Reflect: Riverside Academy (demo) \u2014 DEMO \u2014 fictional records"
    )
    assert window.view.children_pane.model.rowCount() >= len(STORIES)
    assert window.keys.dialog is None  # no recovery code to put away for fictional records
    assert not data_folder_is_set_up(root)
    assert demo_folder(root) == tmp_path / "data (demo)"
    assert data_folder_is_set_up(demo_folder(root))

    # Locked, the window goes back to setting up the real folder, and the demo reopens as
    # it was, without loading the caseload a second time.
    window.lock()
    assert window.stack.currentWidget() is window.setup_page
    assert window.windowTitle() == "SCR Reflect"
    qtbot.mouseClick(window.setup_page.try_demo, Qt.MouseButton.LeftButton)
    assert "DEMO" in window.windowTitle()
    window.lock()
    ws = unlock(demo_folder(root), DEMO_PASSPHRASE)
    try:
        assert len(ws.records.search_children("")) == len(STORIES)
    finally:
        ws.close()


def test_the_app_opens_on_the_demo_when_asked_to_as_make_demo_does(qtbot, tmp_path):
    root = tmp_path / "data"
    with process_state_kept():
        window = app.build_window(["--data-dir", str(root), "--demo"])
        assert window is not None
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.view is not None, timeout=120_000)
        assert window.windowTitle().endswith("\u2014 DEMO \u2014 fictional records")
        assert not data_folder_is_set_up(root)
        window.close()
