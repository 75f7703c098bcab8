"""People with their own key slots, the append-only audit trail, retention holds.

A store from before people existed had one slot, the DSL's: the DSL becomes person 1.

Revision ID: 0005
Revises: 0004
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from scr_reflect.storage.sqlcipher import AUDIT_APPEND_ONLY_TRIGGERS

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    people = op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("removed_at", sa.DateTime, nullable=True),
        sa.Column("removed_by", sa.String(200), nullable=True),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("child_id", sa.Integer, nullable=True),
        sa.Column("record_type", sa.String(20), nullable=True),
        sa.Column("record_id", sa.Integer, nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_child", "audit_log", ["child_id"])
    op.create_index("ix_audit_at", "audit_log", ["at"])
    for statement in AUDIT_APPEND_ONLY_TRIGGERS:
        op.execute(statement)
    op.create_table(
        "retention_holds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "child_id",
            sa.Integer,
            sa.ForeignKey("children.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("placed_at", sa.DateTime, nullable=False),
        sa.Column("placed_by", sa.String(200), nullable=False),
    )
    dsl_name = (
        op.get_bind()
        .execute(sa.text("SELECT value FROM settings WHERE key = 'dsl_name'"))
        .scalar_one_or_none()
    )
    if dsl_name:
        # The upgrade's own time: when the store learned of people, not when the DSL began.
        now = datetime.now().replace(microsecond=0)
        op.bulk_insert(
            people,
            [{"id": 1, "name": dsl_name, "role": "dsl", "added_at": now, "added_by": dsl_name}],
        )
