"""A chronology line says whether its time is known.

Factors and escalations are recorded by the day; their lines were given 09:00 so they sort at
the start of the school day, and showed that invented time. The lines the tool wrote for them
keep their place and are marked "time not known"; every other line keeps its time.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"

# The records kept by the day, each with the kind of line the tool wrote for it.
_BY_THE_DAY = (
    ("factor", "factor"),
    ("escalation", "escalation"),
    ("escalation_step", "escalation"),
)


def upgrade() -> None:
    op.add_column(
        "chronology_entries",
        sa.Column("time_known", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    entries = sa.table(
        "chronology_entries",
        sa.column("kind", sa.String),
        sa.column("record_type", sa.String),
        sa.column("time_known", sa.Boolean),
    )
    for record_type, kind in _BY_THE_DAY:
        op.execute(
            entries.update()
            .where(entries.c.record_type == record_type, entries.c.kind == kind)
            .values(time_known=False)
        )
