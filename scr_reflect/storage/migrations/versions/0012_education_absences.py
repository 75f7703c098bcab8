"""Absences from education: missing from education and part-day absence, apart from going
missing from home or care. A new table only: no row changes.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    op.create_table(
        "education_absences",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "child_id",
            sa.Integer,
            sa.ForeignKey("children.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("start_time_known", sa.Boolean, nullable=False),
        sa.Column("ended_at", sa.DateTime, nullable=True),
        sa.Column("end_time_known", sa.Boolean, nullable=False),
        *(sa.Column(name, sa.Text, nullable=False) for name in ("said_to_be", "said_by")),
        sa.Column("checked", sa.String(40), nullable=False),
        sa.Column("check_notes", sa.Text, nullable=False),
        sa.Column("la_told_on", sa.Date, nullable=True),
        sa.Column("parent_told", sa.Boolean, nullable=False),
        *(sa.Column(name, sa.Text, nullable=False) for name in ("others_told", "notes")),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_education_absences_child_id", "education_absences", ["child_id"])
