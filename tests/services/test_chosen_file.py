"""A file the DSL chose that cannot be read is refused in words, whichever service read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_reflect.services.chosen_file import read_chosen_file
from scr_reflect.services.mis_errors import UnreadableFile


def read(path: Path, limit: int = 100) -> bytes:
    return read_chosen_file(path, limit, "Too large for this.", UnreadableFile)


def test_a_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    chosen = tmp_path / "roll.csv"
    chosen.write_bytes(b"UPN,Surname\n")
    assert read(chosen) == b"UPN,Surname\n"


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda folder: folder, "is a folder, not a file."),
        (lambda folder: folder / "gone.xml", "There is no file"),
        (lambda folder: _written(folder / "big.xml", 101), "Too large for this."),
    ],
    ids=["a folder", "missing", "too large"],
)
def test_what_cannot_be_read_is_refused_in_words(tmp_path: Path, make, said: str) -> None:
    with pytest.raises(UnreadableFile, match=said):
        read(make(tmp_path))


def _written(path: Path, size: int) -> Path:
    path.write_bytes(b"x" * size)
    return path
