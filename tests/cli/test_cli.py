"""The command line, run in-process against real encrypted stores in temporary folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.demo.stories import former_pupils
from scr_reflect.domain.enums import Category, ConcernStatus
from scr_reflect.guidance.escalation_procedure import DEFAULT_FILE
from scr_reflect.guidance.prompt_library import LOCAL_FOLDER
from scr_reflect.resource_files import resources_dir
from scr_reflect.services import errors, workspace
from scr_reflect.services.workspace import Workspace, data_folder_is_set_up, unlock
from tests.fictional import PASSPHRASE

NAME_WITH_ACCENTS = "Zoë Łukasiewicz-Nguyễn"


def _init(folder: Path) -> int:
    return cli.main(["init", "--data-dir", str(folder), "--school", "Test School", "--dsl", "T"])


def test_init_sets_up_an_encrypted_store_with_the_school_details(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _init(tmp_path / "data") == 0

    ws = unlock(tmp_path / "data", PASSPHRASE)
    try:
        assert (ws.profile.school_name, ws.profile.dsl_name) == ("Test School", "T")
    finally:
        ws.close()
    out, err = capsys.readouterr()
    assert PASSPHRASE not in out + err


def test_init_asks_for_details_and_passphrase_twice_without_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    answers = iter(["Prompted School", "Prompted DSL"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return PASSPHRASE

    monkeypatch.setattr(cli.getpass, "getpass", typed)

    assert cli.main(["init", "--data-dir", str(tmp_path)]) == 0

    assert len(prompts) == 2
    ws = unlock(tmp_path, PASSPHRASE)
    try:
        assert ws.profile.school_name == "Prompted School"
    finally:
        ws.close()


def test_init_refuses_passphrases_that_differ(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    typed = iter([PASSPHRASE, PASSPHRASE + "x"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda _prompt: next(typed))

    assert _init(tmp_path) == 2
    assert "not the same" in capsys.readouterr().err
    assert not data_folder_is_set_up(tmp_path)


def test_init_refuses_a_weak_passphrase_and_makes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "password1234")

    assert _init(tmp_path / "data") == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "password1234" not in err
    assert not data_folder_is_set_up(tmp_path / "data")


def test_init_refuses_a_folder_already_set_up(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _init(tmp_path) == 0
    capsys.readouterr()

    assert _init(tmp_path) == 1
    assert "already set up" in capsys.readouterr().err


def test_demo_sets_up_a_new_folder_only_when_asked_to_init(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["demo", "--data-dir", str(tmp_path)]) == 1
    assert "Add --init to set it up as a fictional demo store" in capsys.readouterr().err
    assert not data_folder_is_set_up(tmp_path)


def test_children_lists_id_name_and_year_group_for_scripts(
    scripted: None, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["children", "--data-dir", str(demo_dir)]) == 0

    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert len(rows) >= 25
    # The first three columns are what scripts rely on; counts follow at the end. Former
    # pupils (past their retention review date) have left, so have no year group now.
    left = {story.full_name for story in former_pupils.STORIES}
    assert all(row[0].isdigit() and bool(row[2]) is (row[1] not in left) for row in rows)
    assert all(len(row) == 6 and all(n.isdigit() for n in row[3:]) for row in rows)
    by_name = {row[1]: row for row in rows}
    open_concerns, factors, missing_lately = by_name[NAME_WITH_ACCENTS][3:]
    assert int(open_concerns) >= 1 and int(factors) >= 3 and int(missing_lately) >= 3


def test_demo_covers_every_category_and_status(demo: Workspace) -> None:
    concerns = [
        c for i in demo.records.search_children("") for c in demo.records.concerns_for_child(i)
    ]

    assert set().union(*(c.categories for c in concerns)) == set(Category)
    assert {c.status for c in concerns} == set(ConcernStatus)
    assert any(c.child_words for c in concerns)


def test_demo_has_overdue_follow_up_actions(demo: Workspace) -> None:
    assert demo.records.overdue_actions()


def test_demo_refuses_a_store_that_already_holds_children(
    scripted: None, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _child_count(demo_dir)

    assert cli.main(["demo", "--data-dir", str(demo_dir)]) == 1

    assert "empty" in capsys.readouterr().err
    assert _child_count(demo_dir) == before


def test_a_wrong_passphrase_gives_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase at all")

    assert cli.main(["children", "--data-dir", str(demo_dir)]) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "passphrase is not right" in err


def test_a_folder_not_set_up_is_named_in_the_error(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["children", "--data-dir", str(tmp_path)]) == 1
    assert "init" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["init", "--school", "T", "--dsl", "S"], ["children"]])
def test_a_data_folder_that_is_a_file_is_named_plainly(
    scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    a_file = tmp_path / "records.txt"
    a_file.write_text("not a folder")
    assert cli.main([*command, "--data-dir", str(a_file)]) == 1
    err = capsys.readouterr().err
    assert f"{a_file} is a file, not a folder" in err and "unexpected" not in err
    assert a_file.read_text() == "not a folder"


@pytest.mark.parametrize(
    "raised",
    [
        errors.NewerDatabase("This database was written by a newer version of SCR Reflect."),
        errors.HeaderError("The key file keys.json is damaged."),
        RuntimeError(f"could not save a note about {NAME_WITH_ACCENTS}"),
    ],
)
def test_errors_are_one_line_without_a_traceback_or_record_text(
    raised: Exception,
    scripted: None,
    demo_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def failing_unlock(*_args: object) -> Workspace:
        raise raised

    monkeypatch.setattr(cli, "unlock", failing_unlock)

    assert cli.main(["children", "--data-dir", str(demo_dir)]) == 1

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err and NAME_WITH_ACCENTS not in err


def test_a_broken_procedure_file_is_named_with_its_line(
    scripted: None,
    demo_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shipped = tmp_path / "resources"
    shutil.copytree(resources_dir(), shipped)
    procedure = shipped / DEFAULT_FILE
    lines = procedure.read_text(encoding="utf-8").splitlines()
    lines[2] = "this is = = not toml"
    procedure.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(workspace, "resources_dir", lambda: shipped)

    assert cli.main(["children", "--data-dir", str(demo_dir)]) == 1

    err = capsys.readouterr().err
    assert f"{procedure}, line 3: not valid TOML" in err and "unexpected" not in err


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_every_listed_command_is_one_the_parser_knows(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([command, "--help"]) == 0
    assert "--data-dir" in capsys.readouterr().out


def _child_count(folder: Path) -> int:
    ws = unlock(folder, PASSPHRASE)
    try:
        return len(ws.records.search_children(""))
    finally:
        ws.close()


def test_a_command_says_which_local_prompt_file_was_set_aside_and_still_runs(
    scripted: None, demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    shutil.copytree(demo_dir, root)
    (root / LOCAL_FOLDER).mkdir()
    os.mkfifo(root / LOCAL_FOLDER / "x.toml")
    assert cli.main(["children", "--data-dir", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out
    assert err.splitlines() == [
        "scr-reflect: Your local prompts were not loaded: "
        f"{root / LOCAL_FOLDER / 'x.toml'}:1: set aside: it is not a regular file (a link, "
        "a device or a pipe)"
    ]
