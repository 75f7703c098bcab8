"""What `scr-reflect --version` prints: this app's version and the encryption library's.

SQLCipher's own version is asked of the library that is loaded, so a frozen build shows the
one it really carries (and fails here, at once, if it carries none)."""

from __future__ import annotations

from contextlib import closing

from sqlcipher3 import dbapi2

from . import APP_NAME, __version__


def cipher_version() -> str:
    """SQLCipher's version, e.g. '4.6.1 community'; an in-memory database, nothing on disk."""
    with closing(dbapi2.connect(":memory:")) as probe:
        row = probe.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise RuntimeError("The SQLite library loaded is not SQLCipher: records cannot be kept.")
    return str(row[0])


def version_text() -> str:
    return f"{APP_NAME} {__version__} (SQLCipher {cipher_version()})"
