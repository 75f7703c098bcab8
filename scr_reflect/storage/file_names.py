"""The names of a data folder's files, light enough for the command line to check a folder
before it loads the store's libraries."""

from __future__ import annotations

from pathlib import Path

DATABASE_FILE = "scr-reflect.db"
KEY_FILE = "keys.json"  # the key slots: a folder with one is set up


def is_set_up(root: Path) -> bool:
    return (root / KEY_FILE).exists()
