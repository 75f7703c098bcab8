"""passwd, recover, recovery-sheet and people on the command line, against real stores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.cli import keys as cli_keys
from scr_reflect.services.workspace import unlock
from tests.fictional import PASSPHRASE

NEW = "otter saucepan glacier whistle"
DEPUTY = "marmalade lighthouse quarrel tundra"
CODE = re.compile(r"Recovery code: ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})")


@pytest.fixture
def folder(scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "data"
    assert run("init", root, "--school", "Test School", "--dsl", "Sam Okafor") == 0
    return root


def run(command: str, root: Path, *more: str) -> int:
    return cli.main([*command.split(), "--data-dir", str(root), *more])


def who_unlocks(root: Path, passphrase: str) -> str:
    ws = unlock(root, passphrase)
    try:
        return ws.person.name
    finally:
        ws.close()


def test_init_shows_the_recovery_code_once_and_it_works(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    root = tmp_path / "data"
    assert run("init", root, "--school", "Test School", "--dsl", "Sam Okafor") == 0
    out = capsys.readouterr().out
    [code] = CODE.findall(out)
    assert "school safe" in out and "nobody can open the records" in out

    monkeypatch.setenv(cli_keys.RECOVERY_CODE_ENV, code.lower())
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, NEW)
    assert run("recover", root) == 0
    assert "Set a new passphrase for Sam Okafor. Every record is kept." in capsys.readouterr().out
    assert who_unlocks(root, NEW) == "Sam Okafor"


def test_init_can_save_the_recovery_sheet_instead(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "recovery.pdf"
    assert (
        run(
            "init", tmp_path / "data", "--dsl", "S", "--school", "T", "--recovery-sheet", str(sheet)
        )
        == 0
    )
    out = capsys.readouterr().out
    assert sheet.read_bytes().startswith(b"%PDF")
    assert f"Saved the recovery sheet to {sheet}" in out and not CODE.search(out)


def test_passwd_changes_the_passphrase(folder: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, NEW)
    assert run("passwd", folder) == 0
    out, err = capsys.readouterr()
    assert "Changed the passphrase for Sam Okafor" in out and "old passphrase" in out
    assert PASSPHRASE not in out + err and NEW not in out + err
    assert who_unlocks(folder, NEW) == "Sam Okafor"
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    assert run("children", folder) == 1
    assert "passphrase is not right" in capsys.readouterr().err


def test_passwd_asks_for_the_new_passphrase_twice(folder: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv(cli.PASSPHRASE_ENV)
    typed = iter([PASSPHRASE, NEW, NEW + "x"])
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return next(typed)

    monkeypatch.setattr(cli_keys.getpass, "getpass", answer)
    assert run("passwd", folder) == 2
    assert asked == ["Passphrase: ", "New passphrase: ", "Type it again: "]
    assert "not the same" in capsys.readouterr().err
    assert who_unlocks(folder, PASSPHRASE) == "Sam Okafor"


def test_passwd_with_a_wrong_current_passphrase_changes_nothing(folder, monkeypatch, capsys):
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase at all")
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, NEW)
    assert run("passwd", folder) == 1
    assert "passphrase is not right" in capsys.readouterr().err
    assert who_unlocks(folder, PASSPHRASE) == "Sam Okafor"


def test_recover_refuses_a_wrong_or_malformed_code(folder, monkeypatch, capsys) -> None:
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, NEW)
    monkeypatch.setenv(cli_keys.RECOVERY_CODE_ENV, "2222-" * 6 + "2222")
    assert run("recover", folder) == 1
    assert "recovery code does not open this store" in capsys.readouterr().err
    monkeypatch.setenv(cli_keys.RECOVERY_CODE_ENV, "2222-3333")
    assert run("recover", folder) == 2
    assert "7 groups of 4" in capsys.readouterr().err
    assert who_unlocks(folder, PASSPHRASE) == "Sam Okafor"


def test_a_new_recovery_sheet_replaces_the_code(folder, monkeypatch, capsys, tmp_path) -> None:
    [old] = CODE.findall(capsys.readouterr().out)
    sheet = tmp_path / "new sheet.pdf"
    assert run("recovery-sheet", folder, "--out", str(sheet)) == 0
    assert "no longer works" in capsys.readouterr().out
    assert sheet.read_bytes().startswith(b"%PDF")
    monkeypatch.setenv(cli_keys.RECOVERY_CODE_ENV, old)
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, NEW)
    assert run("recover", folder) == 1


def test_people_add_list_and_remove(folder, monkeypatch, capsys) -> None:
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, DEPUTY)
    assert run("people add", folder, "Priya Deputy") == 0
    assert "Added Priya Deputy (id 2)" in capsys.readouterr().out
    assert who_unlocks(folder, DEPUTY) == "Priya Deputy"

    assert run("people list", folder) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:3] for line in lines] == [
        ["1", "Sam Okafor", "Designated Safeguarding Lead"],
        ["2", "Priya Deputy", "Deputy DSL"],
    ]

    # A deputy can list, but not add or remove.
    monkeypatch.setenv(cli.PASSPHRASE_ENV, DEPUTY)
    assert run("people remove", folder, "2") == 1
    assert "Only the Designated Safeguarding Lead" in capsys.readouterr().err
    assert run("people add", folder, "Someone Else") == 1
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)

    assert run("people remove", folder, "1") == 1
    assert "cannot be removed" in capsys.readouterr().err
    assert run("people remove", folder, "9") == 2
    assert run("people remove", folder, "2") == 0
    assert "Removed Priya Deputy" in capsys.readouterr().out
    monkeypatch.setenv(cli.PASSPHRASE_ENV, DEPUTY)
    assert run("children", folder) == 1
    assert "passphrase is not right" in capsys.readouterr().err


def test_people_add_refuses_a_weak_passphrase(folder, monkeypatch, capsys) -> None:
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, "password1234")
    assert run("people add", folder, "Priya Deputy") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "password1234" not in err


def test_an_old_key_file_put_back_after_a_removal_opens_nothing(
    folder, monkeypatch, capsys
) -> None:
    [code] = CODE.findall(capsys.readouterr().out)
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, DEPUTY)
    assert run("people add", folder, "Priya Deputy") == 0
    old_key_file = (folder / "keys.json").read_bytes()  # copied to a USB stick, say
    assert run("people remove", folder, "2") == 0
    assert "older copy of the key file no longer opens them" in capsys.readouterr().out

    (folder / "keys.json").write_bytes(old_key_file)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, DEPUTY)
    assert run("children", folder) == 1
    assert "does not open the database beside it" in capsys.readouterr().err
    assert run("verify", folder) == 1
    assert "the key file is older than the database" in capsys.readouterr().out
    monkeypatch.setenv(cli_keys.RECOVERY_CODE_ENV, code)
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, NEW)
    assert run("recover", folder) == 1
    assert "does not open the database beside it" in capsys.readouterr().err


def test_a_recovery_sheet_is_not_written_over_a_file_and_the_code_stays(
    folder, monkeypatch, capsys, tmp_path
) -> None:
    [old] = CODE.findall(capsys.readouterr().out)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    sheet = shared / "sheet.pdf"
    sheet.write_bytes(b"someone else's")
    assert run("recovery-sheet", folder, "--out", str(sheet)) == 2
    assert "already exists. Nothing was written over it" in capsys.readouterr().err
    assert sheet.read_bytes() == b"someone else's"
    assert (shared.stat().st_mode & 0o7777) == 0o1777
    # Refused before a new code was made, so the sheet in the safe still works.
    monkeypatch.setenv(cli_keys.RECOVERY_CODE_ENV, old)
    monkeypatch.setenv(cli_keys.NEW_PASSPHRASE_ENV, NEW)
    assert run("recover", folder) == 0
    monkeypatch.setenv(cli.PASSPHRASE_ENV, NEW)
    assert run("recovery-sheet", folder, "--out", str(sheet), "--force") == 0
    assert sheet.read_bytes().startswith(b"%PDF")


def test_init_refuses_a_recovery_sheet_over_a_file_before_setting_up(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "recovery.pdf"
    sheet.write_bytes(b"keep me")
    root = tmp_path / "data"
    assert run("init", root, "--dsl", "S", "--school", "T", "--recovery-sheet", str(sheet)) == 2
    assert "already exists" in capsys.readouterr().err
    assert sheet.read_bytes() == b"keep me" and not root.exists()
