"""An escalation can challenge more than one decision.

Reviews found schools that disagreed with a "threshold not met" and then a "no further
action" about the same child. The first decision stays the escalation's referral; the others
are kept as their ids ("12,15"). Existing escalations challenge one decision, so they take
"" and their audit hashes still match (storage/audit_watch.py, _ADDED_LATER).

Revision ID: 0015
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"


def upgrade() -> None:
    op.add_column(
        "escalations", sa.Column("also_challenges", sa.Text, nullable=False, server_default="")
    )
