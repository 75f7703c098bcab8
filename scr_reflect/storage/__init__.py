"""Encrypted storage: SQLCipher engine, ORM models, migrations, repository, key slots."""
