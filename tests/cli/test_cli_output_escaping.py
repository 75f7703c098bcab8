"""Names carrying control and bidi characters print as visible escapes, or exactly in --json.

A tab or a line break in a name must not forge a column or a row for a script reading the
output, an ESC sequence must not drive the terminal, and U+202E must not reverse what is shown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.domain.records import SchoolProfile
from scr_reflect.services.workspace import set_up
from tests.core_fixtures import make_child
from tests.fictional import PASSPHRASE

HOSTILE = "Ada\tForged\nrow\x1b[2J\u202eevil"
SHOWN = "Ada\\tForged\\nrow\\x1b[2J\\u202eevil"
DSL = "Sam\tOkafor\x1b]0;x\x07"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("escaping") / "data"
    ws = set_up(root, PASSPHRASE, PASSPHRASE, SchoolProfile("Larkspur Vale Primary", DSL))
    child = ws.records.add_child(make_child(HOSTILE)).record_id
    assert child is not None
    ws.close()
    return root, child


def out_of(capsys: pytest.CaptureFixture[str], *argv: str, root: Path) -> str:
    assert cli.main([*argv, "--data-dir", str(root)]) == 0
    out = capsys.readouterr().out
    for raw in ("\x1b", "\u202e", "\x07"):
        assert raw not in out
    return out


def test_children_escapes_a_name_so_the_row_keeps_its_columns(scripted, folder, capsys) -> None:
    root, child = folder
    [line] = out_of(capsys, "children", root=root).splitlines()
    fields = line.split("\t")
    assert fields[:2] == [str(child), SHOWN] and len(fields) == 6


def test_children_json_gives_the_name_exactly(scripted, folder, capsys) -> None:
    root, child = folder
    [listed] = json.loads(out_of(capsys, "children", "--json", root=root))
    assert listed["id"] == child and listed["full_name"] == HOSTILE
    assert set(listed) == set(cli.CHILDREN_FIELDS)


def test_show_escapes_the_name(scripted, folder, capsys) -> None:
    root, child = folder
    first = out_of(capsys, "show", str(child), root=root).splitlines()[0]
    assert first.startswith(SHOWN)


def test_show_json_gives_the_lines_exactly(scripted, folder, capsys) -> None:
    root, child = folder
    shown = json.loads(out_of(capsys, "show", str(child), "--json", root=root))
    assert shown["id"] == child and shown["lines"][0].startswith(HOSTILE)


def test_audit_escapes_a_persons_name_and_json_keeps_it(scripted, folder, capsys) -> None:
    root, _child = folder
    lines = out_of(capsys, "audit", root=root).splitlines()
    assert all(len(line.split("\t")) == 7 for line in lines)
    assert lines[0].split("\t")[2] == "Sam\\tOkafor\\x1b]0;x\\x07"
    entries = json.loads(out_of(capsys, "audit", "--json", root=root))
    assert entries[0]["person"] == DSL
    assert set(entries[0]) == {"seq", "at", "person", "action", "child_id", "record", "detail"}


def test_an_error_naming_a_path_escapes_it_too(scripted, tmp_path, capsys) -> None:
    odd = tmp_path / "x\x1b[2Jy"
    assert cli.main(["children", "--data-dir", str(odd)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "x\\x1b[2Jy" in err
