"""Owner-only folders and whole-or-nothing writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scr_reflect.storage.private_files import ensure_private_dir, write_private_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


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
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
def test_private_dir_is_owner_only_even_if_it_existed(tmp_path: Path) -> None:
    made = ensure_private_dir(tmp_path / "a" / "b")
    assert made.is_dir()
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    existing = tmp_path / "open"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    ensure_private_dir(existing)
    assert stat.S_IMODE(existing.stat().st_mode) == 0o700
