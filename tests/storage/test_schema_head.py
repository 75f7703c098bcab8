"""The head revision the code names without Alembic is the one its migration files reach."""

from __future__ import annotations

from scr_reflect.storage import schema, schema_migrate


def test_head_names_the_newest_migration() -> None:
    # A new migration in migrations/versions must update schema.HEAD too.
    assert schema_migrate.script_head() == schema.HEAD
    assert schema.head_revision() == schema.HEAD


def test_revisions_of_this_version_are_known_and_others_are_not() -> None:
    assert schema.is_known(schema.HEAD)
    assert schema.is_known("0001")
    assert not schema.is_known("0999")
