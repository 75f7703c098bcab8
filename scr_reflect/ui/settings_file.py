"""The one QSettings of a run, opened at an explicit path.

Each data folder keeps its own settings file (paths.settings_file), and each test passes a file
in its own temporary folder, so no test reads or changes the settings of a real installation.
The preferences in it are declared in scr_reflect.settings; QSettings is only the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def open_settings(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)
