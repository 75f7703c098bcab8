"""Alembic migrations, run at open. Each file in versions/ is one schema step."""
