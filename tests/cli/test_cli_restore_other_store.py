"""Restoring another store's backup (another school's, or one set up again) over this one is
refused unless asked for with --other-school; a database reached through a link stays linked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.storage import store_id
from tests.cli.test_cli_backup import backup_of, children
from tests.core_fixtures import folder_state


@pytest.fixture
def folder(demo_dir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(demo_dir, root)
    return root


@pytest.fixture
def other_school(scripted, tmp_path: Path, capsys) -> Path:
    root = tmp_path / "other"
    assert cli.main(["init", "--data-dir", str(root), "--school", "Other", "--dsl", "Ola"]) == 0
    capsys.readouterr()
    return backup_of(root, capsys)


def test_every_store_has_its_own_id(folder, tmp_path, other_school) -> None:
    ours, theirs = (
        store_id.read_id(folder / "keys.json"),
        store_id.read_id(other_school.parent.parent / "keys.json"),
    )
    assert ours is not None and theirs is not None and ours != theirs


def test_another_schools_backup_is_refused_without_other_school(
    scripted, folder, other_school, capsys
) -> None:
    before = folder_state(folder)
    assert cli.main(["restore", str(other_school), "--data-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "taken from other records" in err and "--other-school" in err
    assert folder_state(folder) == before

    args = ["restore", str(other_school), "--other-school", "--data-dir", str(folder)]
    assert cli.main(args) == 0
    capsys.readouterr()
    assert children(folder, capsys) == ""  # the other school's store has no children


def test_a_linked_database_stays_linked_and_the_backup_goes_where_it_points(
    scripted, folder, tmp_path, capsys
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "scr-reflect.db").rename(elsewhere / "records.db")
    (folder / "scr-reflect.db").symlink_to(elsewhere / "records.db")
    listed = children(folder, capsys)
    made = backup_of(folder, capsys)

    assert cli.main(["restore", str(made), "--data-dir", str(folder)]) == 0
    capsys.readouterr()

    link = folder / "scr-reflect.db"
    assert link.is_symlink() and link.resolve() == elsewhere / "records.db"
    assert children(folder, capsys) == listed
    assert [p.name for p in elsewhere.iterdir() if p.name.startswith("before-restore-")]
