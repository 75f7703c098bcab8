"""`scr-reflect backup`, `restore` and `verify`, run in-process on copies of the demo folder."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.storage import audit_head
from tests.core_fixtures import folder_state
from tests.fictional import PASSPHRASE

CONTENT = "Records: each matches the audit entry that made or amended it"
UNHASHED = (
    "148 records have no content hash in the trail (made before entries carried one, or "
    "loaded in bulk), so their content was not checked."
)


@pytest.fixture
def folder(demo_dir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(demo_dir, root)
    return root


def backup_of(folder: Path, capsys: pytest.CaptureFixture[str], *more: str) -> Path:
    assert cli.main(["backup", "--data-dir", str(folder), *more]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Backed up to ") and first.endswith(".db.")
    return Path(first.removeprefix("Backed up to ").removesuffix("."))


def children(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert cli.main(["children", "--data-dir", str(folder)]) == 0
    return capsys.readouterr().out


def test_backup_writes_into_backups_and_a_copy_with_to(scripted, folder, tmp_path, capsys):
    made = backup_of(folder, capsys, "--to", str(tmp_path / "usb"))
    assert made.parent == folder / "backups"
    assert made.name.startswith("scr-reflect-")
    copy = tmp_path / "usb" / made.name
    assert copy.read_bytes() == made.read_bytes()
    for suffix in (".keys.json", ".manifest.json"):
        assert (tmp_path / "usb" / made.name.replace(".db", suffix)).exists()


def test_backup_to_an_existing_shared_folder_leaves_its_mode_alone(
    scripted, folder, tmp_path, capsys
):
    share = tmp_path / "share"
    share.mkdir()
    share.chmod(0o1777)
    made = backup_of(folder, capsys, "--to", str(share))
    assert (share / made.name).exists()
    assert stat.S_IMODE(share.stat().st_mode) == 0o1777


def test_a_folder_backup_to_makes_is_owner_only(scripted, folder, tmp_path, capsys):
    backup_of(folder, capsys, "--to", str(tmp_path / "new-usb-folder"))
    assert stat.S_IMODE((tmp_path / "new-usb-folder").stat().st_mode) == 0o700


def test_verify_lists_each_check_and_passes(scripted, folder, capsys):
    assert cli.main(["verify", "--data-dir", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"Checked the store in {folder}:",
        "  ok       Opens with the key in its key file",
        "  ok       Pages, their authentication codes and the database structure",
        "  ok       Schema version",
        "  ok       Audit trail: hash chain, append-only triggers, newest entry",
        "  ok       Records: each matches the audit entry that made or amended it",
        # The demo caseload is loaded in bulk, without an entry for each record.
        f"  note     {CONTENT}: {UNHASHED}",
        "  ok       Audit trail: checkpoints printed or kept in backups",
        "Everything checked is in order.",
    ]
    assert err == ""


def test_verify_checks_a_printed_checkpoint_is_still_in_the_trail(scripted, folder, capsys):
    head = audit_head.read_head(folder / "keys.json")
    assert head is not None
    printed = f"{head.seq}:{head.hash[:16]}"
    assert cli.main(["verify", "--checkpoint", printed, "--data-dir", str(folder)]) == 0
    capsys.readouterr()

    later = f"{head.seq + 40}:{head.hash[:16]}"  # as if printed after a rollback took it away
    assert cli.main(["verify", "--checkpoint", later, "--data-dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (
        f"  PROBLEM  Audit trail: checkpoints printed or kept in backups: The trail does not "
        f"hold entry {head.seq + 40} as checkpoint {later} records it"
    ) in out

    assert cli.main(["verify", "--checkpoint", "yesterday", "--data-dir", str(folder)]) == 2
    assert "is not a checkpoint" in capsys.readouterr().err


def test_verify_names_a_damaged_page(scripted, folder, capsys):
    database = folder / "scr-reflect.db"
    damaged = bytearray(database.read_bytes())
    damaged[4096 * 3 + 100] ^= 0xFF  # inside page 4
    database.write_bytes(bytes(damaged))

    assert cli.main(["verify", "--data-dir", str(folder)]) == 1

    out, err = capsys.readouterr()
    assert (
        "  PROBLEM  Pages, their authentication codes and the database structure: "
        "HMAC verification failed for page 4"
    ) in out.splitlines()
    assert err.startswith("scr-reflect: ") and "found in the store in" in err
    assert err.count("\n") == 1


def test_verify_file_checks_a_backup_and_names_a_flipped_byte(scripted, folder, capsys):
    made = backup_of(folder, capsys)
    assert cli.main(["verify", str(made)]) == 0
    assert "Everything checked is in order." in capsys.readouterr().out

    data = bytearray(made.read_bytes())
    data[-100] ^= 0x01
    made.write_bytes(bytes(data))
    assert cli.main(["verify", str(made)]) == 1
    out = capsys.readouterr().out
    assert "  PROBLEM  Size and SHA-256 of the database: " in out
    assert "damaged or altered after it was made" in out


def test_restore_into_an_empty_folder_brings_every_child_back(scripted, folder, tmp_path, capsys):
    listed = children(folder, capsys)
    made = backup_of(folder, capsys)
    empty = tmp_path / "empty"

    assert cli.main(["restore", str(made), "--data-dir", str(empty)]) == 0

    out = capsys.readouterr().out
    assert out.startswith(f"Restored {made} into {empty}.")
    assert "kept in" not in out  # there was nothing to keep aside
    assert children(empty, capsys) == listed


def test_restore_refuses_a_truncated_backup_and_changes_nothing(scripted, folder, capsys):
    made = backup_of(folder, capsys)
    made.write_bytes(made.read_bytes()[:8192])
    before = folder_state(folder)

    assert cli.main(["restore", str(made), "--data-dir", str(folder)]) == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert "was refused and nothing was changed" in err and "truncated" in err
    assert folder_state(folder) == before


def test_restore_with_the_wrong_passphrase_says_so(folder, monkeypatch, capsys):
    monkeypatch.setenv(cli.PASSPHRASE_ENV, PASSPHRASE)
    made = backup_of(folder, capsys)
    monkeypatch.setenv(cli.PASSPHRASE_ENV, "not the passphrase at all")
    before = folder_state(folder)

    assert cli.main(["restore", str(made), "--data-dir", str(folder)]) == 1

    assert "does not open this backup" in capsys.readouterr().err
    assert folder_state(folder) == before


def test_restore_keeps_the_current_store_aside(scripted, folder, capsys):
    made = backup_of(folder, capsys)
    assert cli.main(["restore", str(made), "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    [kept] = [line for line in out.splitlines() if "kept in" in line]
    aside = Path(kept.split("kept in ", 1)[1].removesuffix("."))
    assert aside.parent == folder and aside.name.startswith("before-restore-")
    assert {p.name for p in aside.iterdir()} >= {"scr-reflect.db", "keys.json"}


def test_verify_a_folder_not_set_up_asks_for_no_passphrase(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(cli.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(cli.getpass, "getpass", pytest.fail)
    assert cli.main(["verify", "--data-dir", str(tmp_path)]) == 1
    assert "is not set up yet" in capsys.readouterr().err


def test_nothing_printed_holds_the_passphrase(scripted, folder, capsys):
    made = backup_of(folder, capsys)
    for argv in (["verify", str(made)], ["verify", "--data-dir", str(folder)]):
        cli.main(argv)
        out, err = capsys.readouterr()
        assert PASSPHRASE not in out + err
