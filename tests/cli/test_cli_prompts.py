"""`scr-reflect prompts list` and `prompts validate DIR`: no passphrase, plain lines out."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.cli import prompts as cli_prompts
from scr_reflect.guidance.prompt_library import LOCAL_FOLDER, load_library
from scr_reflect.guidance.seed_sources import cite
from scr_reflect.paths import data_dir
from tests.seed_index import index_folder

SHIPPED = cli_prompts.shipped_folder()

LOCAL = """\
theme = "Our partnership"

[[prompt]]
id = "partnership.bruising-in-babies"
step = "themes"
question = "Has the bruising protocol been followed for a child who is not yet mobile?"
why = "Our local review asked for it. It is short."
[prompt.source]
kind = "local_finding"
title = "Review of a baby's injuries"
publisher = "Larkspur Vale Safeguarding Partnership"
year = "2024"
finding = "A local review found the protocol was not always followed"
[prompt.when]
max_age = 1
"""


def run(argv: list[str]) -> int:
    """The commands as cli.main runs them: parse, then run(args, data folder)."""
    parser = argparse.ArgumentParser(prog="scr-reflect")
    cli_prompts.add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.run(args, data_dir(args.data_dir))


# None of these commands may ask for a passphrase.
pytestmark = pytest.mark.usefixtures("no_passphrase")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds folder as the stored index of the documents gives it."""
    return index_folder(tmp_path_factory.mktemp("index"))


def local_folder(root: Path, text: str = LOCAL) -> Path:
    folder = root / LOCAL_FOLDER
    folder.mkdir(parents=True)
    (folder / "local.toml").write_text(text, encoding="utf-8")
    return folder


def test_list_gives_id_theme_and_seed_a_line_in_library_order(tmp_path, capsys):
    assert run(["prompts", "list", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    library = load_library(SHIPPED)
    assert lines == [
        f"{p.id}\t{p.theme}\t{p.source.seed or cite(p.source)}" for p in library.prompts
    ]
    assert "missing.reasons-behind\tGoing missing\t001_c245019e2253aa29.txt" in lines


def test_list_puts_a_data_folders_local_prompts_after_the_shipped_ones(tmp_path, capsys):
    local_folder(tmp_path)
    assert run(["prompts", "list", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(load_library(SHIPPED).prompts) + 1
    assert lines[-1] == (
        "partnership.bruising-in-babies\tOur partnership\tLocal learning: Review of a baby's "
        "injuries (Larkspur Vale Safeguarding Partnership, 2024)"
    )


def test_list_with_broken_local_prompts_shows_each_problem_and_fails(tmp_path, capsys):
    local_folder(tmp_path, LOCAL.replace("max_age = 1", "max_age = -1"))
    assert run(["prompts", "list", "--data-dir", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    path = tmp_path / LOCAL_FOLDER / "local.toml"
    assert err == (
        f"{path}:15: prompt 'partnership.bruising-in-babies': "
        "'max_age' must be a whole number from 0 to 25\n"
    )


def test_validate_a_good_folder_counts_its_prompts(tmp_path, capsys):
    folder = local_folder(tmp_path)
    assert run(["prompts", "validate", str(folder)]) == 0
    assert capsys.readouterr().out == "1 prompt, no problems\n"


def test_validate_the_shipped_folder_against_the_seeds(capsys, seeds):
    assert run(["prompts", "validate", str(SHIPPED), "--seeds", str(seeds)]) == 0
    count = len(load_library(SHIPPED).prompts)
    assert capsys.readouterr().out == f"{count} prompts, no problems\n"


def test_validate_reports_each_problem_as_file_line_message(tmp_path, capsys, seeds):
    broken = (
        LOCAL.replace('step = "themes"', 'step = "thems"')
        .replace('id = "partnership.bruising-in-babies"', 'id = "missing.pattern"')
        .replace('year = "2024"', 'year = "last year"')
    )
    folder = local_folder(tmp_path, broken)
    (folder / "other.toml").write_text('theme = "x"\n[[prompt]\n', encoding="utf-8")
    assert run(["prompts", "validate", str(folder), "--seeds", str(seeds)]) == 1
    lines = capsys.readouterr().out.splitlines()
    local, other = folder / "local.toml", folder / "other.toml"
    assert lines[0].startswith(f"{local}:5: prompt 'missing.pattern': step 'thems' is not one of:")
    assert lines[1] == (
        f"{local}:12: prompt 'missing.pattern': "
        "source 'year' must be the four-digit year of the edition cited"
    )
    assert lines[2].startswith(f"{other}:2: not valid TOML (")
    assert len(lines) == 3


def test_a_local_id_clashing_with_a_shipped_one_is_a_problem(tmp_path, capsys):
    clash = LOCAL.replace("partnership.bruising-in-babies", "missing.pattern")
    assert run(["prompts", "validate", str(local_folder(tmp_path, clash))]) == 1
    assert capsys.readouterr().out == (
        f"{tmp_path / LOCAL_FOLDER / 'local.toml'}:4: prompt id 'missing.pattern' is a "
        "shipped prompt's id; choose another\n"
    )


def test_validate_a_folder_that_is_not_there(tmp_path, capsys):
    assert run(["prompts", "validate", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_the_command_line_runs_the_prompt_commands(tmp_path, capsys):
    assert cli.main(["prompts", "list", "--data-dir", str(tmp_path)]) == 0
    assert "missing.pattern\tGoing missing" in capsys.readouterr().out
    assert cli.main(["prompts", "validate", str(SHIPPED)]) == 0


def test_validate_sets_aside_a_pipe_and_a_deeply_nested_file(tmp_path, capsys):
    folder = local_folder(tmp_path)
    (folder / "deep.toml").write_text("x = " + "[" * 5000, encoding="utf-8")
    os.mkfifo(folder / "x.toml")
    assert run(["prompts", "validate", str(folder)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{folder / 'deep.toml'}:1: set aside: nested too deeply to read",
        f"{folder / 'x.toml'}:1: set aside: it is not a regular file (a link, a device or a pipe)",
    ]
