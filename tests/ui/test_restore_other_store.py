"""Restoring a backup of another store from the Safety menu asks a second time, naming it as
another store's; declining leaves the records open and the folder as it was."""

from __future__ import annotations

from scr_reflect.ui.safety.backup_actions import OTHER_RECORDS_TITLE
from scr_reflect.ui.shared import prompts
from tests.core_fixtures import folder_state
from tests.fictional import PASSPHRASE
from tests.ui.test_backup_actions import backup_of_another_store, safety


def test_another_stores_backup_needs_a_second_yes(unlocked, monkeypatch, tmp_path, clock):
    backup = backup_of_another_store(tmp_path, clock)
    asked: list[str] = []

    def confirm(_parent, title, _text, **_kw) -> bool:
        asked.append(title)
        return title != OTHER_RECORDS_TITLE

    monkeypatch.setattr(prompts, "open_file_name", lambda *_a: str(backup.made))
    monkeypatch.setattr(prompts, "ask_passphrase", lambda *_a: PASSPHRASE)
    monkeypatch.setattr(prompts, "confirm", confirm)
    before = folder_state(tmp_path / "data")

    safety(unlocked, "Restore from a backup…").trigger()

    assert asked == ["Restore from a backup", OTHER_RECORDS_TITLE]
    assert unlocked.workspace is not None
    assert folder_state(tmp_path / "data") == before
