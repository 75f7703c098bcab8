"""Autosaved drafts of forms being typed, kept encrypted with everything else.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("fields_json", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
    )
