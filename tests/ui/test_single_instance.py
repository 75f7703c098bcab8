"""One run per data folder: a second one says so and leaves the folder exactly as it was.

The window and the command line take the same lock, so a command that would change the folder
(a restore, a backup) is refused while the window is open, and the other way round."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scr_reflect import app
from scr_reflect.cli import commands as cli
from scr_reflect.domain.records import SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.folder_lock import claim as claim_for_a_command
from scr_reflect.ui.safety import single_instance
from scr_reflect.ui.shared import prompts
from tests.fictional import PASSPHRASE


def snapshot(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file and folder under root with its size, modification time and bytes."""
    return {
        str(path.relative_to(root)): (
            path.stat().st_size,
            path.stat().st_mtime_ns,
            path.read_bytes() if path.is_file() else b"",
        )
        for path in sorted(root.rglob("*"))
    }


# The app as a separate process: it opens its window on a data folder and waits.
RUN_APP = """
import sys
from scr_reflect.app import build_window
window = build_window(["--data-dir", sys.argv[1]])
print("open" if window else "refused", flush=True)
sys.stdin.read()
"""


@contextmanager
def app_open_on(root: Path) -> Iterator[None]:
    """The app in its own process with its window open on root; killed, not closed, after."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.Popen(
        [sys.executable, "-c", RUN_APP, str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    try:
        assert run.stdout is not None and run.stdout.readline().strip() == "open"
        yield
    finally:
        run.kill()
        run.wait()


def set_up_folder(root: Path) -> None:
    workspace.set_up(
        root, PASSPHRASE, PASSPHRASE, SchoolProfile("Riverside Academy", "Sam Okafor")
    ).close()


def test_a_running_app_holds_its_folder_and_a_killed_one_does_not(tmp_path):
    root = tmp_path / "data"
    with app_open_on(root):
        assert single_instance.claim(root) is None
    # Killed without letting go: the operating system frees the lock with the process.
    after = single_instance.claim(root)
    assert after is not None and after.held
    after.release()


def test_a_second_holder_of_the_same_folder_is_refused_until_the_first_lets_go(tmp_path):
    root = tmp_path / "data"
    first = single_instance.claim(root)
    assert first is not None and first.held
    assert single_instance.claim(root) is None
    other = single_instance.claim(tmp_path / "another folder")
    assert other is not None and other.held
    other.release()
    first.release()
    again = single_instance.claim(root)
    assert again is not None and again.held
    again.release()


def test_a_second_run_says_so_and_touches_nothing(tmp_path, monkeypatch):
    root = tmp_path / "data"
    set_up_folder(root)
    running = single_instance.claim(root)  # the first run
    assert running is not None
    before = snapshot(root)
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        prompts, "warn", lambda _parent, title, text: warnings.append((title, text))
    )

    assert app.main(["--data-dir", str(root)]) == 1

    [(title, text)] = warnings
    assert title == "SCR Reflect is already open"
    assert str(root) in text and "without changing anything" in text
    assert snapshot(root) == before
    running.release()


def test_a_restore_from_the_command_line_is_refused_while_the_window_is_open(
    tmp_path, monkeypatch, capsys
):
    root = tmp_path / "data"
    set_up_folder(root)
    [made] = (root / "backups").glob("*.db")  # taken as the store closed
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    with app_open_on(root):
        before = snapshot(root)
        assert cli.main(["restore", str(made), "--data-dir", str(root)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "SCR Reflect is open on" in err
        assert snapshot(root) == before
    assert cli.main(["restore", str(made), "--data-dir", str(root)]) == 0  # window closed


def test_the_window_says_so_while_a_command_works_on_the_folder(tmp_path, monkeypatch):
    root = tmp_path / "data"
    command = claim_for_a_command(root)
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda _parent, _title, text: warnings.append(text))
    try:
        assert app.main(["--data-dir", str(root)]) == 1
    finally:
        command.release()
    [text] = warnings
    assert "a scr-reflect command is working on it" in text


def test_a_data_folder_that_is_a_file_is_named_plainly_at_start(tmp_path, monkeypatch):
    a_file = tmp_path / "records.txt"
    a_file.write_text("not a folder")
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda _parent, _title, text: warnings.append(text))
    assert app.main(["--data-dir", str(a_file)]) == 1
    [text] = warnings
    assert f"{a_file} is a file, not a folder" in text
    assert a_file.read_text() == "not a folder"
