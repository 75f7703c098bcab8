"""Cumulative factors, missing episodes, accounts and claims, referrals and escalations,
information-sharing decisions; chronology lines link to the record they stand for.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True)


def _version() -> sa.Column:
    return sa.Column("version", sa.Integer, nullable=False)


def _parent(name: str, table: str) -> sa.Column:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False
    )


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False)


def upgrade() -> None:
    op.create_table(
        "factors",
        _id(),
        _parent("child_id", "children"),
        sa.Column("factor", sa.String(40), nullable=False),
        sa.Column("first_known", sa.Date, nullable=False),
        _text("source"),
        sa.Column("still_applies", sa.Boolean, nullable=False),
        sa.Column("ended_on", sa.Date, nullable=True),
        _text("notes"),
        _version(),
    )
    op.create_table(
        "missing_episodes",
        _id(),
        _parent("child_id", "children"),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime, nullable=True),
        _text("found_where"),
        _text("found_by"),
        _text("reported_by"),
        sa.Column("police_reference", sa.String(60), nullable=False),
        sa.Column("interview_offered_on", sa.Date, nullable=True),
        sa.Column("interview_held_on", sa.Date, nullable=True),
        _text("child_said"),
        _text("push_factors"),
        _text("pull_factors"),
        _version(),
    )
    op.create_table(
        "accounts",
        _id(),
        _parent("child_id", "children"),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("given_by", sa.String(200), nullable=False),
        sa.Column("given_at", sa.DateTime, nullable=False),
        _text("summary"),
        _version(),
    )
    op.create_table(
        "claims",
        _id(),
        _parent("account_id", "accounts"),
        _text("text"),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("evidence_kind", sa.String(20), nullable=True),
        _text("evidence"),
        _version(),
    )
    op.create_table(
        "referrals",
        _id(),
        _parent("child_id", "children"),
        sa.Column("made_at", sa.DateTime, nullable=False),
        sa.Column("agency", sa.String(40), nullable=False),
        _text("asked_for"),
        sa.Column("outcome", sa.String(40), nullable=False),
        _text("outcome_reasons"),
        sa.Column("heard_back_at", sa.DateTime, nullable=True),
        _version(),
    )
    op.create_table(
        "escalations",
        _id(),
        _parent("child_id", "children"),
        _parent("referral_id", "referrals"),
        sa.Column("started_on", sa.Date, nullable=False),
        _text("why_we_disagree"),
        _text("asking_for"),
        sa.Column("resolved_on", sa.Date, nullable=True),
        _text("resolution"),
        _version(),
    )
    op.create_table(
        "escalation_steps",
        _id(),
        _parent("escalation_id", "escalations"),
        sa.Column("stage", sa.String(60), nullable=False),
        _text("contacted"),
        sa.Column("contacted_on", sa.Date, nullable=False),
        _text("response"),
        sa.Column("next_deadline", sa.Date, nullable=True),
        _version(),
    )
    op.create_index("ix_steps_deadline", "escalation_steps", ["next_deadline"])
    op.create_table(
        "sharing_decisions",
        _id(),
        _parent("child_id", "children"),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("shared", sa.Boolean, nullable=False),
        _text("with_whom"),
        _text("what"),
        _text("why"),
        sa.Column("lawful_basis", sa.String(40), nullable=False),
        sa.Column("family_told", sa.Boolean, nullable=False),
        _text("why_not_told"),
        _version(),
    )
    for table, column in (
        ("factors", "child_id"),
        ("missing_episodes", "child_id"),
        ("accounts", "child_id"),
        ("claims", "account_id"),
        ("referrals", "child_id"),
        ("escalations", "child_id"),
        ("escalations", "referral_id"),
        ("escalation_steps", "escalation_id"),
        ("sharing_decisions", "child_id"),
    ):
        op.create_index(f"ix_{table}_{column}", table, [column])
    with op.batch_alter_table("chronology_entries") as batch:
        batch.add_column(sa.Column("record_type", sa.String(20), nullable=True))
        batch.add_column(sa.Column("record_id", sa.Integer, nullable=True))
        batch.create_index("ix_entries_record", ["record_type", "record_id"])
    op.execute(
        "UPDATE chronology_entries SET record_type = 'concern', record_id = concern_id "
        "WHERE concern_id IS NOT NULL"
    )
