"""`scr-reflect audit`: the trail as tab-separated lines, filtered by child, person, action
and date; `show` and every command that unlocks leave their entries in it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from scr_reflect.cli import commands as cli
from scr_reflect.domain.records import Child
from scr_reflect.services.workspace import unlock
from tests.core_fixtures import unlocked_engine
from tests.fictional import PASSPHRASE

NAME = "Zoë Łukasiewicz-Nguyễn"


@pytest.fixture
def folder(scripted: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "data"
    assert (
        cli.main(["init", "--data-dir", str(root), "--school", "Larkspur", "--dsl", "Sam Okafor"])
        == 0
    )
    ws = unlock(root, PASSPHRASE)
    try:
        for name in (NAME, "Harvey Quennell"):
            ws.records.add_child(Child(name, date(2013, 6, 1)))
    finally:
        ws.close()
    capsys.readouterr()
    return root


def audit(folder: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[list[str]]:
    assert cli.main(["audit", "--data-dir", str(folder), *options]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return [line.split("\t") for line in out.splitlines()]


def test_each_entry_is_one_line_of_seven_fields_oldest_first(folder, capsys) -> None:
    rows = audit(folder, capsys)
    assert {len(row) for row in rows} == {7}
    assert [int(row[0]) for row in rows] == list(range(1, len(rows) + 1))
    assert [(row[3], row[4], row[5]) for row in rows] == [
        ("backup", "", ""),  # the daily backup as init closed the store
        ("unlock", "", ""),
        ("create", "1", "child 1"),
        ("create", "2", "child 2"),  # no second backup on close: one a day
        ("unlock", "", ""),  # this very command opening the store
    ]
    assert {row[2] for row in rows} == {"Sam Okafor"}
    assert all(NAME not in "\t".join(row) for row in rows)


def test_show_is_logged_as_a_view_of_the_child(folder, capsys) -> None:
    assert cli.main(["show", "1", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    [view] = audit(folder, capsys, "--action", "view")
    assert view[3:] == ["view", "1", "child 1", "scr-reflect show"]


def test_entries_filter_by_child_person_action_and_date(folder, capsys) -> None:
    assert [row[5] for row in audit(folder, capsys, "--child", "2")] == ["child 2"]
    assert audit(folder, capsys, "--person", "Someone Else") == []
    assert len(audit(folder, capsys, "--person", "Sam Okafor", "--action", "create")) == 2
    today = date.today().isoformat()
    assert audit(folder, capsys, "--since", "2000-01-01", "--until", "2000-12-31") == []
    assert len(audit(folder, capsys, "--since", today, "--action", "create")) == 2


def test_failed_unlocks_are_listed_once_someone_unlocks(folder, capsys, monkeypatch) -> None:
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase at all")
    assert cli.main(["audit", "--data-dir", str(folder)]) == 1
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    capsys.readouterr()
    [failed] = audit(folder, capsys, "--action", "failed-unlock")
    assert failed[2:4] == ["(not known)", "failed unlock"]


@pytest.mark.parametrize(
    ("options", "complaint"),
    [
        (["--action", "shred"], "'shred' is not an action"),
        (["--since", "20/11/2026"], "use YYYY-MM-DD"),
        (["--child", "two"], "invalid int value"),
    ],
)
def test_bad_options_are_named_and_nothing_is_opened(folder, capsys, options, complaint) -> None:
    assert cli.main(["audit", "--data-dir", str(folder), *options]) == 2
    assert complaint in capsys.readouterr().err


def test_verify_names_entries_removed_from_the_end(folder, capsys) -> None:
    engine = unlocked_engine(folder / "scr-reflect.db", folder / "keys.json")
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
            conn.execute(text("DELETE FROM audit_log WHERE seq > 2"))
    finally:
        engine.dispose()

    assert cli.main(["verify", "--data-dir", str(folder)]) == 1

    out, err = capsys.readouterr()
    audit_lines = [line for line in out.splitlines() if "Audit trail: hash chain" in line]
    assert audit_lines == [
        "  PROBLEM  Audit trail: hash chain, append-only triggers, newest entry: The append-only "
        "triggers are missing (audit_log_no_delete): entries could be changed or deleted "
        "without the database refusing.",
        "  PROBLEM  Audit trail: hash chain, append-only triggers, newest entry: The trail ends "
        "at entry 2, but the key file records entry 4: entries at the end were removed.",
    ]
    assert "2 problems found" in err
