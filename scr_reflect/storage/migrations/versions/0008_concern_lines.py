"""A concern's chronology line names its concern once: by record_type and record_id.

Until now it also carried concern_id, and some lines carried only that (the large demo
caseload wrote them so). Those are given record_type 'concern' and the concern's id before
the column goes. Only a concern's own line ever had a concern_id: a line typed on its own
never did.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    op.execute(
        "UPDATE chronology_entries SET record_type = 'concern', record_id = concern_id "
        "WHERE concern_id IS NOT NULL AND record_type IS NULL"
    )
    with op.batch_alter_table("chronology_entries") as batch:
        batch.drop_column("concern_id")
