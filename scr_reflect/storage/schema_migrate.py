"""Alembic's side of the schema: run the migrations, and name the revisions they know.

Imported only when a database is not at HEAD (new, older or newer): Alembic and what it
brings are megabytes and a good part of a second that opening a current store does without.
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from .schema import MIGRATIONS, NewerDatabase


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def script_head() -> str:
    """The newest revision among the migration files (schema.HEAD must name it)."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def upgrade(engine: Engine, before_migrating: Callable[[str], None], target: str) -> bool:
    """Migrate to `target`; calls `before_migrating(current)` first when there is data to keep.

    Returns True when a migration ran.
    """
    config = _config()
    scripts = ScriptDirectory.from_config(config)
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
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
