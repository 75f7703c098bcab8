"""`children` on a full disk lists the children and says why nothing can change; a command
that would change the store stops with one line instead."""

from __future__ import annotations

from pathlib import Path

from scr_reflect.cli import commands as cli
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.faults import DISK_FULL, failing_sql


def test_children_on_a_full_disk_lists_them_and_says_why_nothing_can_change(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    data_root = tmp_path / "data"
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW)).close()
    with failing_sql(DISK_FULL):
        assert cli.main(["children", "--data-dir", str(data_root)]) == 0
        assert cli.main(["backup", "--data-dir", str(data_root)]) == 1
    err = capsys.readouterr().err
    assert "open for reading only" in err and "is full" in err
