"""A claim says what it was checked against, when and by whom.

Claims checked before keep what they said (the kind of source and what showed it); the new
columns start empty, which the audit trail's hashes leave out, so those hashes still match.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    op.add_column(
        "claims", sa.Column("checked_against", sa.Text, nullable=False, server_default="")
    )
    op.add_column("claims", sa.Column("checked_on", sa.Date, nullable=True))
    op.add_column(
        "claims", sa.Column("checked_by", sa.String(200), nullable=False, server_default="")
    )
