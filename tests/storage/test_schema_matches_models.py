"""The migrations build exactly the schema the ORM models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from scr_reflect.storage import (  # noqa: F401 (tables)
    keyslots,
    models_reflection,
    models_structured,
    models_transfer,
    models_trust,
    schema,
    sqlcipher,
)
from scr_reflect.storage.models import Base


def test_migrated_schema_matches_the_models() -> None:
    engine = sqlcipher.memory_engine(keyslots.new_data_key())
    schema.upgrade(engine, before_migrating=lambda _rev: None)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert differences == []
