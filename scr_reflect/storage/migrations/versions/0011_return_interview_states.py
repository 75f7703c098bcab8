"""A missing episode says whether a return home interview was offered, and what came of it.

Before, only the dates were kept, so an episode with neither date could mean "not offered" or
"nobody recorded it". Each episode keeps its meaning: one with a date offered or held was
offered; one with a date held was held; any other is "not known", never "not offered".

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.add_column(
        "missing_episodes",
        sa.Column("interview_offer", sa.String(20), nullable=False, server_default="not_known"),
    )
    op.add_column(
        "missing_episodes",
        sa.Column("interview_outcome", sa.String(20), nullable=False, server_default="not_yet"),
    )
    op.add_column("missing_episodes", sa.Column("interview_declined_on", sa.Date, nullable=True))
    episodes = sa.table(
        "missing_episodes",
        sa.column("interview_offer", sa.String),
        sa.column("interview_offered_on", sa.Date),
        sa.column("interview_outcome", sa.String),
        sa.column("interview_held_on", sa.Date),
    )
    offered_or_held = sa.or_(
        episodes.c.interview_offered_on.is_not(None), episodes.c.interview_held_on.is_not(None)
    )
    op.execute(episodes.update().where(offered_or_held).values(interview_offer="offered"))
    op.execute(
        episodes.update()
        .where(episodes.c.interview_held_on.is_not(None))
        .values(interview_outcome="held")
    )
