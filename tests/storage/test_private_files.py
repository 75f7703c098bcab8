"""Owner-only folders and files, written whole or not at all, and never over someone's folder."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from scr_reflect.storage import private_files
from scr_reflect.storage.private_files import (
    FileAlreadyThere,
    NotAFolder,
    ensure_private_dir,
    save_document,
    write_new_private,
    write_private_atomically,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_atomic_write_creates_the_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "folder" / "keys.json"
    write_private_atomically(target, b"first")
    assert target.read_bytes() == b"first"
    assert [p.name for p in target.parent.iterdir()] == ["keys.json"]


def test_atomic_write_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old content that is longer than the new")
    write_private_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_private_atomically(target, "text, not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]


@posix_only
def test_written_file_is_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private_atomically(target, b"new")
    assert mode(target) == 0o600


@posix_only
def test_a_folder_made_here_is_owner_only_and_an_existing_one_keeps_its_mode(
    tmp_path: Path,
) -> None:
    made = ensure_private_dir(tmp_path / "a" / "b")
    assert made.is_dir()
    assert mode(made) == 0o700
    existing = tmp_path / "open"
    existing.mkdir()
    existing.chmod(0o755)
    ensure_private_dir(existing)
    assert mode(existing) == 0o755


@posix_only
def test_a_document_in_a_sticky_shared_folder_leaves_the_folder_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    save_document(shared / "r.pdf", b"%PDF-", replace=False)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert mode(shared / "r.pdf") == 0o600


@posix_only
def test_a_document_through_a_linked_folder_leaves_the_real_folder_alone(tmp_path: Path) -> None:
    real = tmp_path / "colleagues"
    real.mkdir()
    real.chmod(0o775)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    save_document(link / "r.pdf", b"%PDF-", replace=False)
    save_document(link / "r.pdf", b"%PDF-2", replace=True)
    assert mode(real) == 0o775
    assert (real / "r.pdf").read_bytes() == b"%PDF-2"
    assert mode(real / "r.pdf") == 0o600


def test_a_new_document_is_refused_over_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"someone's file")
    with pytest.raises(FileAlreadyThere, match=r"already exists\. Nothing was written over it"):
        write_new_private(target, b"%PDF-")
    assert target.read_bytes() == b"someone's file"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


@posix_only
def test_a_new_document_is_refused_over_a_link_and_writes_nothing_through_it(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / "r.pdf").symlink_to(elsewhere)
    with pytest.raises(FileAlreadyThere):
        write_new_private(tmp_path / "r.pdf", b"%PDF-")
    assert not elsewhere.exists()


def test_replacing_when_asked_to_writes_the_new_bytes(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    save_document(target, b"new", replace=True)
    assert target.read_bytes() == b"new"


def test_a_file_where_a_folder_should_be_is_named_plainly(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    with pytest.raises(NotAFolder, match="is a file, not a folder"):
        ensure_private_dir(a_file)
    with pytest.raises(NotAFolder):
        ensure_private_dir(a_file / "inside")


def test_without_hard_links_a_new_document_is_still_made_once(tmp_path, monkeypatch) -> None:
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, "FAT has no hard links")

    monkeypatch.setattr(private_files.os, "link", no_links)
    target = tmp_path / "r.pdf"
    write_new_private(target, b"%PDF-")
    assert target.read_bytes() == b"%PDF-"
    with pytest.raises(FileAlreadyThere):
        write_new_private(target, b"other")
    assert target.read_bytes() == b"%PDF-"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
