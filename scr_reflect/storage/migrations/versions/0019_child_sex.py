"""A child's sex, as the school's MIS gives it (or the DSL types it); empty where not known.

Revision ID: 0019
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0017"


def upgrade() -> None:
    op.add_column("children", sa.Column("sex", sa.String(40), nullable=False, server_default=""))
