"""Children, concerns, chronology, follow-up actions and kept earlier versions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "children",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("preferred_name", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date, nullable=False),
        sa.Column("year_group", sa.String(40), nullable=False),
        sa.Column("tutor_group", sa.String(40), nullable=False),
        sa.Column("upn", sa.String(13), nullable=False),
        sa.Column("household", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_children_full_name", "children", ["full_name"])
    op.create_table(
        "concerns",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "child_id", sa.Integer, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("occurred_at", sa.DateTime, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("raised_by", sa.String(200), nullable=False),
        sa.Column("what_happened", sa.Text, nullable=False),
        sa.Column("child_words", sa.Text, nullable=False),
        sa.Column("categories", sa.String(400), nullable=False),
        sa.Column("action_taken", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_concerns_child", "concerns", ["child_id", "status"])
    op.create_table(
        "chronology_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "child_id", sa.Integer, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("occurred_at", sa.DateTime, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column(
            "concern_id",
            sa.Integer,
            sa.ForeignKey("concerns.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_entries_child_time", "chronology_entries", ["child_id", "occurred_at"])
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "child_id", sa.Integer, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "concern_id",
            sa.Integer,
            sa.ForeignKey("concerns.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("done_on", sa.Date, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_actions_open", "actions", ["done_on", "due_on"])
    op.create_table(
        "record_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("record_type", sa.String(20), nullable=False),
        sa.Column("record_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("fields_json", sa.Text, nullable=False),
        sa.Column("replaced_at", sa.DateTime, nullable=False),
        sa.Column("replaced_by", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_versions_record", "record_versions", ["record_type", "record_id"])
