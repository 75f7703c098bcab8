"""Reflection answers on a concern; a child's legal or social-care status.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "reflection_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "concern_id",
            sa.Integer,
            sa.ForeignKey("concerns.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("library_version", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("concern_id", "key", name="uq_answer_concern_key"),
    )
    op.create_index("ix_reflection_answers_concern_id", "reflection_answers", ["concern_id"])
    with op.batch_alter_table("children") as batch:
        batch.add_column(
            sa.Column("legal_status", sa.String(40), nullable=False, server_default="none")
        )
