"""Shared test setup. Qt runs offscreen: set before any test module imports PySide6."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
