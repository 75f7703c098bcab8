"""What the first store opened in a run would otherwise do itself, done ahead of it.

Setting up the row mappings and loading the SQLCipher dialect take a good part of a first
unlock. Neither needs the store or its key, so the window has them done while the passphrase
is typed. Nothing is opened here: an engine connects only when first used.
"""

from __future__ import annotations

from sqlalchemy import URL, create_engine
from sqlalchemy.orm import configure_mappers

from . import store  # noqa: F401  (imports every row class the mappings are set up for)


def load_ahead() -> None:
    configure_mappers()
    create_engine(URL.create("sqlite+pysqlcipher", database=":memory:")).dispose()
