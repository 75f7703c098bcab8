"""Command-line fixtures: the passphrase in the environment, and one demo folder per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.services.workspace import Workspace, unlock
from tests.fictional import PASSPHRASE


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)


@pytest.fixture
def no_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the environment nor a prompt gives a passphrase: asking for one fails."""

    def refuse(*_args: object) -> str:
        raise AssertionError("this command must not ask for a passphrase")

    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr("getpass.getpass", refuse)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder set up and loaded once by `demo --init`, shared by the read-only tests."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
        assert cli.main(["demo", "--init", "--data-dir", str(folder)]) == 0
    return folder


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Workspace]:
    ws = unlock(demo_dir, PASSPHRASE)
    yield ws
    ws.close()
