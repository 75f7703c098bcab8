"""Where things live: the data folder (platformdirs, --data-dir or SCR_REFLECT_DATA_DIR)
and the window settings file."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_DIR_NAME = "SCR Reflect"
APP_AUTHOR = "SCR Reflect"
DATA_DIR_ENV = "SCR_REFLECT_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then the environment, then the platform's user data folder."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return user_data_path(APP_DIR_NAME, APP_AUTHOR)


def settings_file(data_root: Path) -> Path:
    """Window settings sit beside the data they belong to, so each data folder keeps its own.

    The default folder keeps them in the platform's config folder instead."""
    if data_root == user_data_path(APP_DIR_NAME, APP_AUTHOR):
        return user_config_path(APP_DIR_NAME, APP_AUTHOR) / "settings.ini"
    return data_root / "settings.ini"
