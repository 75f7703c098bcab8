"""The audit trail seals records and its head: a content hash on each entry, a secret key.

Entries already in the trail keep no content hash (their hashes stay as they were); the key
that authenticates the key file's copy of the newest entry is made here, at random.

Revision ID: 0006
Revises: 0005
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    # The append-only triggers fire on UPDATE and DELETE only: adding a column is neither.
    op.add_column("audit_log", sa.Column("content_hash", sa.String(64), nullable=True))
    table = op.create_table(
        "audit_key",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("key", sa.String(64), nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "key": secrets.token_hex(32)}])
