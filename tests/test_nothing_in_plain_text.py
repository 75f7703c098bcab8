"""Nothing the app writes names a child in plain bytes: logs, crash reports, settings, key file,
backups and temp files hold ids and events only (the database and backups are encrypted).
Files are the owner's only on POSIX (0600, folders 0700), and core dumps are off.

The run covers what could leak: the demo and the command line's children and show, the window
(unlocked, a child opened, a concern recorded, closed), a lane job failing with a record's text
in its message, and an uncaught exception reaching the crash hook the app installs.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from scr_reflect import app
from scr_reflect.services.workspace import unlock
from tests.fictional import PASSPHRASE
from tests.whole_app import load_demo, open_window, process_state_kept, record_concern, run_cli


def demo_names(root: Path) -> list[str]:
    """Every demo child's full name, and preferred name where it is one of their own."""
    ws = unlock(root, PASSPHRASE)
    try:
        summaries = ws.records.child_summaries(ws.records.search_children(""))
    finally:
        ws.close()
    names = {s.full_name for s in summaries} | {s.preferred_name for s in summaries}
    return sorted(name for name in names if len(name) >= 4)


def files_naming(folders: list[Path], names: list[str]) -> list[str]:
    """Which file holds which name, in UTF-8 or UTF-16 (as some Qt files are written)."""
    found = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            found += [
                f"{path.relative_to(folder.parent)}: {name}"
                for name in names
                if name.encode("utf-8") in data or name.encode("utf-16-le") in data
            ]
    return found


@dataclass
class Run:
    root: Path
    scratch: Path
    names: list[str]
    hook: object
    stderr: str
    core_limit: tuple[int, int] | None


def run_everything(tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, capsys) -> Run:
    root, scratch = tmp_path / "data", tmp_path / "temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # temp files the app makes land here
    with process_state_kept():
        load_demo(root, monkeypatch)
        capsys.readouterr()
        run_cli("children", "--data-dir", str(root))
        ids = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
        for child_id in ids:
            run_cli("show", child_id, "--data-dir", str(root))
        names = demo_names(root)
        capsys.readouterr()  # the command line prints names by design: that is its job

        window = open_window(qtbot, root)
        core_limit = _core_limit()
        view = window.view
        assert view is not None
        view.children_pane.table.selectRow(0)
        qtbot.waitUntil(lambda: view.chronology.model.rowCount() > 0)
        record_concern(qtbot, window, f"{names[0]} said {names[1]} keeps the door locked.")

        def fail_with_record_text(child_id: int, *_parts: object) -> None:
            raise RuntimeError(f"could not read {names[2]}: {names[3]} was there")

        monkeypatch.setattr(window.workspace.structured, "picture", fail_with_record_text)
        view.children_pane.table.selectRow(1)
        qtbot.waitUntil(lambda: "went wrong" in window.statusBar().currentMessage())

        hook = sys.excepthook
        try:
            raise ValueError(f"{names[4]} told {names[5]} everything")
        except ValueError as error:
            hook(type(error), error, error.__traceback__)
        window.close()
    return Run(root, scratch, names, hook, capsys.readouterr().err, core_limit)


def _core_limit() -> tuple[int, int] | None:
    if os.name != "posix":
        return None
    import resource

    return resource.getrlimit(resource.RLIMIT_CORE)


def _loose_permissions(root: Path) -> list[str]:
    return [
        f"{path.relative_to(root.parent)} {stat.filemode(path.stat().st_mode)}"
        for path in [root, *root.rglob("*")]
        if path.stat().st_mode & 0o077
    ]


def test_nothing_the_app_writes_or_prints_on_a_crash_names_a_child(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    run = run_everything(tmp_path, qtbot, monkeypatch, capsys)
    log = (run.root / "logs" / "scr-reflect.log").read_text(encoding="utf-8")
    # Both failures reached the log and the hook, so the searches below had something to search.
    assert "unexpected RuntimeError" in log and "unexpected ValueError" in log
    assert run.hook is app._excepthook and "unexpected ValueError" in run.stderr
    assert files_naming([run.root, run.scratch], run.names) == []
    assert [name for name in run.names if name in run.stderr] == []
    if os.name == "posix":
        assert _loose_permissions(run.root) == []
        assert run.core_limit == (0, 0)
