"""`scr-reflect import`: the preview, then one import; bad rows stop it until skipped."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.services.workspace import unlock
from tests.fictional import PASSPHRASE
from tests.fictional_mis import EXTERNAL_ENTITY, csv_text, ctf, many_pupils, with_wrong_letter


@pytest.fixture(scope="module")
def empty_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("school") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
        assert (
            cli.main(["init", "--data-dir", str(folder), "--school", "Larkspur Vale", "--dsl", "A"])
            == 0
        )
    return folder


@pytest.fixture
def folder(empty_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(empty_dir, copy)
    return copy


def counts(folder: Path) -> tuple[int, list[str]]:
    ws = unlock(folder, PASSPHRASE)
    try:
        seqs = ws.audit.seqs(AuditFilter(action=AuditAction.IMPORT))
        details = [line.entry.detail for line in ws.audit.lines(seqs)]
        return len(ws.records.search_children("")), details
    finally:
        ws.close()


def run(folder: Path, *args: str) -> int:
    return cli.main(["import", *args, "--data-dir", str(folder)])


def test_a_dry_run_shows_the_preview_and_writes_nothing(
    scripted: None, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roll = tmp_path / "roll.xml"
    roll.write_bytes(ctf(many_pupils(3)))
    assert run(folder, str(roll), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "CTF from Larkspur Vale Academy: 3 pupils read." in out
    assert "New pupils: 3" in out and "Dry run: nothing was written." in out
    assert counts(folder) == (0, [])


def test_2000_pupils_import_then_a_changed_file_shows_old_and_new(
    scripted: None, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pupils = many_pupils(2000)
    roll = tmp_path / "roll.xml"
    roll.write_bytes(ctf(pupils))
    assert run(folder, str(roll)) == 0
    out, err = capsys.readouterr()
    assert "Imported: 2000 added, 0 updated." in out
    assert "Importing: 2000 of 2000 pupils" in err
    moved = [replace(pupils[0], year="8", group="8R"), *pupils[1:1999]]
    roll.write_bytes(ctf(moved))
    assert run(folder, str(roll), "--dry-run") == 0
    out = capsys.readouterr().out
    name = f"{pupils[0].forename} {pupils[0].surname}"
    assert f"Line 10, {name}: Year: Year 7 -> Year 8; Registration group: 7Q -> 8R" in out
    assert "In the records but not in the file (kept): 1" in out
    total, details = counts(folder)
    assert total == 2000 and len(details) == 1


def test_bad_rows_are_named_and_stop_the_import_until_skipped(
    scripted: None, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pupils = many_pupils(3)
    pupils[0] = replace(pupils[0], upn=with_wrong_letter(pupils[0].upn))
    roll = tmp_path / "roll.csv"
    roll.write_text(csv_text(pupils).replace("Reg\r", "Reg group\r"), encoding="utf-8-sig")
    assert run(folder, str(roll)) == 2
    captured = capsys.readouterr()
    assert "  Line 2: The UPN's check letter is wrong" in captured.out
    assert "Nothing was imported" in captured.err
    assert counts(folder) == (0, [])
    assert run(folder, str(roll), "--skip-bad-rows") == 0
    assert "Imported: 2 added, 0 updated." in capsys.readouterr().out
    total, (detail,) = counts(folder)
    assert total == 2 and "1 bad rows skipped" in detail


def test_a_csv_column_can_be_named(
    scripted: None, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roll = tmp_path / "roll.csv"
    roll.write_text(csv_text(many_pupils(1)).replace("DOB", "Born on"), encoding="utf-8")
    assert run(folder, str(roll), "--dry-run") == 2
    assert "Choose the column that holds the date of birth." in capsys.readouterr().err
    assert run(folder, str(roll), "--column", "date_of_birth=Born on") == 0
    assert "Imported: 1 added" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("data", "args", "said"),
    [
        (EXTERNAL_ENTITY, (), "refused unread"),
        (b"UPN\n", ("--column", "colour=Blue"), "give FIELD=COLUMN"),
    ],
)
def test_what_cannot_be_imported_is_refused_in_one_line(
    scripted: None,
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    args: tuple[str, ...],
    said: str,
) -> None:
    roll = tmp_path / "roll.xml"
    roll.write_bytes(data)
    assert run(folder, str(roll), *args) == 2
    assert said in capsys.readouterr().err
