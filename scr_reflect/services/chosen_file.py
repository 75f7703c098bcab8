"""A file the DSL chose, read whole: one wording for the ways it cannot be."""

from __future__ import annotations

from pathlib import Path


def read_chosen_file(
    path: Path, size_limit: int, too_large: str, refused: type[Exception]
) -> bytes:
    """The file's bytes; `refused` says in words why not (too large, a folder, missing,
    not allowed)."""
    if path.is_dir():  # before its size: a folder's is not the size of anything chosen
        raise refused(f"{path} is a folder, not a file.")
    try:
        if path.stat().st_size > size_limit:
            raise refused(too_large)
        return path.read_bytes()
    except FileNotFoundError as error:
        raise refused(f"There is no file {path}.") from error
    except PermissionError as error:
        raise refused(f"{path} cannot be read: permission denied.") from error
