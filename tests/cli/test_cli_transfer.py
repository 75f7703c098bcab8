"""`scr-reflect transfer` between two data folders: export, import, receipt, list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.cli.transfer import TRANSFER_PASSPHRASE_ENV
from tests.fictional import PASSPHRASE


def init(folder: Path, school: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    args = ["init", "--data-dir", str(folder), "--school", school, "--dsl", "Ida Fictional"]
    assert cli.main(args) == 0


def test_a_file_from_one_folder_to_another_and_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    init(new, "Thornbury Fields Academy", monkeypatch)
    assert cli.main(["demo", "--init", "--data-dir", str(old)]) == 0  # fictional children
    capsys.readouterr()
    pack = tmp_path / "out" / "child.pack"
    pack.parent.mkdir()
    export = ["transfer", "export", "--child", "1", "--out", str(pack), "--data-dir", str(old)]
    assert cli.main(export) == 0
    out = capsys.readouterr().out
    passphrase = out.splitlines()[3].strip()
    assert len(passphrase.split()) == 8
    fingerprint = re.search(r"check by phone: (.+)", out)
    assert fingerprint is not None

    monkeypatch.setenv(TRANSFER_PASSPHRASE_ENV, "wrong " * 8)
    assert cli.main(["transfer", "import", str(pack), "--data-dir", str(new)]) == 2
    assert "passphrase is not the one" in capsys.readouterr().err

    monkeypatch.setenv(TRANSFER_PASSPHRASE_ENV, passphrase)
    assert cli.main(["transfer", "import", str(pack), "--data-dir", str(new)]) == 0
    out = capsys.readouterr().out
    assert fingerprint[1] in out and "added as a new child" in out
    receipt = tmp_path / "out" / "child-receipt.json"
    assert receipt.exists()
    assert cli.main(["transfer", "import", str(pack), "--data-dir", str(new)]) == 2
    assert "already received" in capsys.readouterr().err

    assert cli.main(["transfer", "list", "--data-dir", str(old)]) == 0
    assert "awaiting receipt by" in capsys.readouterr().out
    assert cli.main(["transfer", "receipt", str(receipt), "--data-dir", str(old)]) == 0
    assert "Receipt recorded" in capsys.readouterr().out
    assert cli.main(["transfer", "receipt", str(receipt), "--data-dir", str(old)]) == 2
    assert "already recorded" in capsys.readouterr().err
    assert cli.main(["transfer", "--data-dir", str(old), "list"]) == 0
    assert "receipt back" in capsys.readouterr().out
