"""Bring a database to the newest schema: refuse a newer one, back up before migrating.

A store already at HEAD is recognised with plain SQL; Alembic (schema_migrate.py) is
imported only when there is something to migrate or to refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).with_name("migrations")

# The newest migration in migrations/versions: a new migration updates it too
# (tests/storage/test_schema_head.py fails until it does).
HEAD = "0019"


class NewerDatabase(Exception):
    """The database was written by a newer version of SCR Reflect."""


def head_revision() -> str:
    return HEAD


def _stored_revisions(conn: Connection) -> list[str]:
    """The rows of Alembic's version table, read as Alembic reads them; none before set-up."""
    has_table = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if has_table is None:
        return []
    return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        stored = _stored_revisions(conn)
    if len(stored) > 1:
        raise ValueError(f"The database records {len(stored)} schema versions, not one.")
    return stored[0] if stored else None


def is_known(revision: str) -> bool:
    """Whether this version's migrations reach `revision` (if not, a newer version made it)."""
    if revision == HEAD:
        return True
    from . import schema_migrate

    return revision in schema_migrate.known_revisions()


def upgrade(engine: Engine, before_migrating: Callable[[str], None], target: str = "head") -> bool:
    """Migrate to `target`; calls `before_migrating(current)` first when there is data to keep.

    Returns True when a migration ran.
    """
    if target == "head":
        with engine.connect() as conn:
            if _stored_revisions(conn) == [HEAD]:
                return False
    from . import schema_migrate

    return schema_migrate.upgrade(engine, before_migrating, target)
