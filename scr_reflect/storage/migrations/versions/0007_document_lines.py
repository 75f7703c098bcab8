"""Documents produced or printed get their own kind of chronology line.

Before, they were notes told apart by a title starting "Produced: " or "Printed: ", so a note a
DSL typed with such a title dropped out of the referral summary. Only lines the tool wrote are
moved: the exact title of a document the tool produces, and the body the tool wrote with it.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"

# The documents' titles as the tool wrote them up to this revision.
_TITLES = ("Referral summary", "Escalation summary", "Chronology", "Supervision pack")


def _written_by_the_tool() -> list[tuple[str, str]]:
    """(title, body pattern) pairs: each title with the body the tool wrote beside it."""
    pairs = []
    for title in _TITLES:
        pattern = f"{title}, % page%. Produced by %."
        pairs += [(f"Produced: {title} (PDF)", pattern), (f"Printed: {title}", pattern)]
    return pairs


def upgrade() -> None:
    entries = sa.table(
        "chronology_entries",
        sa.column("kind", sa.String),
        sa.column("title", sa.String),
        sa.column("body", sa.Text),
    )
    for title, body in _written_by_the_tool():
        op.execute(
            entries.update()
            .where(entries.c.kind == "note", entries.c.title == title, entries.c.body.like(body))
            .values(kind="document")
        )
