"""Child protection files sent to and received from other schools.

One row per pack: which child, the other school, the pack's hash, when it went or came, and
(for a pack sent) when its receipt came back. Nothing about the child but their id.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"


def upgrade() -> None:
    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("pack_id", sa.String(64), nullable=False),
        sa.Column(
            "child_id",
            sa.Integer(),
            sa.ForeignKey("children.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("school", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(80), nullable=False),
        sa.Column("pack_sha256", sa.String(64), nullable=False),
        sa.Column("receipt_key", sa.String(64), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("direction", "pack_id", name="uq_transfers_pack"),
    )
    op.create_index("ix_transfers_child", "transfers", ["child_id"])
