"""Bring a database to the newest schema: refuse a newer one, back up before migrating."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


class NewerDatabase(Exception):
    """The database was written by a newer version of SCR Reflect."""


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, before_migrating: Callable[[str], None], target: str = "head") -> bool:
    """Migrate to `target`; calls `before_migrating(current)` first when there is data to keep.

    Returns True when a migration ran.
    """
    config = _config()
    scripts = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    if current is not None:
        try:
            scripts.get_revision(current)
        except CommandError as exc:
            raise NewerDatabase(
                "This database was written by a newer version of SCR Reflect "
                f"(schema {current}). Install that version or newer to open it."
            ) from exc
    wanted = scripts.get_current_head() if target == "head" else target
    if current == wanted:
        return False
    if current is not None:
        before_migrating(current)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
    return True
