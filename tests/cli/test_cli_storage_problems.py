"""The command line on a full disk, a read-only folder, busy records or a folder in use:
one clear line on stderr, a non-zero exit, and nothing changed."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from scr_reflect.cli import commands as cli
from scr_reflect.domain.records import Child
from scr_reflect.services.workspace import unlock
from scr_reflect.storage import keyslots, sqlcipher
from scr_reflect.storage.folder_lock import claim
from tests.core_fixtures import folder_state
from tests.faults import (
    DISK_FULL,
    failing_file_writes,
    failing_sql,
    full_folder,
    needs_chmod,
    read_only,
)
from tests.fictional import PASSPHRASE

NAME = "Ada Quillfeather"


@pytest.fixture
def folder(scripted: None, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    assert cli.main(["init", "--data-dir", str(root), "--school", "S", "--dsl", "D"]) == 0
    ws = unlock(root, PASSPHRASE)
    ws.records.add_child(Child(NAME, date(2013, 6, 1)))
    ws.close()
    return root


def one_line_failure(capsys: pytest.CaptureFixture[str], *words: str) -> None:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("scr-reflect: ")
    assert "Traceback" not in err and NAME not in err
    for word in words:
        assert word in err


def _backup_in(root: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli.main(["backup", "--data-dir", str(root)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    return Path(first.removeprefix("Backed up to ").removesuffix("."))


# The window, or another command, has the folder ---------------------------------------------

CHANGING = {
    "init": ["--school", "S", "--dsl", "D"],
    "demo": [],
    "backup": [],
    "report": ["chronology", "--child", "1", "--out", "{out}"],
}


@pytest.fixture
def held(folder: Path) -> Iterator[Path]:
    """The folder as it is while the window is open on it."""
    lock = claim(folder)
    yield folder
    lock.release()


@pytest.mark.parametrize("command", sorted(CHANGING))
def test_a_command_that_changes_the_folder_is_refused_while_it_is_in_use(
    command, held, tmp_path, capsys
):
    before = folder_state(held)
    extra = [a.format(out=tmp_path / "out.pdf") for a in CHANGING[command]]
    assert cli.main([command, *extra, "--data-dir", str(held)]) == 1
    one_line_failure(capsys, "SCR Reflect is open on", str(held), "Nothing was changed")
    assert folder_state(held) == before
    assert not (tmp_path / "out.pdf").exists()


def test_restore_is_refused_while_the_folder_is_in_use(folder, capsys):
    made = _backup_in(folder, capsys)
    lock = claim(folder)
    try:
        before = folder_state(folder)
        assert cli.main(["restore", str(made), "--data-dir", str(folder)]) == 1
        one_line_failure(capsys, "SCR Reflect is open on")
        assert folder_state(folder) == before
    finally:
        lock.release()


@pytest.mark.parametrize("command", [["children"], ["show", "1"], ["verify"]])
def test_commands_that_only_read_run_beside_the_window(command, held, capsys):
    assert cli.main([*command, "--data-dir", str(held)]) == 0
    assert NAME in capsys.readouterr().out or command == ["verify"]


def test_the_folder_is_free_again_after_each_command(folder, capsys):
    _backup_in(folder, capsys)
    lock = claim(folder)  # would raise FolderInUse had the backup kept it
    lock.release()


# A full disk ---------------------------------------------------------------------------------


def test_backup_onto_a_full_disk(folder, monkeypatch, capsys):
    before = folder_state(folder / "backups")  # the one taken when init closed the store
    failing_file_writes(monkeypatch)
    assert cli.main(["backup", "--data-dir", str(folder)]) == 1
    one_line_failure(capsys, "is full", "Free some space")
    assert folder_state(folder / "backups") == before


def test_backup_copy_onto_a_full_stick_keeps_the_backup_and_says_so(
    folder, tmp_path, monkeypatch, capsys
):
    usb = tmp_path / "usb"
    full_folder(monkeypatch, usb)
    assert cli.main(["backup", "--to", str(usb), "--data-dir", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("Backed up to ")
    assert err.count("\n") == 1 and f"could not be copied to {usb}" in err and "is full" in err


def test_demo_onto_a_full_disk(scripted, tmp_path, capsys):
    with failing_sql(DISK_FULL):
        assert cli.main(["demo", "--init", "--data-dir", str(tmp_path / "demo")]) == 1
    one_line_failure(capsys, "is full")


def test_init_onto_a_full_disk_can_be_run_again_once_freed(scripted, tmp_path, capsys):
    root = tmp_path / "data"
    args = ["init", "--data-dir", str(root), "--school", "S", "--dsl", "D"]
    with pytest.MonkeyPatch.context() as full:
        failing_file_writes(full)
        assert cli.main(args) == 1
    one_line_failure(capsys, "is full")
    assert cli.main(args) == 0


def test_report_onto_a_full_disk(folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "reports"
    full_folder(monkeypatch, out)
    args = ["report", "chronology", "--child", "1", "--out", str(out / "c.pdf")]
    assert cli.main([*args, "--data-dir", str(folder)]) == 1
    one_line_failure(capsys, "is full", str(out))


# A read-only folder ---------------------------------------------------------------------------


def test_restore_into_a_read_only_folder(folder, monkeypatch, capsys):
    made = _backup_in(folder, capsys)
    before = folder_state(folder)
    full_folder(monkeypatch, folder, errno.EROFS)
    assert cli.main(["restore", str(made), "--data-dir", str(folder)]) == 1
    one_line_failure(capsys, "read-only", "IT support")
    assert folder_state(folder) == before


@needs_chmod
def test_commands_on_a_read_only_data_folder(folder, tmp_path, capsys):
    made = _backup_in(folder, capsys)
    files = [folder, folder / "scr-reflect.db", folder / "keys.json"]
    before = folder_state(folder)
    with read_only(*files):
        for args in (["backup"], ["restore", str(made)]):
            assert cli.main([*args, "--data-dir", str(folder)]) == 1
            one_line_failure(capsys, "read-only")
    assert folder_state(folder) == before


@needs_chmod
def test_init_where_no_folder_may_be_made(scripted, tmp_path, capsys):
    parent = tmp_path / "shared"
    parent.mkdir()
    with read_only(parent):
        args = ["init", "--data-dir", str(parent / "data"), "--school", "S", "--dsl", "D"]
        assert cli.main(args) == 1
    one_line_failure(capsys, "read-only")


# Busy records ---------------------------------------------------------------------------------


def test_records_held_by_another_program_are_busy(folder, monkeypatch, capsys):
    monkeypatch.setattr(sqlcipher, "BUSY_TIMEOUT_SECONDS", 0.2)
    key = keyslots.unlock(keyslots.load_header(folder / "keys.json"), PASSPHRASE)
    other = dbapi2.connect(str(folder / "scr-reflect.db"), isolation_level=None)
    other.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert cli.main(["backup", "--data-dir", str(folder)]) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    one_line_failure(capsys, "busy", "another program")
