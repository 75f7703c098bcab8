"""Body map marks: where a mark on a child is, its size, shape and colour, and who saw it.

Each mark belongs to the child and to the concern it was recorded under. A new table only.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"


def _parent(name: str, table: str) -> sa.Column:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "body_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        _parent("child_id", "children"),
        _parent("concern_id", "concerns"),
        sa.Column("view", sa.String(20), nullable=False),
        sa.Column("x", sa.Float, nullable=False),
        sa.Column("y", sa.Float, nullable=False),
        sa.Column("region", sa.String(80), nullable=False),
        sa.Column("shape", sa.String(20), nullable=False),
        sa.Column("colour", sa.Text, nullable=False),
        sa.Column("how_known", sa.String(20), nullable=False),
        sa.Column("seen_by", sa.Text, nullable=False),
        sa.Column("seen_on", sa.Date, nullable=False),
        sa.Column("seen_time", sa.Time, nullable=True),
        sa.Column("length_cm", sa.Float, nullable=True),
        sa.Column("width_cm", sa.Float, nullable=True),
        sa.Column("broken_skin", sa.Boolean, nullable=False),
        sa.Column("swelling", sa.Boolean, nullable=False),
        sa.Column("bleeding", sa.Boolean, nullable=False),
        sa.Column("child_said", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_body_marks_child_id", "body_marks", ["child_id"])
    op.create_index("ix_body_marks_concern_id", "body_marks", ["concern_id"])
