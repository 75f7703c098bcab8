"""A restore cut short is settled as the window starts, and the window says what was done."""

from __future__ import annotations

from scr_reflect import app
from scr_reflect.cli import commands as cli
from scr_reflect.storage import restore_journal
from tests.faults import restore_dies_after
from tests.whole_app import load_demo, process_state_kept


def test_the_window_undoes_a_restore_cut_short_and_says_so(qtbot, tmp_path, monkeypatch):
    root = tmp_path / "data"
    load_demo(root, monkeypatch)
    assert cli.main(["backup", "--data-dir", str(root)]) == 0
    made = next((root / "backups").glob("*.db"))
    with restore_dies_after(1):
        cli.main(["restore", str(made), "--data-dir", str(root)])
    assert not (root / "scr-reflect.db").exists()

    with process_state_kept():
        window = app.build_window(["--data-dir", str(root)])
        assert window is not None
        qtbot.addWidget(window)

    assert "has been undone" in window.statusBar().currentMessage()
    assert not restore_journal.journal(root).exists()
    assert (root / "scr-reflect.db").exists()
    assert window.stack.currentWidget() is window.unlock_page  # not the set-up page
