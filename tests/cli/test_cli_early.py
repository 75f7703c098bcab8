"""Commands refused from their arguments and data folder alone say so before the store's and
the window's libraries load, with the same message and exit code as the full command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scr_reflect import launch
from scr_reflect.cli import commands as cli
from scr_reflect.services.folder_lock import claim
from scr_reflect.services.workspace import data_folder_is_set_up
from tests.fictional import PASSPHRASE

HEAVY = ("sqlalchemy", "alembic", "reportlab", "PySide6", "sqlcipher3")


@pytest.fixture(scope="module")
def set_up_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store with nobody in it: set up, but empty."""
    folder = tmp_path_factory.mktemp("early") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
        assert cli.main(["init", "--school", "S", "--dsl", "D", "--data-dir", str(folder)]) == 0
    return folder


# None of these commands may ask for a passphrase.
pytestmark = pytest.mark.usefixtures("no_passphrase")


def test_demo_never_opens_a_folder_already_set_up_even_an_empty_one(set_up_folder, capsys):
    assert launch.main(["demo", "--data-dir", str(set_up_folder)]) == 1
    assert capsys.readouterr().err == (
        f"scr-reflect: {set_up_folder} is already set up. The demo caseload goes only into a "
        "new, empty data folder: give --data-dir a folder that is not set up, and add --init.\n"
    )
    # The full command line refuses it the same way.
    assert cli.main(["demo", "--init", "--data-dir", str(set_up_folder)]) == 1
    assert "is already set up. The demo caseload goes only" in capsys.readouterr().err


def test_demo_without_init_leaves_a_new_folder_unmade(tmp_path, capsys):
    root = tmp_path / "new"
    assert launch.main(["demo", "--scale", "large", "--data-dir", str(root)]) == 1
    assert capsys.readouterr().err == (
        f"scr-reflect: {root} is not set up yet. Add --init to set it up as a fictional "
        "demo store.\n"
    )
    assert not root.exists()


def test_init_on_a_set_up_folder_says_what_the_full_command_says(set_up_folder, capsys):
    assert launch.main(["init", "--data-dir", str(set_up_folder)]) == 1
    early = capsys.readouterr().err
    assert cli.main(["init", "--data-dir", str(set_up_folder)]) == 1
    assert (
        early
        == capsys.readouterr().err
        == (f"scr-reflect: {set_up_folder} is already set up. Nothing was changed.\n")
    )


def test_a_folder_in_use_is_named_first_as_the_full_command_does(set_up_folder, capsys):
    lock = claim(set_up_folder)
    try:
        assert launch.main(["demo", "--init", "--data-dir", str(set_up_folder)]) == 1
    finally:
        lock.release()
    assert f"SCR Reflect is open on {set_up_folder}" in capsys.readouterr().err
    assert data_folder_is_set_up(set_up_folder)


def test_help_and_usage_errors_go_on_to_the_full_command_line(set_up_folder, capsys):
    assert launch.main(["demo", "--help", "--data-dir", str(set_up_folder)]) == 0
    assert "--scale" in capsys.readouterr().out
    assert launch.main(["demo", "--init", "--scale", "huge"]) == 2
    assert "invalid choice: 'huge'" in capsys.readouterr().err


def test_a_refused_command_loads_none_of_the_heavy_libraries(set_up_folder):
    script = (
        "import sys; from scr_reflect import launch; "
        f"code = launch.main(['demo', '--data-dir', {str(set_up_folder)!r}]); "
        f"print(code, sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout == "1 []\n"
    assert "is already set up" in run.stderr
