"""`scr-reflect --version` names the app and the SQLCipher it really loaded."""

from __future__ import annotations

import pytest

from scr_reflect import __version__
from scr_reflect.launch import main
from scr_reflect.versions import cipher_version


def test_the_version_names_the_app_and_sqlcipher(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"SCR Reflect {__version__} (SQLCipher 4.")


def test_the_loaded_sqlite_is_sqlcipher_4():
    # Stores are SQLCipher 4 databases; a plain SQLite would answer no cipher_version at all.
    assert cipher_version().split(".")[0] == "4"
