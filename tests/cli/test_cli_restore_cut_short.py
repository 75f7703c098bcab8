"""A restore cut short between its renames: the next command finishes or undoes it first, so
the folder never looks "not set up" and `init` never makes an empty store beside the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.storage import restore_journal
from tests.cli.test_cli_backup import backup_of, children
from tests.faults import restore_dies_after


@pytest.fixture
def folder(demo_dir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(demo_dir, root)
    return root


def _restore_dies_after(moves: int, *args: str) -> None:
    with restore_dies_after(moves):
        cli.main(["restore", *args])


def test_init_after_a_restore_cut_short_finds_the_records_back(scripted, folder, capsys):
    listed = children(folder, capsys)
    made = backup_of(folder, capsys)
    _restore_dies_after(1, str(made), "--data-dir", str(folder))
    capsys.readouterr()

    assert cli.main(["init", "--data-dir", str(folder), "--school", "X", "--dsl", "Y"]) == 1
    err = capsys.readouterr().err
    assert "has been undone" in err and "already set up" in err
    assert children(folder, capsys) == listed


def test_a_restore_cut_short_after_the_records_moved_in_is_finished(scripted, folder, capsys):
    made = backup_of(folder, capsys)
    listed = children(folder, capsys)
    # The database, its -wal and -shm, and the key file move; the key file's lock stays.
    moves = len([p for p in folder.iterdir() if p.name.startswith("scr-reflect.db")]) + 1
    _restore_dies_after(moves + 1, str(made), "--data-dir", str(folder))
    assert not (folder / "keys.json").exists()
    capsys.readouterr()

    assert cli.main(["children", "--data-dir", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "has now been finished" in err
    assert out == listed
    assert not restore_journal.journal(folder).exists()
