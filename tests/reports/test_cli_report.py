"""`scr-reflect report ...`, wired into a parser here as cli/commands.py wires it."""

from __future__ import annotations

import argparse
import getpass
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from scr_reflect.cli import report as cli_report
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.records import SchoolProfile
from scr_reflect.services.workspace import Workspace, set_up, unlock
from tests.core_fixtures import make_child, make_concern
from tests.fictional import PASSPHRASE

NAME = "Zoë Łukasiewicz-Nguyễn"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    root = tmp_path_factory.mktemp("report-cli") / "data"
    ws = set_up(root, PASSPHRASE, PASSPHRASE, SchoolProfile("Larkspur Vale Primary", "Ada Test"))
    child = ws.records.add_child(make_child(NAME)).record_id
    assert child is not None
    ws.records.record_concern(make_concern(child, child_words="Nobody was home."))
    ws.close()
    yield root, child


@pytest.fixture(autouse=True)
def no_password_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cli_report.PDF_PASSWORD_ENV, raising=False)


def run(root: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="scr-reflect")
    commands = parser.add_subparsers(dest="command", required=True)
    cli_report.add_commands(commands, lambda folder: unlock(folder, PASSPHRASE))
    args = parser.parse_args(["report", *argv, "--data-dir", str(root)])
    return int(args.run(args, root))


def notes(root: Path, child: int) -> list[str]:
    ws: Workspace = unlock(root, PASSPHRASE)
    try:
        wanted = ChronologyFilter(frozenset({EntryKind.DOCUMENT}))
        return [e.title for e in ws.records.entries(ws.records.entry_ids(child, wanted))]
    finally:
        ws.close()


def test_a_referral_summary_is_written_and_recorded(
    store: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, child = store
    out = tmp_path / "referral.pdf"
    assert run(root, "referral", "--child", str(child), "--out", str(out)) == 0
    assert NAME in PdfReader(out).pages[0].extract_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Wrote referral summary to" in capsys.readouterr().out
    assert "Produced: Referral summary (PDF)" in notes(root, child)


def test_a_password_from_the_environment_locks_the_file(
    store: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, child = store
    monkeypatch.setenv(cli_report.PDF_PASSWORD_ENV, "lantern-meadow-93")
    out = tmp_path / "chronology.pdf"
    argv = ["chronology", "--child", str(child), "--out", str(out), "--password"]
    assert run(root, *argv) == 0
    locked = PdfReader(out)
    assert locked.is_encrypted and locked.decrypt("lantern-meadow-93")


def test_a_password_typed_twice_must_match(
    store: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _child = store
    typed = iter(["lantern-meadow-93", "lantern-meadow-39"])
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: next(typed))
    out = tmp_path / "pack.pdf"
    assert run(root, "supervision", "--out", str(out), "--password") == 2
    assert not out.exists()


def test_a_short_password_is_refused(
    store: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _child = store
    monkeypatch.setenv(cli_report.PDF_PASSWORD_ENV, "short")
    out = tmp_path / "pack.pdf"
    assert run(root, "supervision", "--out", str(out), "--password") == 2
    assert not out.exists()


@pytest.mark.parametrize(
    ("password", "said"),
    [("Tr0ub4dor!9", "at least 12 characters"), ("password1234", "Add another uncommon word")],
)
def test_a_weak_password_of_eight_or_more_is_refused_too(
    store: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str,
    said: str,
) -> None:
    root, _child = store
    monkeypatch.setenv(cli_report.PDF_PASSWORD_ENV, password)
    out = tmp_path / "pack.pdf"
    assert run(root, "supervision", "--out", str(out), "--password") == 2
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_the_supervision_pack_needs_no_child(store: tuple[Path, int], tmp_path: Path) -> None:
    root, _child = store
    assert run(root, "supervision", "--out", str(tmp_path / "pack.pdf")) == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["referral"], "A referral summary is about one child: give --child ID."),
        (["chronology", "--child", "999"], "There is no child with id 999."),
        (["escalation", "--child", "CHILD"], "No escalation is recorded for this child."),
        (["referral", "--child", "CHILD", "--concern", "999"], "There is no concern with id 999."),
        (
            ["chronology", "--child", "CHILD", "--from", "2025-03-01", "--to", "01/02/2025"],
            "The 'from' date is after the 'to' date.",
        ),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    store: tuple[Path, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    root, child = store
    out = tmp_path / "x.pdf"
    argv = [str(child) if a == "CHILD" else a for a in argv]
    assert run(root, *argv, "--out", str(out)) == 2
    assert capsys.readouterr().err == f"scr-reflect: {message}\n"
    assert not out.exists()


def test_a_chronology_can_be_filtered_by_kind_and_dates(
    store: tuple[Path, int], tmp_path: Path
) -> None:
    root, child = store
    out = tmp_path / "concerns.pdf"
    argv = ["chronology", "--child", str(child), "--kind", "concern", "--from", "01/03/2025"]
    assert run(root, *argv, "--out", str(out)) == 0
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "From 01/03/2025" in text and "Showing Concern" in text


def test_an_existing_file_is_refused_and_kept_unless_forced(
    store: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _child = store
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"a colleague's file")
    assert run(root, "supervision", "--out", str(out)) == 2
    assert "already exists. Nothing was written over it; give --force" in capsys.readouterr().err
    assert out.read_bytes() == b"a colleague's file"
    assert run(root, "supervision", "--out", str(out), "--force") == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_writing_into_a_shared_sticky_folder_leaves_its_mode_alone(
    store: tuple[Path, int], tmp_path: Path
) -> None:
    root, _child = store
    shared = tmp_path / "like-tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    assert run(root, "supervision", "--out", str(shared / "pack.pdf")) == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "pack.pdf").stat().st_mode) == 0o600


def test_writing_through_a_linked_folder_leaves_the_real_folder_alone(
    store: tuple[Path, int], tmp_path: Path
) -> None:
    root, _child = store
    real = tmp_path / "team"
    real.mkdir()
    real.chmod(0o755)
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    assert run(root, "supervision", "--out", str(tmp_path / "link" / "pack.pdf")) == 0
    assert stat.S_IMODE(real.stat().st_mode) == 0o755
    assert (real / "pack.pdf").exists()
