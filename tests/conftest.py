"""Shared test setup. Qt runs offscreen: set before any test module imports PySide6."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A passphrase that passes the strength policy; all test data is fictional.
PASSPHRASE = "correct horse battery staple violet"
